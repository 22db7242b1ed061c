// KML 2.2 writer (Google Earth): tracks as gx:Track-free LineStrings (opens everywhere), gaps as dashed-
// looking red lines, events as placemarks with their figures in the description. Pure string building.
import type { Feature, FeatureCollection } from './geojson.js';

const esc = (s: unknown): string =>
  String(s).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

const coords = (pts: number[][]): string => pts.map(([lon, lat]) => `${lon},${lat},0`).join(' ');

/** A vessel's name (labelled events carry `vessel`/`other_vessel`), else its MMSI. */
function shipName(label: unknown, mmsi: unknown): string {
  const name = (label as { name?: string | null } | undefined)?.name;
  return name ? `${name} (MMSI ${mmsi})` : `MMSI ${mmsi}`;
}

function placemark(f: Feature): string {
  const p = f.properties;
  const name = p.kind === 'event' ? `${p.type} ${shipName(p.vessel, p.mmsi)}${p.other_mmsi ? ` + ${shipName(p.other_vessel, p.other_mmsi)}` : ''} ${p.start}`
    : p.kind === 'track' ? `track ${shipName(p.vessel, p.mmsi)}` : `${p.kind} ${p.mmsi ?? p.name ?? ''}`;
  const style = p.kind === 'track' ? '#track' : p.kind === 'track_gap' || p.type === 'gap' ? '#gap' : '#event';
  const rows = Object.entries(p)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</td></tr>`)
    .join('');
  const g = f.geometry;
  const geometry =
    g.type === 'Point' ? `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]},0</coordinates></Point>`
      : g.type === 'LineString' ? `<LineString><tessellate>1</tessellate><coordinates>${coords(g.coordinates)}</coordinates></LineString>`
        : `<MultiGeometry>${g.coordinates.map((l) => `<LineString><tessellate>1</tessellate><coordinates>${coords(l)}</coordinates></LineString>`).join('')}</MultiGeometry>`;
  const when = typeof p.start === 'string'
    ? `<TimeSpan><begin>${esc(p.start)}</begin>${typeof p.end === 'string' ? `<end>${esc(p.end)}</end>` : ''}</TimeSpan>`
    : '';
  return `<Placemark><name>${esc(name)}</name>${when}<styleUrl>${style}</styleUrl><description><![CDATA[<table>${rows.replace(/]]>/g, ']]&gt;')}</table>]]></description>${geometry}</Placemark>`;
}

export function toKml(fc: FeatureCollection, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${esc(title)}</name>
<Style id="track"><LineStyle><color>ff00a5ff</color><width>2</width></LineStyle></Style>
<Style id="gap"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle><IconStyle><color>ff0000ff</color></IconStyle></Style>
<Style id="event"><IconStyle><color>ff00ffff</color></IconStyle></Style>
${fc.features.map(placemark).join('\n')}
</Document></kml>
`;
}
