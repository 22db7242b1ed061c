// Derives src/reference/data/ne-10m-land.json from Natural Earth 1:10m land GeoJSON (CC0):
//   7z x ne_10m_land.7z && node scripts/ne-land-encode.mjs ne_10m_land.json > src/reference/data/ne-10m-land.json
// Each ring is quantised to 1e-4° (≈ 11 m, far below the 1:10m source's own accuracy), consecutive
// duplicate points dropped, and written as a Google polyline string (delta-encoded integers, ~6 bytes a
// point instead of ~40 in GeoJSON). src/geo/land-data.ts decodes it.
import { readFileSync } from 'node:fs';

const Q = 1e4;
const fc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rings = [];
let points = 0;
for (const f of fc.features) {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      const q = [];
      for (const [lon, lat] of ring) {
        const x = Math.round(lon * Q), y = Math.round(lat * Q);
        const last = q[q.length - 1];
        if (!last || last[0] !== x || last[1] !== y) q.push([x, y]);
      }
      if (q.length < 4) continue;
      points += q.length;
      rings.push(encode(q));
    }
  }
}
process.stdout.write(JSON.stringify({ source: 'Natural Earth 1:10m land (ne_10m_land, v4.0), CC0', quantumDeg: 1 / Q, points, rings }));

function encode(q) {
  let s = '', px = 0, py = 0;
  for (const [x, y] of q) {
    s += num(x - px) + num(y - py);
    px = x;
    py = y;
  }
  return s;
}
function num(v) {
  let n = v < 0 ? ~(v << 1) : v << 1;
  let s = '';
  while (n >= 0x20) {
    s += String.fromCharCode((0x20 | (n & 0x1f)) + 63);
    n >>>= 5;
  }
  return s + String.fromCharCode(n + 63);
}
