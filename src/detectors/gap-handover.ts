// A post-step (src/detectors/post-steps.ts): a gap of an MMSI that the identity-change detector saw hand
// over to a new MMSI, overlapping the handover, is explained by it — the ship kept transmitting under another
// identity, so its old MMSI's silence is no finding of its own, and no dark port call can be read off it.
// The identity_change event (old last fix → new first fix) is the finding and spans the same silence.
// Order-independent like every post-step: a gap arriving after its handover is dropped, one that came
// before is retracted (handovers inferred at the end of the data arrive last).
import type { TumenEvent } from '../events/schema.js';
import type { PostStep, PostStepVerdict } from './post-steps.js';

/** Identity changes that move a ship to a new MMSI (`old_mmsi` in their evidence). */
const HANDOVER_KINDS = new Set(['mmsi_change', 'mmsi_handover_inferred']);

export interface GapExplainedByHandoverState {
  /** Old MMSI → handover times (the old identity's last fix, epoch ms). */
  handovers: Array<[number, number[]]>;
  /** MMSI → kept gaps and dark port calls: [id, start, end (MAX_VALUE if open)]. */
  silences: Array<[number, Array<[string, number, number]>]>;
}

const KEEP: PostStepVerdict = { keep: true, retract: [] };

export class GapExplainedByHandover implements PostStep<GapExplainedByHandoverState> {
  readonly name = 'gap_explained_by_handover';
  private readonly handovers: Map<number, number[]>;
  private readonly silences: Map<number, Array<[string, number, number]>>;

  constructor(state?: GapExplainedByHandoverState) {
    this.handovers = new Map((state?.handovers ?? []).map(([m, t]) => [m, [...t]]));
    this.silences = new Map((state?.silences ?? []).map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number])]));
  }

  accept(e: TumenEvent): PostStepVerdict {
    if (e.type === 'gap' || e.type === 'dark_port_call') {
      const start = Date.parse(e.start), end = e.end === null ? Number.MAX_VALUE : Date.parse(e.end);
      if ((this.handovers.get(e.mmsi) ?? []).some((t) => explains(t, start, end))) return { keep: false, retract: [] };
      let list = this.silences.get(e.mmsi);
      if (!list) this.silences.set(e.mmsi, (list = []));
      list.push([e.id, start, end]);
      return KEEP;
    }
    const ev = e.evidence as { kind?: unknown; old_mmsi?: unknown } | undefined;
    if (e.type !== 'identity_change' || !HANDOVER_KINDS.has(String(ev?.kind)) || typeof ev?.old_mmsi !== 'number') return KEEP;
    const old = ev.old_mmsi, t = Date.parse(e.start);
    let times = this.handovers.get(old);
    if (!times) this.handovers.set(old, (times = []));
    times.push(t);
    const list = this.silences.get(old) ?? [];
    const retract = list.filter(([, s, x]) => explains(t, s, x)).map(([id]) => id);
    if (retract.length > 0) this.silences.set(old, list.filter(([id]) => !retract.includes(id)));
    return { keep: true, retract };
  }

  snapshot(): GapExplainedByHandoverState {
    return {
      handovers: [...this.handovers].map(([m, t]) => [m, [...t]]),
      silences: [...this.silences].map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number])]),
    };
  }
}

/** The handover at `t` (the old identity's last fix) falls within the silence [start, end]. */
const explains = (t: number, start: number, end: number): boolean => start <= t && t <= end;
