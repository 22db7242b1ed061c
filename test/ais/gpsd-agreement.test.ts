// Agreement with gpsd on real captures: every message gpsdecode printed (stored beside the fixture) has a
// Tumen counterpart with the same fields, but for the documented differences (docs/decoding.md). The
// same comparison runs live over every file in the shared data set in bench/decode-agreement.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, decodeAll, fixtureLines, messagesOf } from './helpers.js';
import { compareWithGpsd, gpsdAis } from './gpsd-compare.js';

/** Fixture, and gpsdecode messages Tumen rightly has no counterpart for. */
const FILES: Array<[string, number]> = [
  ['signalk-gofree-merrimac-head.log', 0], // Navico GoFree extra field
  ['amsa-exact-earth-augmented-head60.txt', 1], // exactEarth $PGHP + trailing epoch; a type 22 with sw_lat -96.17 (out_of_range here)
  ['amsa-exact-earth-with-tag-block.txt', 0], // tag blocks with g:
  ['amsa-nmea-timestamped.txt', 1], // a type 1 with MMSI 0 (out_of_range here)
  ['dma-small_cb_example.txt', 0],
  ['pyais-gatehouse.nmea', 0],
  ['pyais-nmea_data_sample.txt', 0],
  ['libais-tagblock.nmea', 0],
];

describe('agreement with gpsdecode (stored output)', () => {
  for (const [name, missing] of FILES) {
    it(name, () => {
      const gpsd = gpsdAis(readFileSync(`${FIXTURES}gpsdecode/${name}.jsonl`, 'utf8'));
      const ours = messagesOf(decodeAll(fixtureLines(name)).results).map((m) => m.message);
      const a = compareWithGpsd(gpsd, ours);
      expect(gpsd.length).toBeGreaterThan(0);
      expect(a.matched).toBe(gpsd.length - missing);
      expect({ name, diffs: Object.fromEntries(a.modulo === a.matched ? [] : a.fieldDiffs) }).toEqual({ name, diffs: {} });
    });
  }
});
