// Learned anchorages as GeoJSON (one Point feature per cell, with its anchorage) and CSV (one row per cell).
import type { Anchorage } from './learn.js';

export function anchoragesGeoJson(anchorages: readonly Anchorage[]): { type: 'FeatureCollection'; features: unknown[] } {
  const features = anchorages.flatMap((a) =>
    a.cells.map((c) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(c.lon), round(c.lat)] },
      properties: { anchorage_id: a.id, name: a.name, country: a.country, labelled: a.labelled, label_distance_m: a.labelDistanceM, vessels: c.vessels, stops: c.stops, stopped_h: Math.round(c.stoppedH * 10) / 10 },
    })),
  );
  return { type: 'FeatureCollection', features };
}

export function anchoragesCsv(anchorages: readonly Anchorage[]): string {
  const rows = ['anchorage_id,name,country,labelled,label_distance_m,lat,lon,vessels,stops,stopped_h'];
  for (const a of anchorages) {
    for (const c of a.cells) {
      rows.push([a.id, csv(a.name), a.country, a.labelled, a.labelDistanceM ?? '', round(c.lat), round(c.lon), c.vessels, c.stops, Math.round(c.stoppedH * 10) / 10].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;
const csv = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
