// The ship names broadcast in the AIS captures of the fixtures (static reports: type 5 and 24), for
// bench/screen-real-names.ts: real ships, read by the project's own decoder, nothing downloaded.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { AisDecoder } from '../src/ais/index.js';

const FILES = [
  'test/fixtures/ais/amsa-ais.txt.gz', 'test/fixtures/ais/dma-stream_example.txt.gz',
  'bench/data/real/exact-earth-augmented.txt.gz', 'test/fixtures/ais/pyais-nmea_data_sample.txt',
];

/** Distinct ship names, sorted (AIS padding and blanks removed). */
export async function realShipNames(root = new URL('..', import.meta.url).pathname): Promise<string[]> {
  const names = new Set<string>();
  for (const f of FILES) {
    const raw = readFileSync(root + f);
    const text = (f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1');
    const d = new AisDecoder();
    for (const line of text.split('\n')) {
      const r = d.decodeLine(line.trimEnd());
      if (r.kind !== 'message') continue;
      const name = (r.message as { shipname?: string | null }).shipname?.replace(/@+/g, ' ').trim();
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}
