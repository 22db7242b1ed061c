// A batch of decoded positions and static reports held in typed columns until it is written. Receptions
// of one payload inside the batch are merged here (stations united); the store catches the rest.
import { DEDUP_WINDOW_MS, payloadHash, payloadHashAt } from './dedup.js';
import type { StaticFields } from './message-rows.js';
import { textCodes, type TextCodes } from '../store/text-codes.js';
import { clusterOrder } from './cluster-order.js';
import { permuted } from '../store/typed-gather.js';

export const SOURCE_CODE = { terrestrial: 1, satellite: 2 } as const;

/** A static report's fields plus its payload key halves, set by PositionBatch.addStatic. */
export interface StaticRow extends StaticFields {
  k1?: number;
  k2?: number;
}

/** The rows of a batch as plain data: what crosses from the decoding worker (typed arrays transferred). */
export interface BatchData {
  length: number;
  k1: Uint32Array;
  k2: Uint32Array;
  mmsi: Uint32Array;
  timeMs: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  speed: Float32Array;
  course: Float32Array;
  heading: Int16Array;
  status: Uint8Array;
  type: Uint8Array;
  source: Uint8Array;
  stations: StationCodes;
  statics: StaticColumns;
  minTimeMs: number;
  maxTimeMs: number;
  /** True when the positions are already in the store's cluster order (clusteredBatch), so any subset taken in row order is too. */
  clustered?: boolean;
}

/** A nullable number column: `nulls[i]` = 1 where row i is NULL. */
export interface NullableNumbers<T> {
  data: T;
  nulls: Uint8Array;
}

/** A batch's static reports as typed columns (strings as codes). */
export interface StaticColumns {
  length: number;
  k1: Uint32Array;
  k2: Uint32Array;
  mmsi: Uint32Array;
  timeMs: Float64Array;
  type: Uint8Array;
  /** As SOURCE_CODE (0 unknown). */
  source: Uint8Array;
  imo: NullableNumbers<Uint32Array>;
  shiptype: NullableNumbers<Uint8Array>;
  toBow: NullableNumbers<Uint16Array>;
  toStern: NullableNumbers<Uint16Array>;
  toPort: NullableNumbers<Uint8Array>;
  toStarboard: NullableNumbers<Uint8Array>;
  draught: NullableNumbers<Float64Array>;
  shipname: TextCodes;
  callsign: TextCodes;
  destination: TextCodes;
  /** Comma-joined station ids. */
  stations: TextCodes;
}

/** Each row's comma-joined station ids as a code into the batch's distinct values (-1 = unknown). */
export interface StationCodes {
  codes: Int32Array;
  values: string[];
}

/** The batch as plain data, and the buffers to transfer when it crosses to another thread. */
export function toBatchData(b: PositionBatch): { data: BatchData; transfer: ArrayBuffer[] } {
  const n = b.length;
  const statics = toStaticColumns(b.staticRows);
  const data: BatchData = {
    length: n, k1: b.k1, k2: b.k2, mmsi: b.mmsi, timeMs: b.timeMs, lat: b.lat, lon: b.lon, speed: b.speed, course: b.course,
    heading: b.heading, status: b.status, type: b.type, source: b.source, stations: b.stations, statics,
    minTimeMs: b.minTimeMs, maxTimeMs: b.maxTimeMs,
  };
  return { data, transfer: batchTransfer(data) };
}

/**
 * The batch with its positions in the store's cluster order (cluster-order.ts; ties in arrival order), in
 * new arrays of its length. Done by the decoding thread, so the thread that writes the store only drops the
 * rows already stored and copies the rest in order (and stations stay with their rows: codes move too).
 */
export function clusteredBatch(d: BatchData): BatchData {
  const n = d.length;
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const order = clusterOrder(rows, d.mmsi, d.timeMs);
  return {
    ...d, k1: permuted(d.k1, order), k2: permuted(d.k2, order), mmsi: permuted(d.mmsi, order), timeMs: permuted(d.timeMs, order),
    lat: permuted(d.lat, order), lon: permuted(d.lon, order), speed: permuted(d.speed, order), course: permuted(d.course, order),
    heading: permuted(d.heading, order), status: permuted(d.status, order), type: permuted(d.type, order), source: permuted(d.source, order),
    stations: { codes: permuted(d.stations.codes, order), values: d.stations.values }, clustered: true,
  };
}

