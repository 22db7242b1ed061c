// The vessel page: track with gaps marked, time-slider playback, events timeline, identity history,
// list matches, risk breakdown, exports and the evidence report.
import type { CoincidentJson } from './event-imagery.js';
import { timelineSvg } from '../report/timeline.js';
import { api, type TrackJson, type TumenEventJson } from './api.js';
import { EVENT_RGB, hex } from './colors.js';
import { el, errorBox, fmtTime, loading, table, type VesselLabelJson } from './dom.js';
import { eventTable } from './event-rows.js';
import { shiptypeWords } from './shiptype.js';
import type { TumenMap } from './map.js';
import { packLinks } from './pack-links.js';
import { coincidentUrl, DEFAULT_TRACK_BUDGET, dossierUrl, parseHash, queryMmsi, trackUrl } from './first-requests.js';

function indexAt(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= t) lo = mid; else hi = mid - 1;
  }
  return lo;
}

interface RiskIndicatorJson { id: string; label: string; points: number; count: number; rule: string; evidence?: { event_ids?: string[]; list_entries?: string[]; values?: string[] } }

function riskBlock(risk: unknown): Node {
  if (!risk || typeof risk !== 'object') return el('p', { class: 'muted' }, 'No risk assessment in this store.');
  const r = risk as { level?: string; score?: number; indicators?: RiskIndicatorJson[] };
  const indicators = r.indicators ?? [];
  return el('div', { id: 'risk' },
    el('p', {}, el('b', {}, 'Level: '), String(r.level ?? '?'), '  ', el('b', {}, 'Score: '), String(r.score ?? '?')),
    indicators.length
      ? table(['indicator', 'points', 'rule', 'evidence'], indicators.map((i) => [
        i.label ?? i.id, i.points, i.rule,
        [...(i.evidence?.list_entries ?? []), ...(i.evidence?.values ?? []), ...(i.evidence?.event_ids ?? []).map((id) => `event ${id}`)].join('; '),
      ]))
      : el('p', { class: 'muted' }, 'No risk indicator fired.'));
}

interface DossierJson {
  query: string;
  known: boolean;
  mmsis: number[];
  current: { shipname: string | null; imo: string | null; callsign: string | null; flag: string | null; shiptype: string | null };
  activity: { positions: number; first_seen: string | null; last_seen: string | null };
  screened_against: Array<{ name: string; version: string | null; published: string | null; imported_at: string; vessels: number }>;
  screening: { verdict: string; matches: Array<{ list: string; list_version: string | null; entry_id: string; name: string; score: number; matched_on: string[]; reason: string }>; findings: string[] };
  identities: Array<{ mmsi: number; field: string; value: string; first_seen: string; last_seen: string; messages: number }>;
  events: TumenEventJson[];
  vessels: Record<string, VesselLabelJson>;
  risk: unknown;
}

/** The ship's MMSIs over time: one row per MMSI with the names it broadcast under it. */
function mmsiHistory(d: DossierJson): Node {
  const rows = d.mmsis.map((m) => {
    const runs = d.identities.filter((r) => r.mmsi === m);
    const first = runs.reduce((a, r) => (a === '' || r.first_seen < a ? r.first_seen : a), '');
    const last = runs.reduce((a, r) => (r.last_seen > a ? r.last_seen : a), '');
    const names = [...new Set(runs.filter((r) => r.field === 'shipname').map((r) => r.value))].join(' → ');
    const flag = d.vessels[String(m)]?.flag ?? '';
    return [String(m), flag, names, fmtTime(first || null), fmtTime(last || null)];
  });
  return table(['MMSI', 'flag (MID)', 'names', 'first seen', 'last seen'], rows);
}

