// A post-step (src/detectors/post-steps.ts): on an MMSI that two ships transmit at once (a `shared_mmsi`
// event), the static data of the one heard last differs from the other's — names, call signs, IMOs and
// draughts. Once one of the two drops out of reception for longer than the identity and draught hold-offs,
// that difference reads as an identity change (kind `static_change`) or a draught change although neither
// ship changed anything. Such events overlapping the shared MMSI's span are explained by it and withdrawn;
// the shared_mmsi event (both identities in its evidence) is the finding. Order-independent: an event
// arriving after the shared_mmsi event is dropped, one that came before is retracted.
import type { TumenEvent } from '../events/schema.js';
import type { PostStep, PostStepVerdict } from './post-steps.js';

type Span = [number, number];

export interface StaticChangeOnSharedMmsiState {
  /** MMSI → spans of its shared_mmsi events (epoch ms; open end = MAX_VALUE). */
  shared: Array<[number, Span[]]>;
  /** MMSI → kept static identity changes and draught changes: [id, start, end]. */
  changes: Array<[number, Array<[string, number, number]>]>;
}

const KEEP: PostStepVerdict = { keep: true, retract: [] };

/** Events that a second ship on the MMSI can produce by merely being heard instead of the first. */
function isStaticChange(e: TumenEvent): boolean {
  if (e.type === 'draught_change') return true;
  return e.type === 'identity_change' && (e.evidence as { kind?: unknown } | undefined)?.kind === 'static_change';
}

export class StaticChangeOnSharedMmsi implements PostStep<StaticChangeOnSharedMmsiState> {
  readonly name = 'static_change_on_shared_mmsi';
  private readonly shared: Map<number, Span[]>;
  private readonly changes: Map<number, Array<[string, number, number]>>;

  constructor(state?: StaticChangeOnSharedMmsiState) {
    this.shared = new Map((state?.shared ?? []).map(([m, spans]) => [m, spans.map((s) => [...s] as Span)]));
    this.changes = new Map((state?.changes ?? []).map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number])]));
  }

  accept(e: TumenEvent): PostStepVerdict {
    const start = Date.parse(e.start), end = e.end === null ? Number.MAX_VALUE : Date.parse(e.end);
    if (isStaticChange(e)) {
      if ((this.shared.get(e.mmsi) ?? []).some(([s, x]) => s <= end && start <= x)) return { keep: false, retract: [] };
      let list = this.changes.get(e.mmsi);
      if (!list) this.changes.set(e.mmsi, (list = []));
      list.push([e.id, start, end]);
      return KEEP;
    }
    if (e.type !== 'shared_mmsi') return KEEP;
    let spans = this.shared.get(e.mmsi);
    if (!spans) this.shared.set(e.mmsi, (spans = []));
    spans.push([start, end]);
    const list = this.changes.get(e.mmsi) ?? [];
    const retract = list.filter(([, s, x]) => s <= end && start <= x).map(([id]) => id);
    if (retract.length > 0) this.changes.set(e.mmsi, list.filter(([id]) => !retract.includes(id)));
    return { keep: true, retract };
  }

  snapshot(): StaticChangeOnSharedMmsiState {
    return {
      shared: [...this.shared].map(([m, spans]) => [m, spans.map((s) => [...s] as Span)]),
      changes: [...this.changes].map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number])]),
    };
  }
}
