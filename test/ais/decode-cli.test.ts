// `tumen decode` end to end through its command function, on small real fixtures.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, decodeFiles, formatSummary, parsePlainDecodeArgs, type Sink } from '../../src/cli/commands/decode.js';
import { FIXTURES } from './helpers.js';

function memorySink(closeAfterWrites = Infinity): Sink & { text(): string } {
  const chunks: Buffer[] = [];
  const sink = {
    closed: false,
    write(chunk: Buffer) {
      chunks.push(Buffer.from(chunk));
      if (chunks.length >= closeAfterWrites) sink.closed = true;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
  return sink;
}

describe('tumen decode', () => {
  it('jsonl: one object per message with station and ISO time when the line has them', async () => {
    const sink = memorySink();
    const s = await decodeFiles([FIXTURES + 'libais-typeexamples.nmea'], { format: 'jsonl', strict: false }, sink);
    const rows = sink.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBe(22);
    expect(rows[1]).toMatchObject({ type: 1, mmsi: 367033650, speed: 8.6, course: 35.9, station: '003669946', time: '2012-01-01T05:01:00.000Z' });
    expect(s.counts).toMatchObject({ message: 22, out_of_range: 4 });
    expect(formatSummary(s)).toBe('decode: 26 lines: 22 messages (+0 fragment lines), 4 rejected (out_of_range 4), 0 skipped\n');
  });

  it('reads .gz and several files, summing the counts', async () => {
    const sink = memorySink();
    const s = await decodeFiles([FIXTURES + 'dma-stream_example.txt.gz', FIXTURES + 'pyais-messages.ais'], { format: 'jsonl', strict: false }, sink);
    expect(s.lines).toBe(8551 + 11);
    expect(s.counts.message).toBe(4049 + 6);
    expect(sink.text().trim().split('\n').length).toBe(4055);
    // $PGHP times on the DMA stream
    expect(JSON.parse(sink.text().split('\n')[0]).time).toBe('2010-06-11T11:46:11.390Z');
  });

  it('csv: header with the documented columns, quoted text', async () => {
    const sink = memorySink();
    await decodeFiles([FIXTURES + 'libais-typeexamples.nmea'], { format: 'csv', strict: false }, sink);
    const lines = sink.text().trim().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.length).toBe(23);
    expect(lines[3]).toContain('"BOSTON,USA"');
    expect(lines[3].startsWith('2012-01-01T05:01:05.000Z,003669946,5,0,249190000,')).toBe(true);
  });

  it('--strict stops at the first reject with file:line', async () => {
    const sink = memorySink();
    const s = await decodeFiles([FIXTURES + 'pyais-mixed.txt'], { format: 'jsonl', strict: true }, sink);
    expect(s.strictFailure).toMatch(/pyais-mixed\.txt:\d+: checksum: /);
  });

  it('a closed output (EPIPE) stops quietly', async () => {
    const sink = memorySink(1);
    const s = await decodeFiles([FIXTURES + 'amsa-ais.txt.gz'], { format: 'jsonl', strict: false }, sink);
    expect(s.brokenPipe).toBe(true);
    expect(s.lines).toBeLessThan(44687);
  });

  it('reads plain arguments without commander and leaves every other form to it', () => {
    expect(parsePlainDecodeArgs(['a.txt', '--format', 'csv', '--strict', '-', '--time-window', '2012-01-01..'])).toEqual({
      files: ['a.txt', '-'],
      opts: { format: 'csv', strict: true, timeWindow: '2012-01-01..' },
    });
    expect(parsePlainDecodeArgs(['a.txt'])).toEqual({ files: ['a.txt'], opts: { format: 'jsonl', strict: false } });
    for (const args of [[], ['--help'], ['a.txt', '-h'], ['--format=csv', 'a.txt'], ['a.txt', '--format'], ['a.txt', '--format', '--strict'], ['--', 'a.txt'], ['a.txt', '--bogus']]) {
      expect(parsePlainDecodeArgs(args)).toBeNull();
    }
  });
});