function screeningBlock(d: DossierJson): Node {
  if (d.screened_against.length === 0) {
    return el('p', { class: 'notice', id: 'screening' }, 'Not screened: no sanctions list is loaded in this store (`tumen lists import FILE`).');
  }
  const lists = d.screened_against.map((l) => `${l.name} ${l.version ?? ''}${l.published ? ` (published ${l.published})` : ''}, imported ${l.imported_at.slice(0, 10)}`).join('; ');
  return el('div', { id: 'screening' },
    el('p', {}, el('b', {}, `${d.screening.verdict.toUpperCase()} `), `against ${lists}`),
    d.screening.matches.length
      ? table(['list', 'entry', 'listed name', 'score', 'matched on', 'reason'], d.screening.matches.map((m) => [`${m.list} ${m.list_version ?? ''}`, m.entry_id, m.name, m.score.toFixed(3), m.matched_on.join(', '), m.reason]))
      : el('p', { class: 'muted' }, `No entry of these lists matches this ship's IMO, MMSIs, call sign or any name it used.`));
}

export async function renderVesselPage(side: HTMLElement, map: TumenMap, q: string, budget = DEFAULT_TRACK_BUDGET): Promise<void> {
  side.replaceChildren(el('a', { href: '#/' }, '← triage'), loading(`Loading ${q}…`));
  let d: DossierJson;
  let tracks: TrackJson[];
  let linksLater: Promise<CoincidentJson[]>;
  // The queried MMSI's track is asked for with the dossier, not after it (it gets the whole point budget;
  // the ship's other MMSIs, known from the dossier, share it).
  const asked = queryMmsi(q);
  const first = asked !== null ? api<TrackJson>(trackUrl(asked, budget)) : null;
  first?.catch(() => { /* reported below if the dossier lists this MMSI */ });
  // The track usually answers before the dossier (a third of the time, on a 20 M store): drawn and fitted at
  // once, the map loads its tiles (and the coast and port labels of that view) while the dossier is on its way.
  let drawn: TrackJson | null = null;
  let dossierIn = false;
  const path = parseHash(location.hash).path;
  void first?.then((t) => {
    if (dossierIn || t.time_ms.length === 0 || parseHash(location.hash).path !== path) return;
    map.setEvents([]); // the previous view's, until the dossier brings this ship's
    drawTrack(map, t);
    drawn = t;
  }).catch(() => undefined);
  try {
    d = await api<DossierJson>(dossierUrl(q));
    dossierIn = true;
    const share = budget / Math.max(1, d.mmsis.length);
    // The site counts (slowest of the three on a large store) are awaited after the map has its track.
    linksLater = siteLinks(d.mmsis);
    tracks = await Promise.all(d.mmsis.map((m) => (m === asked && first ? first : api<TrackJson>(trackUrl(m, share)))));
  } catch (err) {
    map.setSelection(null);
    map.setTracks([]);
    map.setEvents([]);
    map.setPlayhead(null);
    side.replaceChildren(el('a', { href: '#/' }, '← triage'), errorBox(err, () => void renderVesselPage(side, map, q, budget)));
    return;
  }
  const events: TumenEventJson[] = d.events.map((e) => ({ ...e, vessel: d.vessels[String(e.mmsi)], other_vessel: e.other_mmsi ? d.vessels[String(e.other_mmsi)] : undefined }));
  // One timeline over all its MMSIs, in time order.
  const track = mergeTracks(tracks);
  const vessel = { mmsi: d.mmsis[0], shipname: d.current.shipname, imo: d.current.imo, callsign: d.current.callsign, flag: d.current.flag, identities: d.identities, list_matches: d.screening.matches, risk: d.risk, activity: d.activity };
  const n = track.time_ms.length;
  const gapTimes: Array<[number, number]> = track.gaps.map(([a, b]) => [track.time_ms[a], track.time_ms[b]]);
  map.setEvents(events);
  map.onEventClick = (e) => { location.hash = `#/event/${encodeURIComponent(e.id)}`; };
  if (track !== drawn) {
    if (n) drawTrack(map, track);
    else {
      map.setSelection({ type: 'FeatureCollection', features: [] });
      map.setTracks([]);
      map.fitTo(events.map((e) => [e.lon, e.lat]));
    }
  }
  const links = await linksLater;

  // Playback: the slider runs over the track's time span; the marker sits on the last known position.
  const t0 = n ? track.time_ms[0] : 0;
  const t1 = n ? track.time_ms[n - 1] : 0;
  const slider = el('input', { type: 'range', min: t0, max: t1, step: Math.max(1, Math.round((t1 - t0) / 2000)), value: t0, id: 'time-slider', 'aria-label': 'time' });
  const clock = el('span', { class: 'muted', id: 'clock' });
  const show = () => {
    if (!n) return;
    const i = indexAt(track.time_ms, Number(slider.value));
    map.setPlayhead([track.lon[i], track.lat[i]]);
    const silentMs = Number(slider.value) - track.time_ms[i];
    clock.textContent = `${new Date(Number(slider.value)).toISOString().slice(0, 16).replace('T', ' ')}${silentMs > track.gap_h * 3_600_000 ? ' (dark)' : ''}`;
  };
  let playing = 0;
  const play = el('button', { type: 'button', id: 'play' }, '▶');
  play.addEventListener('click', () => {
    if (playing) { cancelAnimationFrame(playing); playing = 0; play.textContent = '▶'; return; }
    play.textContent = '❚❚';
    const tick = () => {
      const next = Number(slider.value) + (t1 - t0) / 600;
      slider.value = String(next >= t1 ? t0 : next);
      show();
      playing = requestAnimationFrame(tick);
    };
    playing = requestAnimationFrame(tick);
  });
  slider.addEventListener('input', show);
  show();

  const colors = Object.fromEntries(Object.entries(EVENT_RGB).map(([k, v]) => [k, hex(v)]));
  const timeline = el('div', { id: 'timeline' });
  const times = [...events.flatMap((e) => [Date.parse(e.start), Date.parse(e.end ?? e.start)]), ...(n ? [t0, t1] : [])];
  // Analysts' site counts that coincide with its events get their own row in the timeline.
  const observed = [...new Map(links.map((l) => [l.observation.id, { id: l.observation.id, type: SITE_ROW, start: l.observation.time, end: null }])).values()];
  if (times.length) timeline.innerHTML = timelineSvg({ fromMs: Math.min(...times), toMs: Math.max(...times), events: [...events, ...observed], gaps: gapTimes, widthPx: 400, colors: { ...colors, [SITE_ROW]: '#5a4fcf' } });

  side.replaceChildren(
    el('a', { href: '#/' }, '← triage'),
    el('h2', { id: 'vessel-title' }, `${d.current.shipname ?? 'Unknown name'}${d.current.imo ? ` · IMO ${d.current.imo}` : ''}`),
    table(['flag', 'call sign', 'type', 'MMSIs', 'positions', 'last seen'],
      [[d.current.flag, d.current.callsign, d.current.shiptype, d.mmsis.join(', '), d.activity.positions, fmtTime(d.activity.last_seen)]]),
    d.mmsis.length > 1 ? el('p', { class: 'notice', id: 'mmsi-note' }, `This ship used ${d.mmsis.length} MMSIs (same IMO ${d.current.imo ?? '?'}): all are shown.`) : '',
    el('div', { class: 'exports', id: 'vessel-exports' },
      ...['geojson', 'kml', 'csv'].map((fmt) => el('a', { href: `api/vessels/${vessel.mmsi}/export/${fmt}`, download: `tumen-vessel-${vessel.mmsi}.${fmt}`, 'data-export': fmt }, fmt.toUpperCase())),
      ...packLinks('vessel-report', `vessel=${vessel.mmsi}`)),
    el('h3', {}, 'Risk'), riskBlock(d.risk),
    el('h3', {}, 'Sanctions lists'), screeningBlock(d),
    el('h3', {}, 'MMSIs over time'), mmsiHistory(d),
    el('h3', {}, 'Track'),
    el('p', { class: 'muted', id: 'track-summary' }, `${track.total_points} positions${track.simplified ? `, drawn ${n} (simplified)` : ''}; ${track.gaps.length} gap${track.gaps.length === 1 ? '' : 's'} > ${track.gap_h} h (dashed red)`),
    el('div', { class: 'playback' }, play, slider), clock,
    el('h3', {}, 'Events timeline'), timeline,
    // A ship can have hundreds of events (SIBIR: 444 rows, 5,000 elements): laid out only once scrolled to.
    events.length ? el('div', { class: 'offscreen-lazy', style: `contain-intrinsic-size: auto ${30 * (events.length + 1)}px` }, eventTable(events, {})) : el('p', { class: 'muted empty' }, 'No events for this ship.'),
    links.length ? el('h3', {}, 'Site counts during its events') : '',
    links.length ? (() => {
      const t = table(['event', 'site', 'image', 'counts', 'ship length?'], links.map((l) => [
        el('a', { href: `#/event/${encodeURIComponent(l.event_id)}` }, l.event_id.slice(0, 12)), el('a', { href: `#/site/${encodeURIComponent(l.site.id)}` }, l.site.name),
        fmtTime(l.observation.time), Object.entries(l.observation.counts).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`).join(', '),
        l.length_match === null ? '—' : l.length_match ? 'yes' : 'no',
      ]));
      t.id = 'vessel-observations';
      return t;
    })() : '',
    el('h3', {}, 'Identity history'),
    table(['MMSI', 'field', 'value', 'first seen', 'last seen', 'msgs'], d.identities.map((i) => [i.mmsi, i.field, i.field === 'shiptype' ? shiptypeWords(i.value) : i.value, fmtTime(i.first_seen), fmtTime(i.last_seen), i.messages])),
  );
}

const SITE_ROW = 'site counts';

/** The track with its gaps dashed, the map fitted to it (a previous event's labels and arrows gone). */
function drawTrack(map: TumenMap, track: TrackJson): void {
  map.setLabels([]);
  map.setTrackMarks([]);
  map.setSelection({
    type: 'FeatureCollection',
    features: track.gaps.map(([a, b]) => ({
      type: 'Feature', properties: { kind: 'track_gap' },
      geometry: { type: 'LineString', coordinates: [[track.lon[a], track.lat[a]], [track.lon[b], track.lat[b]]] },
    })),
  });
  map.setTracks([track]);
  const n = track.time_ms.length;
  const step = Math.max(1, Math.floor(n / 5000));
  const sample: Array<[number, number]> = [];
  for (let i = 0; i < n; i += step) sample.push([track.lon[i], track.lat[i]]);
  map.fitTo(sample);
}

/** Site observations coinciding with the ship's events (none when the server cannot say). */
async function siteLinks(mmsis: readonly number[]): Promise<CoincidentJson[]> {
  const all = await Promise.all(mmsis.map((m) => api<{ links: CoincidentJson[] }>(coincidentUrl(m)).then((r) => r.links).catch(() => [])));
  return all.flat();
}

/** Tracks of several MMSIs as one, in time order (gaps re-indexed; a switch of MMSI is not a gap by itself). */
function mergeTracks(tracks: TrackJson[]): TrackJson {
  if (tracks.length === 1) return tracks[0];
  const order = [...tracks].sort((a, b) => (a.time_ms[0] ?? 0) - (b.time_ms[0] ?? 0));
  const out: TrackJson = { ...order[0], time_ms: [], lon: [], lat: [], speed_kn: [], course_deg: [], gaps: [], total_points: 0, simplified: false };
  for (const t of order) {
    const base = out.time_ms.length;
    out.time_ms.push(...t.time_ms);
    out.lon.push(...t.lon);
    out.lat.push(...t.lat);
    out.speed_kn.push(...t.speed_kn);
    out.course_deg.push(...t.course_deg);
    out.gaps.push(...t.gaps.map(([a, b]) => [a + base, b + base] as [number, number]));
    out.total_points += t.total_points;
    out.simplified ||= t.simplified;
  }
  return out;
}
