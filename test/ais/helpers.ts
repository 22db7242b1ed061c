// Shared helpers for the decoder tests: fixture paths and "decode every line of a file".
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { AisDecoder, type DecodeResult } from '../../src/ais/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/ais/', import.meta.url));

/** Lines of a fixture (gunzipped when it ends in .gz), without a trailing empty line. */
export function fixtureLines(name: string): string[] {
  const raw = readFileSync(FIXTURES + name);
  const text = (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function decodeAll(lines: string[], decoder = new AisDecoder()): { decoder: AisDecoder; results: DecodeResult[] } {
  const results = lines.map((l) => decoder.decodeLine(l));
  return { decoder, results };
}

export function messagesOf(results: DecodeResult[]) {
  return results.flatMap((r) => (r.kind === 'message' ? [r] : []));
}
