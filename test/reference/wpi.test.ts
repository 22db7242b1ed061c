import { describe, expect, it } from 'vitest';
import { wpiPorts } from '../../src/reference/wpi.js';

describe('wpiPorts', () => {
  const ports = wpiPorts();

  it('gives Portsmouth Harbour, whose WPI UN/LOCODE is malformed (GB ME""), its WPI number as id', () => {
    const p = ports.find((x) => x.name === 'Portsmouth Harbour');
    expect(p?.id).toBe('WPI35600');
    expect(p?.country).toBe('GB');
  });

  it('keeps well-formed codes as ids and every id unique', () => {
    expect(ports.find((x) => x.name === 'Busan')?.id).toBe('KRPUS');
    expect(new Set(ports.map((p) => p.id)).size).toBe(ports.length);
    for (const p of ports) expect(p.id).toMatch(/^([A-Z]{2}[A-Z2-9]{3}|WPI\d+)$/);
  });
});
