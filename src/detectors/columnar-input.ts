// A compact in-memory PipelineInput: positions held in typed-array columns with a time-order index array,
// arrays, and materialised as Position objects one batch at a time. Ten million positions then cost
// ~500 MB of flat arrays instead of ten million long-lived objects the garbage collector must walk again
// and again while the detectors run (the store streams batches the same way).
import type { Position, ReceptionSource } from '../tracks/position.js';
import type { StaticReport } from './detector.js';
import type { PipelineInput } from './pipeline.js';

const SOURCES: Array<ReceptionSource | null> = [null, 'terrestrial', 'satellite'];

export class PositionColumns {
  readonly mmsi: Uint32Array;
  readonly timeMs: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** NaN = not available. */
  readonly speedKn: Float32Array;
  readonly courseDeg: Float32Array;
  /** -1 = not available. */
  readonly headingDeg: Int16Array;
  readonly status: Int8Array;
  /** 0 unknown, 1 terrestrial, 2 satellite. */
  readonly source: Uint8Array;
  length = 0;

  constructor(readonly capacity: number) {
    this.mmsi = new Uint32Array(capacity);
    this.timeMs = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.speedKn = new Float32Array(capacity);
    this.courseDeg = new Float32Array(capacity);
    this.headingDeg = new Int16Array(capacity);
    this.status = new Int8Array(capacity);
    this.source = new Uint8Array(capacity);
  }

  push(p: Position): void {
    if (this.length >= this.capacity) throw new Error(`PositionColumns full (${this.capacity})`);
    const i = this.length++;
    this.mmsi[i] = p.mmsi;
    this.timeMs[i] = p.timeMs;
    this.lat[i] = p.lat;
    this.lon[i] = p.lon;
    this.speedKn[i] = p.speedKn ?? NaN;
    this.courseDeg[i] = p.courseDeg ?? NaN;
    this.headingDeg[i] = p.headingDeg ?? -1;
    this.status[i] = p.status ?? -1;
    this.source[i] = p.source === 'terrestrial' ? 1 : p.source === 'satellite' ? 2 : 0;
  }

  at(i: number): Position {
    const speed = this.speedKn[i]!, course = this.courseDeg[i]!, heading = this.headingDeg[i]!, status = this.status[i]!;
    return {
      mmsi: this.mmsi[i]!, timeMs: this.timeMs[i]!, lat: this.lat[i]!, lon: this.lon[i]!,
      // float32 storage: back to the AIS resolution of 0.1
      speedKn: Number.isNaN(speed) ? null : Math.round(speed * 10) / 10,
      courseDeg: Number.isNaN(course) ? null : Math.round(course * 10) / 10,
      headingDeg: heading < 0 ? null : heading, status: status < 0 ? null : status, source: SOURCES[this.source[i]!] ?? null,
    };
  }
}

/** Positions (any order) → columns in (time, mmsi) order; statics sorted by time. */
export function columnarInput(cols: PositionColumns, statics: readonly StaticReport[], batchSize = 8192): PipelineInput {
  const n = cols.length;
  const byTime = new Uint32Array(n);
  for (let i = 0; i < n; i++) byTime[i] = i;
  const { mmsi, timeMs } = cols;
  byTime.sort((a, b) => timeMs[a]! - timeMs[b]! || mmsi[a]! - mmsi[b]!);
  const st = [...statics].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  async function* batches(order: Uint32Array): AsyncIterable<Position[]> {
    for (let i = 0; i < n; i += batchSize) {
      const end = Math.min(n, i + batchSize);
      const out = new Array<Position>(end - i);
      for (let j = i; j < end; j++) out[j - i] = cols.at(order[j]!);
      yield out;
    }
  }
  async function* staticBatches(): AsyncIterable<StaticReport[]> {
    for (let i = 0; i < st.length; i += batchSize) yield st.slice(i, i + batchSize);
  }
  return { positionsByTime: () => batches(byTime), statics: staticBatches };
}
