// One event, its own permalink (#/event/<id>): who (names, flags, IMO of both ships), when, where, the
// figures behind it, and on the map both tracks with direction and time, the dark stretch, the area the
// ship could reach while dark and every candidate port labelled with its likelihood and why.
import { api, type TumenEventJson } from './api.js';
import { CANDIDATE_HEX, PARTNER_RGB, PORT_HEX, TRACK_RGB, type RGB } from './colors.js';
import { badge, el, errorBox, fmtTime, loading, table, vesselLink } from './dom.js';
import { lengthText } from './event-rows.js';
import type { TumenMap } from './map.js';
import { packLinks } from './pack-links.js';
import { eventImagery } from './event-imagery.js';
import { eventRequests } from './first-requests.js';

const rgbOf = (hexColour: string): RGB => [1, 3, 5].map((i) => parseInt(hexColour.slice(i, i + 2), 16)) as RGB;

type Candidate = NonNullable<TumenEventJson['candidates']>[number];

/** Score shares among the candidates: a ranking made readable, not a calibrated probability. */
function shares(c: Candidate[]): number[] {
  const w = c.map((x) => x.score ?? x.feasibility);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  return w.map((x) => x / total);
}

function why(c: Candidate, e: TumenEventJson): string {
  const bits: string[] = [];
  if (c.heading_agreement !== undefined && c.heading_agreement !== null) bits.push(`course points at it ${Math.round(c.heading_agreement * 100)} %`);
  if (c.detour_ratio !== undefined && c.detour_ratio !== null) bits.push(`detour ratio ${c.detour_ratio.toFixed(2)} (1 = on the way)`);
  if (c.transit_h !== undefined) bits.push(`${c.transit_h.toFixed(1)} h sailing of ${Number(e.duration_h ?? 0).toFixed(1)} h dark`);
  if (c.max_stay_h !== undefined) bits.push(`up to ${c.max_stay_h.toFixed(1)} h in port`);
  bits.push(`time slack ${Math.round(c.feasibility * 100)} %`);
  return bits.join('; ');
}

