// Reading scenes and detections: formats accepted, bad rows counted by reason, non-files refused.
import { describe, expect, it } from 'vitest';
import { parseDetections, parseScenes } from '../../src/imagery/parse.js';

describe('parseScenes', () => {
  it('reads JSON Lines and counts scenes without footprints, bad times and unknown sensors', () => {
    const text = [
      '{"scene_id":"A","time":"2024-03-01T02:00:00Z","sensor":"sar","bbox":{"lat_min":42,"lat_max":42.5,"lon_min":130,"lon_max":130.6}}',
      '{"scene_id":"B","time":"2024-03-01T02:00:00Z","sensor":"optical"}',
      '{"scene_id":"C","time":"yesterday","sensor":"sar","bbox":{"lat_min":42,"lat_max":42.5,"lon_min":130,"lon_max":130.6}}',
      '{"scene_id":"D","time":"2024-03-01T02:00:00Z","sensor":"lidar","bbox":{"lat_min":42,"lat_max":42.5,"lon_min":130,"lon_max":130.6}}',
      '{"scene_id":"E","time":"2024-03-01T02:00:00Z","sensor":"sar","bbox":{"lat_min":43,"lat_max":42.5,"lon_min":130,"lon_max":130.6}}',
      'not json',
    ].join('\n');
    const r = parseScenes(text);
    expect(r.items.map((s) => s.scene_id)).toEqual(['A']);
    expect(r.items[0]!.timeMs).toBe(Date.parse('2024-03-01T02:00:00Z'));
    expect(r.rejects).toEqual({ no_footprint: 1, bad_time: 1, unknown_sensor: 1, bad_footprint: 1, bad_json: 1 });
  });
  it('reads a GeoJSON FeatureCollection of footprint polygons as bounding boxes', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[130, 42], [130.6, 42], [130.6, 42.5], [130, 42.5], [130, 42]]] }, properties: { scene_id: 'G', time: '2024-03-01T02:00:00Z', sensor: 'Sentinel-1A' } },
      { type: 'Feature', geometry: null, properties: { scene_id: 'H', time: '2024-03-01T02:00:00Z', sensor: 'sar' } },
    ] };
    const r = parseScenes(JSON.stringify(fc));
    expect(r.items).toEqual([{ scene_id: 'G', timeMs: Date.parse('2024-03-01T02:00:00Z'), sensor: 'sar', bbox: { lat_min: 42, lat_max: 42.5, lon_min: 130, lon_max: 130.6 } }]);
    expect(r.rejects).toEqual({ no_footprint: 1 });
  });
  it('refuses a file that is neither JSON Lines nor GeoJSON', () => {
    expect(() => parseScenes('scene_id,time\nA,2024')).toThrow(/neither JSON Lines nor a GeoJSON/);
  });
});

describe('parseDetections', () => {
  it('reads CSV with optional length/heading/presence and counts negative lengths and bad positions', () => {
    const csv = [
      'detection_id,scene_id,time,lat,lon,length_m,sensor,heading',
      'd1,A,2024-03-01T02:00:00Z,42.2,130.3,150,sar,370',
      'd2,A,2024-03-01T02:00:00Z,42.2,130.3,,,',
      'd3,A,2024-03-01T02:00:00Z,42.2,130.3,-5,sar,',
      'd4,A,2024-03-01T02:00:00Z,95,130.3,10,sar,',
      'd5,A,2024-03-01T02:00:00Z,42.2,130.3,ten,sar,',
    ].join('\n');
    const r = parseDetections(csv);
    expect(r.items.map((d) => [d.detection_id, d.length_m, d.heading_deg, d.sensorGiven])).toEqual([['d1', 150, 10, true], ['d2', null, null, false]]);
    expect(r.rejects).toEqual({ negative_length: 1, bad_position: 1, bad_length: 1 });
  });
  it('reads GeoJSON points and refuses a CSV without the required columns', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [130.3, 42.2] }, properties: { detection_id: 'g1', scene_id: 'A', time: '2024-03-01T02:00:00Z', length_m: 90 } }] };
    const r = parseDetections(JSON.stringify(fc));
    expect(r.items[0]).toMatchObject({ detection_id: 'g1', lat: 42.2, lon: 130.3, length_m: 90 });
    expect(() => parseDetections('id,lat,lon\n1,2,3')).toThrow(/lacks detection_id, scene_id, time/);
  });
});
