// The printed evidence map: frame, coast, graticule, scale bar, labels and legend from features, on the
// real Natural Earth 1:10m coast of the Tumen estuary.
import { describe, expect, it } from 'vitest';
import { clipLine, clipRing, clipSegment } from '../../src/geo/clip.js';
import { degText, frameBox, printMapSvg } from '../../src/report/print-map.js';
import { naturalEarth10mRings } from '../../src/geo/land-data.js';
import type { FeatureCollection } from '../../src/io/geojson.js';

const box = { minLon: 0, minLat: 0, maxLon: 10, maxLat: 10 };

describe('clipping', () => {
  it('clips a square ring to the window as an area closed along the window edge', () => {
    const ring = [-5, -5, 5, -5, 5, 5, -5, 5, -5, -5];
    const out = clipRing(ring, 0, 5, box);
    const pts = Array.from({ length: out.length / 2 }, (_, i) => `${out[2 * i]},${out[2 * i + 1]}`).sort();
    expect(pts).toEqual(['0,0', '0,5', '5,0', '5,5']);
    expect(clipRing([20, 20, 30, 20, 30, 30, 20, 20], 0, 4, box)).toEqual([]);
  });

  it('clips a line into the parts inside, never along the window edge', () => {
    // In, out through the right edge, back in: two parts.
    const line = [5, 5, 15, 5, 15, 8, 5, 8];
    expect(clipLine(line, 0, 4, box)).toEqual([[5, 5, 10, 5], [10, 8, 5, 8]]);
    expect(clipSegment(-5, 5, 15, 5, box)).toEqual([0, 5, 10, 5]);
    expect(clipSegment(-5, 11, 15, 11, box)).toBeNull();
  });
});

describe('print map', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [[[133.0, 42.7], [132.2, 42.5], [131.4, 42.4]], [[130.9, 42.3], [130.5, 42.25]]] },
        properties: { kind: 'track', role: 'vessel', start: '2024-03-01T00:00:00.000Z', end: '2024-03-02T00:00:00.000Z' } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[131.4, 42.4], [130.9, 42.3]] }, properties: { kind: 'track_gap' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [131.2, 42.35] }, properties: { kind: 'event', type: 'dark_port_call' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [130.3, 42.23] }, properties: { kind: 'port', name: 'Najin/Rajin', country: 'KP' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [130.3, 42.23] }, properties: { kind: 'candidate_port', name: 'Najin/Rajin', score: 3 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [129.8, 41.78] }, properties: { kind: 'candidate_port', name: 'Chongjin', score: 1 } },
    ],
  };
  const ports = [
    { name: 'Vostochny', country: 'RU', lat: 42.75, lon: 133.08, role: 'rfe_port', size: 'POI' },
    { name: 'Far Away', country: 'XX', lat: 10, lon: 10, role: null, size: 'L' },
  ];
  const svg = printMapSvg({ features: fc, land: naturalEarth10mRings(), ports });

  it('frames the features (not the world) at the page aspect', () => {
    const b = frameBox(fc, 900, 620);
    expect(b.minLon).toBeLessThan(129.8);
    expect(b.maxLon).toBeGreaterThan(133.0);
    expect(b.maxLon - b.minLon).toBeLessThan(6);
    expect(b.minLat).toBeLessThan(41.78);
    expect(b.maxLat).toBeGreaterThan(42.7);
  });

  it('draws land, coast, graticule, scale bar, north arrow and the track with its direction', () => {
    expect(svg).toMatch(/<path class="land" d="M[\d.]+ [\d.]+L/);
    expect(svg).toMatch(/<path class="coast" d="M/);
    expect(svg).toContain('<path class="graticule"');
    expect(svg).toMatch(/131°E|131°30′E/);
    expect(svg).toMatch(/42°N|42°30′N/);
    expect(svg).toMatch(/class="scale-bar".*>\d+(\.\d+)? nm<.*>\d+ km</);
    expect(svg).toContain('class="north"');
    expect(svg.match(/class="track"/g)).toHaveLength(2);
    expect(svg).toContain('marker-end="url(#arrow)"');
    expect(svg).toContain('start 03-01 00:00Z');
  });

  it('labels the inferred port once, candidates with their share, ports of interest in the frame, and nothing outside it', () => {
    expect(svg.match(/>Najin\/Rajin \(KP\)</g)).toHaveLength(1);
    expect(svg).toContain('>Chongjin 25 %<');
    expect(svg).toContain('>Vostochny<');
    expect(svg).not.toContain('Far Away');
  });

  it('has a legend of exactly what it drew', () => {
    const legend = svg.slice(svg.indexOf('class="legend"'));
    for (const t of ['track of the vessel', 'dark: no AIS received', 'inferred / visited port', 'candidate port', 'Dark port call']) expect(legend).toContain(t);
    expect(legend).not.toContain('other ship');
    expect(legend).not.toContain('reachable while dark');
  });

  it('writes degrees and minutes', () => {
    expect(degText(42.5, 'lat')).toBe('42°30′N');
    expect(degText(-0.25, 'lon')).toBe('0°15′W');
    expect(degText(130.9999, 'lon')).toBe('131°E');
  });
});