export async function renderEventPage(side: HTMLElement, map: TumenMap, id: string): Promise<void> {
  side.replaceChildren(el('a', { href: '#/' }, '← triage'), loading('Loading the event…'));
  let e: TumenEventJson;
  let fc: GeoJSON.FeatureCollection;
  // Imagery and site counts come after the page is drawn (fusing scenes can take seconds on a big store)
  // and never fail it (eventImagery answers empty on an error).
  const imagery = eventImagery(id);
  try {
    const [eventUrl, contextUrl] = eventRequests(id);
    [e, fc] = await Promise.all([api<TumenEventJson>(eventUrl), api<GeoJSON.FeatureCollection>(contextUrl)]);
  } catch (err) {
    map.setSelection(null);
    map.setEvents([]);
    map.setTracks([]);
    side.replaceChildren(el('a', { href: '#/' }, '← triage'), errorBox(err, () => void renderEventPage(side, map, id)));
    return;
  }
  map.setTracks([]);
  map.setPlayhead(null);
  map.setEvents([e]);
  map.setSelection(fc);
  // Arrows and time ticks on each ship's track around the event.
  const marks: Array<{ coords: Array<[number, number]>; rgb: RGB }> = [];
  for (const f of fc.features) {
    if (f.properties?.kind !== 'track') continue;
    const g = f.geometry as GeoJSON.MultiLineString;
    marks.push({ coords: g.coordinates.flat() as Array<[number, number]>, rgb: f.properties.role === 'partner' ? PARTNER_RGB : TRACK_RGB });
  }
  map.setTrackMarks(marks);
  const cands = e.candidates ?? [];
  const share = shares(cands);
  const labels: Array<{ at: [number, number]; text: string; rgb: RGB }> = [];
  for (const f of fc.features) {
    const p = f.properties ?? {};
    if (f.geometry.type !== 'Point') continue;
    const at = (f.geometry as GeoJSON.Point).coordinates as [number, number];
    if (p.kind === 'candidate_port') {
      const k = cands.findIndex((c) => c.id === p.id);
      labels.push({ at, text: `${p.name} ${k >= 0 ? `${Math.round(share[k] * 100)} %` : ''}`, rgb: rgbOf(CANDIDATE_HEX) });
    }
    if (p.kind === 'port') labels.push({ at, text: `${p.name} (${e.type === 'dark_port_call' ? 'inferred' : 'port'})`, rgb: rgbOf(PORT_HEX) });
  }
  map.setLabels(labels);
  const pts: Array<[number, number]> = [[e.lon, e.lat]];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g.type === 'Point') pts.push(g.coordinates as [number, number]);
    if (g.type === 'LineString') pts.push(...(g.coordinates as Array<[number, number]>));
    if (g.type === 'MultiLineString') for (const l of g.coordinates) pts.push(...(l as Array<[number, number]>));
    if (g.type === 'Polygon') pts.push(...(g.coordinates[0] as Array<[number, number]>));
  }
  map.fitTo(pts);

  const reachable = fc.features.find((f) => f.properties?.kind === 'reachable')?.properties;
  const who = el('p', { class: 'who' }, vesselLink(e.vessel, e.mmsi));
  if (e.other_mmsi) who.append(' ↔ ', vesselLink(e.other_vessel, e.other_mmsi));
  const candidateTable = cands.length
    ? table(['rank', 'candidate port', 'likelihood', 'why'], cands.map((c, i) => [i + 1, `${c.name} (${c.country})`, `${Math.round(share[i] * 100)} %`, why(c, e)]))
    : null;
  const pack = packLinks('event-report', `event=${encodeURIComponent(e.id)}`);
  const imageryBox = el('div', { id: 'event-imagery-box' }, loading('Looking for satellite imagery and site counts at the time…'));
  side.replaceChildren(
    el('a', { href: '#/' }, '← triage'),
    el('h2', { id: 'event-title' }, badge(e.type), ` ${fmtTime(e.start)} → ${fmtTime(e.end)} (${lengthText(e)})`),
    who,
    e.port ? el('p', {}, el('b', {}, e.type === 'dark_port_call' ? 'Inferred port: ' : 'Port: '), `${e.port.name} (${e.port.country})`) : '',
    e.intentional !== undefined ? el('p', {}, el('b', {}, 'Looks intentional: '), e.intentional ? 'yes' : 'no') : '',
    reachable ? el('p', { class: 'muted', id: 'reachable-note' },
      `Shaded: where it could have been while dark — at most ${reachable.max_speed_kn} kn for ${reachable.duration_h} h, leaving from the last and returning to the first position seen.`) : '',
    candidateTable ? el('h3', {}, 'Where did it go? Candidate ports') : '',
    candidateTable ? el('p', { class: 'muted' }, 'Likelihood = each candidate\'s share of the ranking score (course, detour, time slack); a ranking made readable, not a calibrated probability.') : '',
    candidateTable ?? '',
    el('div', { class: 'exports' }, ...pack, el('a', { href: `#/vessel/${e.mmsi}` }, 'the ship\'s page →')),
    imageryBox,
    el('h3', {}, 'Figures behind it'),
    table(['field', 'value'], [
      ['id', e.id], ['start', e.start], ['end', e.end ?? 'open'], ['position', `${e.lat.toFixed(4)}, ${e.lon.toFixed(4)}`],
      ...Object.entries(e.evidence).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
    ]),
  );
  void imagery.then((img) => {
    if (!imageryBox.isConnected) return; // another view is shown now: leave its map alone
    imageryBox.replaceChildren(img.section(e.mmsi) ?? '');
    if (img.features.length) map.setSelection({ ...fc, features: [...fc.features, ...img.features] });
  });
}
