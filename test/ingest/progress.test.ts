import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('draws a bar with bytes, messages/s and ETA on a terminal', () => {
    let now = 0;
    const { out, stream } = fakeStream(true);
    const p = createProgress(stream, () => now);
    p.update('f.nmea', 0, 100 * 1048576, 0); // first call starts the clock
    now = 10_000;
    p.update('f.nmea', 25 * 1048576, 100 * 1048576, 500_000);
    expect(out.at(-1)).toBe('\r[######..................]  25% 25.0 MiB / 100.0 MiB  500000 msgs  50000 msg/s  ETA 0:30\x1b[K');
    p.done();
    expect(out.at(-1)).toBe('\r\x1b[K');
  });
  it('prints a plain line every 10 s otherwise', () => {
    let now = 0;
    const { out, stream } = fakeStream(false);
    const p = createProgress(stream, () => now);
    p.update('f.nmea', 0, 0, 0);
    now = 5_000;
    p.update('f.nmea', 10, 0, 10);
    expect(out).toEqual([]);
    now = 10_000;
    p.update('f.nmea', 2 * 1048576, 0, 1000);
    expect(out).toEqual(['f.nmea: 2.0 MiB  1000 msgs  100 msg/s  ETA --:--\n']);
  });
});
