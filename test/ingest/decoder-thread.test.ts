// A decoding thread started before the store was opened is used only for the file and questions it was
// started with: an extra time probe is harmless (a resumed ingest ignores it), a missing one or another file is not.
import { describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { reusableDecoder, type StartedDecoder } from '../../src/ingest/decoder-thread.js';
import type { FileQuestions } from '../../src/ingest/file-probe.js';

const window = { minMs: 0, maxMs: 1e12 };
const started = (q: FileQuestions): StartedDecoder => ({ questions: q, worker: {} as Worker, answers: Promise.resolve({ probe: null, span: null }) });

describe('reusableDecoder', () => {
  const pre = started({ path: 'a.nmea', probe: true, spanWithin: window });
  it('takes a thread asked the same, or more, about the same file', () => {
    expect(reusableDecoder(pre, { path: 'a.nmea', probe: true, spanWithin: { minMs: 0, maxMs: 1e12 + 500 } })).toBe(pre);
    expect(reusableDecoder(pre, { path: 'a.nmea', probe: false, spanWithin: window })).toBe(pre);
  });
  it('refuses another file, a missing probe, or a span asked or not asked differently', () => {
    expect(reusableDecoder(pre, { path: 'b.nmea', probe: true, spanWithin: window })).toBeNull();
    expect(reusableDecoder(pre, { path: 'a.nmea', probe: true, spanWithin: null })).toBeNull();
    const noProbe = started({ path: 'a.nmea', probe: false, spanWithin: null });
    expect(reusableDecoder(noProbe, { path: 'a.nmea', probe: true, spanWithin: null })).toBeNull();
    expect(reusableDecoder(noProbe, { path: 'a.nmea', probe: false, spanWithin: window })).toBeNull();
    expect(reusableDecoder(null, { path: 'a.nmea', probe: false, spanWithin: null })).toBeNull();
  });
});