/** The buffers of a batch's columns, to transfer when it crosses to another thread. */
export function batchTransfer(d: BatchData): ArrayBuffer[] {
  const s = d.statics;
  return [
    d.k1, d.k2, d.mmsi, d.timeMs, d.lat, d.lon, d.speed, d.course, d.heading, d.status, d.type, d.source, d.stations.codes,
    s.k1, s.k2, s.mmsi, s.timeMs, s.type, s.source, s.shipname.codes, s.callsign.codes, s.destination.codes, s.stations.codes,
    ...[s.imo, s.shiptype, s.toBow, s.toStern, s.toPort, s.toStarboard, s.draught].flatMap((c) => [c.data, c.nulls]),
  ].map((a) => a.buffer as ArrayBuffer);
}

/** Static report rows as columns. */
export function toStaticColumns(rows: readonly StaticRow[]): StaticColumns {
  const n = rows.length;
  const nullable = <T>(data: T): NullableNumbers<T> => ({ data, nulls: new Uint8Array(n) });
  const c: StaticColumns = {
    length: n, k1: new Uint32Array(n), k2: new Uint32Array(n), mmsi: new Uint32Array(n), timeMs: new Float64Array(n),
    type: new Uint8Array(n), source: new Uint8Array(n),
    imo: nullable(new Uint32Array(n)), shiptype: nullable(new Uint8Array(n)), toBow: nullable(new Uint16Array(n)),
    toStern: nullable(new Uint16Array(n)), toPort: nullable(new Uint8Array(n)), toStarboard: nullable(new Uint8Array(n)),
    draught: nullable(new Float64Array(n)),
    shipname: textCodes(rows.map((r) => r.shipname)), callsign: textCodes(rows.map((r) => r.callsign)),
    destination: textCodes(rows.map((r) => r.destination)), stations: textCodes(rows.map((r) => r.stations)),
  };
  const set = (col: NullableNumbers<{ [i: number]: number }>, i: number, v: number | null) => {
    if (v === null) col.nulls[i] = 1;
    else col.data[i] = v;
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    c.k1[i] = r.k1 ?? 0;
    c.k2[i] = r.k2 ?? 0;
    c.mmsi[i] = r.mmsi;
    c.timeMs[i] = r.timeMs;
    c.type[i] = r.type;
    c.source[i] = r.source;
    set(c.imo, i, r.imo);
    set(c.shiptype, i, r.shiptype);
    set(c.toBow, i, r.toBow);
    set(c.toStern, i, r.toStern);
    set(c.toPort, i, r.toPort);
    set(c.toStarboard, i, r.toStarboard);
    set(c.draught, i, r.draught);
  }
  return c;
}

/** The value of a nullable column at row i (null where NULL). */
export function nullableAt(c: NullableNumbers<ArrayLike<number>>, i: number): number | null {
  return c.nulls[i] !== 0 ? null : c.data[i];
}

export class PositionBatch {
  readonly capacity: number;
  length = 0;
  readonly k = new Uint32Array(2);
  readonly k1: Uint32Array;
  readonly k2: Uint32Array;
  readonly mmsi: Uint32Array;
  readonly timeMs: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** NaN = not available. */
  readonly speed: Float32Array;
  readonly course: Float32Array;
  /** -1 = not available. */
  readonly heading: Int16Array;
  /** 255 = not available. */
  readonly status: Uint8Array;
  readonly type: Uint8Array;
  /** 0 unknown, 1 terrestrial, 2 satellite. */
  readonly source: Uint8Array;
  /** Comma-joined station ids, by code (few distinct: a station, or the few that heard one report). */
  readonly stations: StationCodes;
  private readonly stationIndex = new Map<string, number>();
  /** mergedCode()'s cache: list code * MAX_STATION_LISTS + station code -> code of the merged list. */
  private readonly mergedCodes = new Map<number, number>();
  staticRows: StaticRow[] = [];
  minTimeMs = Infinity;
  maxTimeMs = -Infinity;
  /**
   * Open-addressing table of the batch's rows by 64-bit payload key (linear probing): pairs of (row, first
   * key half), row -1 = empty. The key half beside the row spares a probe a second cache miss: the table
   * is megabytes and every reception probes it.
   */
  private slots: Int32Array;
  private readonly slotMask: number;
  /** The free slot mergeReception() found for the payload it missed (-1: none pending). */
  private missSlot = -1;
  /** The same for the batch's static reports (index into `staticRows`), grown as they come (most batches hold few). */
  private staticSlots = new Int32Array(STATIC_SLOTS_INITIAL).fill(-1);

