// A post-step (src/detectors/post-steps.ts): an intentional gap that began at a place the receivers showed
// the same MMSI was not at (a spoofing event of a reception kind there) is explained by that spoofing. The
// gap's verdict reads the place's reception — stations that hear every other ship there did not hear this
// one — but the spoofing event already showed they never heard it there even while it transmitted: its
// reports came from somewhere else. Its silence at the claimed place says nothing of its transmitter, and
// no dark port call can be read off a fix that was not where the ship was. Both are withdrawn; the spoofing
// event is the finding. Plain (not intentional) gaps are kept: the MMSI was unheard, which stays true.
// Order-independent: a gap or dark call arriving after the spoofing event is dropped, one that came before
// is retracted.
import type { TumenEvent } from '../events/schema.js';
import { distanceM, MS_PER_HOUR } from '../geo/sphere.js';
import type { PostStep, PostStepVerdict } from './post-steps.js';

/** Spoofing kinds read off the receivers: the claimed place is shown false, not merely the motion. */
const RECEPTION_KINDS = new Set(['unheard_by_covering_stations', 'out_of_place']);

/** A gap starting this close to a spoofed place began at that claim (Tumen: a stationary claim's fixes
 *  scatter by well under 1 km; 2 km leaves room without reaching a neighbouring anchorage berth). */
export const SPOOFED_PLACE_RADIUS_KM = 2;

/** ... and at most this long before or after the spoofing event's span (Tumen: GFW's 12 h window of a ship's
 *  activity before a gap; a spoofing run ends where the covering stations stop speaking — a station down,
 *  satellite-only reports — while the claim itself goes on). */
export const SPOOFED_PLACE_WITHIN_H = 12;

/** A spoofing event's span and place: [start, end (MAX_VALUE if open), lat, lon]. */
type Spoof = [number, number, number, number];

export interface GapAtSpoofedPlaceState {
  /** MMSI → spoofing events of a reception kind: [start, end (MAX_VALUE if open), lat, lon]. */
  spoofs: Array<[number, Spoof[]]>;
  /** MMSI → kept intentional gaps and dark port calls: [id, start, lat, lon]. */
  silences: Array<[number, Array<[string, number, number, number]>]>;
}

const KEEP: PostStepVerdict = { keep: true, retract: [] };

export class GapAtSpoofedPlace implements PostStep<GapAtSpoofedPlaceState> {
  readonly name = 'gap_at_spoofed_place';
  private readonly spoofs: Map<number, Spoof[]>;
  private readonly silences: Map<number, Array<[string, number, number, number]>>;

  constructor(state?: GapAtSpoofedPlaceState) {
    this.spoofs = new Map((state?.spoofs ?? []).map(([m, list]) => [m, list.map((x) => [...x] as Spoof)]));
    this.silences = new Map((state?.silences ?? []).map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number, number])]));
  }

  accept(e: TumenEvent): PostStepVerdict {
    if ((e.type === 'gap' && e.intentional === true) || e.type === 'dark_port_call') {
      const start = Date.parse(e.start);
      if ((this.spoofs.get(e.mmsi) ?? []).some((sp) => explains(sp, start, e.lat, e.lon))) return { keep: false, retract: [] };
      let list = this.silences.get(e.mmsi);
      if (!list) this.silences.set(e.mmsi, (list = []));
      list.push([e.id, start, e.lat, e.lon]);
      return KEEP;
    }
    if (e.type !== 'spoofing' || !RECEPTION_KINDS.has(String((e.evidence as { kind?: unknown } | undefined)?.kind))) return KEEP;
    const spoof: Spoof = [Date.parse(e.start), e.end === null ? Number.MAX_VALUE : Date.parse(e.end), e.lat, e.lon];
    let spoofs = this.spoofs.get(e.mmsi);
    if (!spoofs) this.spoofs.set(e.mmsi, (spoofs = []));
    spoofs.push(spoof);
    const list = this.silences.get(e.mmsi) ?? [];
    const retract = list.filter(([, t, lat, lon]) => explains(spoof, t, lat, lon)).map(([id]) => id);
    if (retract.length > 0) this.silences.set(e.mmsi, list.filter(([id]) => !retract.includes(id)));
    return { keep: true, retract };
  }

  snapshot(): GapAtSpoofedPlaceState {
    return {
      spoofs: [...this.spoofs].map(([m, list]) => [m, list.map((x) => [...x] as Spoof)]),
      silences: [...this.silences].map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number, number])]),
    };
  }
}

/** The silence starting at `t` at (lat, lon) began at the spoofed place, near the spoofing event in time. */
function explains([start, end, sLat, sLon]: Spoof, t: number, lat: number, lon: number): boolean {
  const pad = SPOOFED_PLACE_WITHIN_H * MS_PER_HOUR;
  return t >= start - pad && t <= end + pad && distanceM(lat, lon, sLat, sLon) <= SPOOFED_PLACE_RADIUS_KM * 1000;
}
