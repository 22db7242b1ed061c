// The vessel page: track with gaps marked, time-slider playback, events timeline, identity history,
// list matches, risk breakdown, exports and the evidence report.
import { timelineSvg } from '../report/timeline.js';
import { api, type TrackJson, type TumenEventJson, type VesselJson } from './api.js';
import { EVENT_RGB, hex } from './colors.js';
import { el, fmtTime, table } from './dom.js';
import type { TumenMap } from './map.js';
import { downloadReport } from './report.js';

/** Points requested for the map: a few per screen pixel along the track is all the eye can see; the server
 *  simplifies beyond this (time buckets, gap endpoints kept). `#/vessel/<mmsi>?points=N` asks for more
 *  (deck.gl takes a million as binary attributes on a GPU). */
const DEFAULT_TRACK_BUDGET = 20_000;

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

export async function renderVesselPage(side: HTMLElement, map: TumenMap, mmsi: string, budget = DEFAULT_TRACK_BUDGET): Promise<void> {
  side.replaceChildren(el('p', { class: 'muted' }, `Loading vessel ${mmsi}…`));
  let vessel: VesselJson;
  let track: TrackJson;
  let events: TumenEventJson[];
  try {
    [vessel, track, { events }] = await Promise.all([
      api<VesselJson>(`api/vessels/${encodeURIComponent(mmsi)}`),
      api<TrackJson>(`api/vessels/${encodeURIComponent(mmsi)}/track?maxPoints=${budget}`),
      api<{ events: TumenEventJson[] }>(`api/events?mmsi=${encodeURIComponent(mmsi)}&limit=5000`),
    ]);
  } catch (err) {
    side.replaceChildren(el('p', { class: 'error' }, (err as Error).message), el('a', { href: '#/' }, '← events'));
    return;
  }
  const n = track.time_ms.length;
  const gapTimes: Array<[number, number]> = track.gaps.map(([a, b]) => [track.time_ms[a], track.time_ms[b]]);
  map.setSelection({
    type: 'FeatureCollection',
    features: track.gaps.map(([a, b]) => ({
      type: 'Feature', properties: { kind: 'track_gap' },
      geometry: { type: 'LineString', coordinates: [[track.lon[a], track.lat[a]], [track.lon[b], track.lat[b]]] },
    })),
  });
  map.setTracks([track]);
  map.setEvents(events);
  map.onEventClick = (e) => { location.hash = `#/?mmsi=${e.mmsi}&type=${e.type}`; };
  const step = Math.max(1, Math.floor(n / 5000));
  const sample: Array<[number, number]> = [];
  for (let i = 0; i < n; i += step) sample.push([track.lon[i], track.lat[i]]);
  map.fitTo(sample.length ? sample : events.map((e) => [e.lon, e.lat]));

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
  if (times.length) timeline.innerHTML = timelineSvg({ fromMs: Math.min(...times), toMs: Math.max(...times), events, gaps: gapTimes, widthPx: 400, colors });

  const reportBtn = el('button', { type: 'button', id: 'vessel-report' }, 'Evidence report');
  reportBtn.addEventListener('click', () => void downloadReport({
    map, title: `Tumen evidence report: ${vessel.shipname ?? 'vessel'} (MMSI ${vessel.mmsi})`, filename: `tumen-report-${vessel.mmsi}.html`,
    events: events as never, vessel: vessel as never, gaps: gapTimes,
  }));

  side.replaceChildren(
    el('a', { href: '#/' }, '← events'),
    el('h2', { id: 'vessel-title' }, `${vessel.shipname ?? 'Unknown name'} · MMSI ${vessel.mmsi}`),
    table(['IMO', 'call sign', 'flag', 'positions', 'first seen', 'last seen'],
      [[vessel.imo, vessel.callsign, vessel.flag, vessel.activity.positions, fmtTime(vessel.activity.first_seen), fmtTime(vessel.activity.last_seen)]]),
    el('div', { class: 'exports', id: 'vessel-exports' },
      ...['geojson', 'kml', 'csv'].map((fmt) => el('a', { href: `api/vessels/${vessel.mmsi}/export/${fmt}`, download: `tumen-vessel-${vessel.mmsi}.${fmt}`, 'data-export': fmt }, fmt.toUpperCase())),
      reportBtn),
    el('h3', {}, 'Track'),
    el('p', { class: 'muted', id: 'track-summary' }, `${track.total_points} positions${track.simplified ? `, drawn ${n} (simplified)` : ''}; ${track.gaps.length} gap${track.gaps.length === 1 ? '' : 's'} > ${track.gap_h} h (dashed red)`),
    el('div', { class: 'playback' }, play, slider), clock,
    el('h3', {}, 'Events timeline'), timeline,
    table(['type', 'start (UTC)', 'end (UTC)', 'partner / port'], events.map((e) => [
      el('span', { class: `badge ${e.type}` }, e.type), fmtTime(e.start), fmtTime(e.end),
      e.other_mmsi ? el('a', { href: `#/vessel/${e.other_mmsi}` }, String(e.other_mmsi)) : e.port?.name ?? '',
    ])),
    el('h3', {}, 'Risk'), riskBlock(vessel.risk),
    el('h3', {}, 'Sanctions list matches'),
    vessel.list_matches.length
      ? table(['list', 'entry', 'listed name', 'score', 'matched on'], vessel.list_matches.map((m) => {
        const x = m as { list?: string; entry_id?: string; name?: string; score?: number; matched_on?: string[] };
        return [x.list, x.entry_id, x.name, x.score?.toFixed(3), (x.matched_on ?? []).join(', ')];
      }))
      : el('p', { class: 'muted' }, 'No list matches.'),
    el('h3', {}, 'Identity history'),
    table(['field', 'value', 'first seen', 'last seen', 'msgs'], vessel.identities.map((i) => [i.field, i.value, fmtTime(i.first_seen), fmtTime(i.last_seen), i.messages])),
  );
}