  /**
   * `recycle`: an earlier batch of the same capacity whose rows are taken (detached): its key table (the
   * batch's largest array, which never leaves the thread) is cleared and reused instead of allocated.
   */
  constructor(capacity: number, recycle: PositionBatch | null = null) {
    this.capacity = capacity;
    this.k1 = new Uint32Array(capacity);
    this.k2 = new Uint32Array(capacity);
    this.mmsi = new Uint32Array(capacity);
    this.timeMs = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.speed = new Float32Array(capacity);
    this.course = new Float32Array(capacity);
    this.heading = new Int16Array(capacity);
    this.status = new Uint8Array(capacity);
    this.type = new Uint8Array(capacity);
    this.source = new Uint8Array(capacity);
    this.stations = { codes: new Int32Array(capacity), values: [] };
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    if (recycle !== null && recycle.slots.length === 2 * size) {
      this.slots = recycle.slots.fill(-1);
      recycle.slots = new Int32Array(0); // the taken batch looks nothing up any more
    } else {
      this.slots = new Int32Array(2 * size).fill(-1);
    }
    this.slotMask = size - 1;
  }

  get full(): boolean {
    return this.length >= this.capacity;
  }

  get rows(): number {
    return this.length + this.staticRows.length;
  }

  clear(): void {
    this.length = 0;
    this.staticRows = [];
    this.stations.values.length = 0;
    this.stationIndex.clear();
    this.mergedCodes.clear();
    this.slots.fill(-1);
    this.staticSlots = new Int32Array(STATIC_SLOTS_INITIAL).fill(-1);
    this.minTimeMs = Infinity;
    this.maxTimeMs = -Infinity;
  }

  private noteTime(t: number): void {
    if (t < this.minTimeMs) this.minTimeMs = t;
    if (t > this.maxTimeMs) this.maxTimeMs = t;
  }

  /**
   * Adds a position; returns false when it duplicates one already in the batch (stations merged).
   * `payload` null: the payload mergeReception() has just been asked about, and missed.
   */
  addPosition(
    payload: string | null, mmsi: number, timeMs: number, lat: number, lon: number,
    speed: number | null, course: number | null, heading: number | null, status: number | null,
    type: number, source: number, station: string | null,
  ): boolean {
    let slot = this.missSlot;
    this.missSlot = -1;
    if (payload !== null) {
      payloadHash(payload, this.k, 0);
      const at = this.find(this.k[0], this.k[1], timeMs);
      if (at >= 0) {
        if (station !== null) this.stations.codes[at] = this.mergedCode(this.stations.codes[at], station);
        return false;
      }
      slot = -1 - at;
    }
    const h1 = this.k[0];
    const h2 = this.k[1];
    const slots = this.slots;
    const i = this.length++;
    slots[2 * slot] = i;
    slots[2 * slot + 1] = h1 | 0;
    this.k1[i] = h1;
    this.k2[i] = h2;
    this.mmsi[i] = mmsi;
    this.timeMs[i] = timeMs;
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.speed[i] = speed === null ? NaN : speed;
    this.course[i] = course === null ? NaN : course;
    this.heading[i] = heading === null ? -1 : heading;
    this.status[i] = status === null ? 255 : status;
    this.type[i] = type;
    this.source[i] = source;
    this.stations.codes[i] = station === null ? -1 : this.stationCode(station);
    this.noteTime(timeMs);
    return true;
  }

  /**
   * A reception of a position payload (`text[start, end)`) the batch already holds within the dedup window:
   * its station is merged into that row and true returned; false (nothing changed) when none matches. Lets
   * the decoder skip decoding a duplicate's fields (a third of a receiver network's lines).
   */
  mergeReception(text: string, start: number, end: number, timeMs: number, station: string | null): boolean {
    payloadHashAt(text, start, end, this.k, 0);
    const at = this.find(this.k[0], this.k[1], timeMs);
    if (at < 0) {
      this.missSlot = -1 - at;
      return false;
    }
    if (station !== null) this.stations.codes[at] = this.mergedCode(this.stations.codes[at], station);
    return true;
  }

