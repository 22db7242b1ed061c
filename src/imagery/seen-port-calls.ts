// Dark port calls the image proves. The dark port call detector names a call only from a gap it judged
// intentional (detectors/dark-port-call.ts): near a coast with poor reception — the DPRK's, where no
// station hears — a gap is "not shown intentional" because a transmitting ship might have gone unheard
// there. An image that shows the ship, AIS silent, at a watched port during that gap settles where it was:
// the gap hid a call at that port whatever the reception. Only a sighting whose identity is the ship
// (assigned while silent, or its top dark candidate with a score of at least minIdentityScore) and whose
// length agrees counts, as for naming a detected call's port (events.ts). Core, no I/O.
import type { TumenEvent } from '../events/schema.js';
import { eventId } from '../detectors/event-id.js';
import { DARK_PORT_CALL_PARAMS } from '../detectors/params.js';
import { distanceM } from '../geo/sphere.js';
import { PORTS_OF_INTEREST, type PortOfInterest } from '../reference/ports-of-interest.js';
import { lengthTerm } from './score.js';
import { FUSION_PARAMS, type FusionParams } from './params.js';
import { IMAGERY_EVIDENCE_PARAMS, identityOf, type FusedScene } from './events.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** New dark_port_call events for `gaps` the detector did not call intentional (and so made no call of),
 *  where an image shows the ship dark at a watched port during the gap; `calls` are the calls already made. */
export function darkPortCallsSeen(
  gaps: readonly TumenEvent[],
  calls: readonly TumenEvent[],
  fused: readonly FusedScene[],
  lengths: ReadonlyMap<number, number>,
  ports: readonly PortOfInterest[] = PORTS_OF_INTEREST,
  p: FusionParams = FUSION_PARAMS,
): TumenEvent[] {
  const q = IMAGERY_EVIDENCE_PARAMS;
  const watched = ports.filter((x) => DARK_PORT_CALL_PARAMS.watchedRoles.includes(x.role));
  const called = new Set(calls.filter((e) => e.type === 'dark_port_call').map((e) => `${e.mmsi}|${e.start}`));
  const out: TumenEvent[] = [];
  for (const g of gaps) {
    if (g.type !== 'gap' || g.intentional || called.has(`${g.mmsi}|${g.start}`)) continue;
    const t0 = Date.parse(g.start), t1 = g.end === null ? Infinity : Date.parse(g.end);
    const lengthM = lengths.get(g.mmsi) ?? null;
    const seen: Array<{ port: PortOfInterest; detection_id: string; scene_id: string; time: string; length_m: number | null; identity_score: number }> = [];
    for (const { scene, fusion } of fused) {
      if (scene.timeMs < t0 || scene.timeMs > t1) continue;
      for (const d of fusion.detections) {
        const id = d.dark ? identityOf(d) : null;
        if (!id || id.mmsi !== g.mmsi || id.score < q.minIdentityScore) continue;
        if (lengthM !== null && d.length_m !== null && lengthTerm(d.length_m, lengthM, p) < q.minLengthTerm) continue;
        const port = watched.find((x) => distanceM(d.lat, d.lon, x.lat, x.lon) <= q.atPortKm * 1000);
        if (port) seen.push({ port, detection_id: d.detection_id, scene_id: scene.scene_id, time: iso(d.timeMs), length_m: d.length_m, identity_score: id.score });
      }
    }
    if (seen.length === 0) continue;
    seen.sort((a, b) => a.time.localeCompare(b.time));
    const port = seen[0]!.port;
    out.push({
      id: eventId('dark_port_call', g.mmsi, g.start),
      type: 'dark_port_call', mmsi: g.mmsi, start: g.start, end: g.end, lat: g.lat, lon: g.lon,
      port: { id: port.id, name: port.name, country: port.country },
      ...(g.duration_h !== undefined ? { duration_h: g.duration_h } : {}),
      evidence: {
        gap_id: g.id,
        port_by: 'imagery',
        gap_intentional: false,
        why: `the gap was not called intentional (reception not shown good, or near shore), but an image shows the ship dark at ${port.name} during it`,
        imagery: { seen_dark_at_port: seen.map(({ port: x, ...rest }) => ({ port: x.id, ...rest })) },
      },
    });
  }
  return out;
}