  /**
   * The row with payload key (h1, h2) within DEDUP_WINDOW_MS of `timeMs`, else -1 - the free slot where
   * it goes. Every kept row of the batch stays in the table, so a reception is compared with all earlier
   * ones of its payload (as the store's check does across batches): the result does not depend on batching.
   */
  private find(h1: number, h2: number, timeMs: number): number {
    const mask = this.slotMask;
    const slots = this.slots;
    const h1s = h1 | 0;
    let slot = (h1 ^ (h2 >>> 7)) & mask;
    for (;;) {
      const row = slots[2 * slot];
      if (row < 0) return -1 - slot;
      if (slots[2 * slot + 1] === h1s && this.k2[row] === h2 && Math.abs(this.timeMs[row] - timeMs) <= DEDUP_WINDOW_MS) return row;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * The code of list `code` (-1 = none) with `station` added. Duplicate receptions are a third of a
   * receiver network's lines and repeat few (list, station) pairs: those are cached by number, so a
   * duplicate costs one lookup of its station instead of a joined string and its lookup.
   */
  private mergedCode(code: number, station: string): number {
    const one = this.stationCode(station);
    if (code < 0 || code === one) return one;
    const key = code * MAX_STATION_LISTS + one;
    let merged = this.mergedCodes.get(key);
    if (merged === undefined) {
      const list = this.stations.values[code];
      const joined = mergeStation(list, station) as string;
      merged = joined === list ? code : this.stationCode(joined);
      if (this.stations.values.length < MAX_STATION_LISTS) this.mergedCodes.set(key, merged);
    }
    return merged;
  }

  private stationCode(s: string): number {
    let c = this.stationIndex.get(s);
    if (c === undefined) {
      this.stationIndex.set(s, (c = this.stations.values.length));
      this.stations.values.push(s);
    }
    return c;
  }

  /**
   * Static reports repeat one payload all day (a type 5 has no time field): the table keys them by payload
   * and 30-s time bucket, so a lookup probes three short chains instead of every earlier report of the
   * ship. Slots are pairs (row, tag); the tag mixes the first key half with the bucket.
   */
  private growStaticSlots(): void {
    const table = new Int32Array(this.staticSlots.length * 2).fill(-1);
    const mask = table.length / 2 - 1;
    for (let p = 0; p < this.staticRows.length; p++) {
      const r = this.staticRows[p];
      const tag = staticTag(r.k1 as number, bucketOf(r.timeMs));
      let slot = (tag ^ ((r.k2 as number) >>> 7)) & mask;
      while (table[2 * slot] >= 0) slot = (slot + 1) & mask;
      table[2 * slot] = p;
      table[2 * slot + 1] = tag;
    }
    this.staticSlots = table;
  }

  /** Adds a static report; returns false for a duplicate inside the batch (the earliest matching row takes its stations). */
  addStatic(payload: string, row: StaticRow): boolean {
    payloadHash(payload, this.k, 0);
    const h1 = this.k[0];
    const h2 = this.k[1];
    if (4 * (this.staticRows.length + 1) > this.staticSlots.length) this.growStaticSlots();
    const table = this.staticSlots;
    const mask = table.length / 2 - 1;
    const bucket = bucketOf(row.timeMs);
    // A match lies within DEDUP_WINDOW_MS, so in the row's bucket or a neighbour.
    let best = -1;
    for (let d = -1; d <= 1; d++) {
      const tag = staticTag(h1, bucket + d);
      for (let slot = (tag ^ (h2 >>> 7)) & mask; ; slot = (slot + 1) & mask) {
        const p = table[2 * slot];
        if (p < 0) break;
        if (table[2 * slot + 1] !== tag || (best >= 0 && p > best)) continue;
        const s = this.staticRows[p];
        if (s.k1 === h1 && s.k2 === h2 && Math.abs(s.timeMs - row.timeMs) <= DEDUP_WINDOW_MS) best = p;
      }
    }
    if (best >= 0) {
      const s = this.staticRows[best];
      s.stations = mergeStation(s.stations, row.stations);
      return false;
    }
    row.k1 = h1;
    row.k2 = h2;
    const tag = staticTag(h1, bucket);
    let slot = (tag ^ (h2 >>> 7)) & mask;
    while (table[2 * slot] >= 0) slot = (slot + 1) & mask;
    table[2 * slot] = this.staticRows.length;
    table[2 * slot + 1] = tag;
    this.staticRows.push(row);
    this.noteTime(row.timeMs);
    return true;
  }
}

function bucketOf(timeMs: number): number {
  return Math.floor(timeMs / DEDUP_WINDOW_MS);
}

function staticTag(h1: number, bucket: number): number {
  return (h1 ^ Math.imul(bucket, 0x9e3779b1)) | 0;
}

/** Distinct station lists up to which merges are cached (keys stay exact integers below 2^53). */
const MAX_STATION_LISTS = 1 << 24;

/** First length of a batch's static table (two entries per slot; doubled whenever half the slots are used). */
const STATIC_SLOTS_INITIAL = 1 << 14;

function mergeStation(list: string | null, station: string | null): string | null {
  if (station === null) return list;
  if (list === null) return station;
  if (list === station || hasStation(list, station)) return list;
  return `${list},${station}`;
}

/** `station` is one of the comma-separated ids of `list` (no split: this runs for every duplicate reception). */
function hasStation(list: string, station: string): boolean {
  const n = station.length;
  for (let i = list.indexOf(station); i >= 0; i = list.indexOf(station, i + 1)) {
    if ((i === 0 || list.charCodeAt(i - 1) === 44) && (i + n === list.length || list.charCodeAt(i + n) === 44)) return true;
  }
  return false;
}
