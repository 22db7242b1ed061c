// A run of the time-ordered replay (positions, with statics between them) as a message for a detection
// thread: the positions' numbers in one Float64Array (copied, not cloned object by object), nulls as
// flags, the station lists as ids into a table each thread keeps (a list is sent once, the first time it
// occurs). Unpacked, every report is the one packed, field for field, in the same order.
import type { Position, ReceptionSource } from '../tracks/position.js';
import type { StaticReport } from '../detectors/detector.js';

/** Numbers per position in `nums`: mmsi, time, lat, lon, speed, course, heading, status. */
const WIDTH = 8;
const NULL_SPEED = 1, NULL_COURSE = 2, NULL_HEADING = 4, NULL_STATUS = 8;
/** source: 0 absent, 1 null, 2 terrestrial, 3 satellite. stations: -1 absent, -2 null, else a list id. */
const SOURCES: ReadonlyArray<ReceptionSource | null | undefined> = [undefined, null, 'terrestrial', 'satellite'];
const NO_LIST = -1, NULL_LIST = -2;

export interface ReportBatch {
  n: number;
  nums: Float64Array;
  nulls: Uint8Array;
  sources: Uint8Array;
  stations: Int32Array;
  /** Station lists first used in this batch: [id, names]. */
  lists: Array<[number, string[]]>;
  statics: StaticReport[];
  /** The number of this batch's positions that come before each static. */
  staticAt: number[];
}

/** Packs the replay's reports as they come; `take()` hands over what was packed since the last take. */
export class ReportBatchWriter {
  private nums: Float64Array;
  private nulls: Uint8Array;
  private sources: Uint8Array;
  private stations: Int32Array;
  private n = 0;
  private lists: Array<[number, string[]]> = [];
  private statics: StaticReport[] = [];
  private staticAt: number[] = [];
  /** List ids by the array the reader shares (it reads each distinct list once), then by its text. */
  private readonly byArray = new Map<readonly string[], number>();
  private readonly byText = new Map<string, number>();

  constructor(private capacity = 8192) {
    this.nums = new Float64Array(capacity * WIDTH);
    this.nulls = new Uint8Array(capacity);
    this.sources = new Uint8Array(capacity);
    this.stations = new Int32Array(capacity);
  }

  get size(): number {
    return this.n + this.statics.length;
  }

  pushPosition(p: Position): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    const o = i * WIDTH;
    const nums = this.nums;
    nums[o] = p.mmsi;
    nums[o + 1] = p.timeMs;
    nums[o + 2] = p.lat;
    nums[o + 3] = p.lon;
    let nulls = 0;
    if (p.speedKn === null) nulls |= NULL_SPEED; else nums[o + 4] = p.speedKn;
    if (p.courseDeg === null) nulls |= NULL_COURSE; else nums[o + 5] = p.courseDeg;
    if (p.headingDeg === null) nulls |= NULL_HEADING; else nums[o + 6] = p.headingDeg;
    if (p.status === null) nulls |= NULL_STATUS; else nums[o + 7] = p.status;
    this.nulls[i] = nulls;
    const s = p.source;
    this.sources[i] = s === undefined ? 0 : s === null ? 1 : s === 'terrestrial' ? 2 : 3;
    this.stations[i] = this.listId(p.stations);
  }

  pushStatic(s: StaticReport): void {
    this.statics.push(s);
    this.staticAt.push(this.n);
  }

  take(): ReportBatch {
    const n = this.n;
    const batch: ReportBatch = {
      n, nums: this.nums.slice(0, n * WIDTH), nulls: this.nulls.slice(0, n), sources: this.sources.slice(0, n), stations: this.stations.slice(0, n),
      lists: this.lists, statics: this.statics, staticAt: this.staticAt,
    };
    this.n = 0;
    this.lists = [];
    this.statics = [];
    this.staticAt = [];
    return batch;
  }

  private listId(list: readonly string[] | null | undefined): number {
    if (list === undefined) return NO_LIST;
    if (list === null) return NULL_LIST;
    let id = this.byArray.get(list);
    if (id !== undefined) return id;
    const text = list.join('\u0000');
    id = this.byText.get(text);
    if (id === undefined) {
      id = this.byText.size;
      this.byText.set(text, id);
      this.lists.push([id, [...list]]);
    }
    // A reader that makes a fresh array per row (the text read) must not grow this map without bound.
    if (this.byArray.size >= 100_000) this.byArray.clear();
    this.byArray.set(list, id);
    return id;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = (a: Float64Array | Uint8Array | Int32Array, width = 1) => {
      const b = new (a.constructor as new (n: number) => typeof a)(this.capacity * width);
      b.set(a);
      return b;
    };
    this.nums = grown(this.nums, WIDTH) as Float64Array;
    this.nulls = grown(this.nulls) as Uint8Array;
    this.sources = grown(this.sources) as Uint8Array;
    this.stations = grown(this.stations) as Int32Array;
  }
}

/** The receiving side: each thread keeps the station lists (one frozen array each, each name one string,
 *  as the store's reader gives them: the detectors compare names with ===). */
export class ReportBatchReader {
  private readonly lists: Array<readonly string[]> = [];
  private readonly names = new Map<string, string>();

  /** Calls `position` and `static` for the batch's reports in their order. */
  replay(b: ReportBatch, sink: { pushPosition(p: Position): void; pushStatic(s: StaticReport): void }): void {
    for (const [id, names] of b.lists) this.lists[id] = Object.freeze(names.map((x) => this.intern(x)));
    const { nums, nulls, sources, stations, statics, staticAt } = b;
    let si = 0;
    for (let i = 0; i < b.n; i++) {
      while (si < statics.length && staticAt[si]! <= i) sink.pushStatic(statics[si++]!);
      const o = i * WIDTH;
      const f = nulls[i]!;
      const st = stations[i]!;
      const src = SOURCES[sources[i]!];
      const speedKn = f & NULL_SPEED ? null : nums[o + 4]!;
      const courseDeg = f & NULL_COURSE ? null : nums[o + 5]!;
      const headingDeg = f & NULL_HEADING ? null : nums[o + 6]!;
      const status = f & NULL_STATUS ? null : nums[o + 7]!;
      let p: Position;
      if (src !== undefined && st !== NO_LIST) { // the store's reader: every field, in its order
        p = { mmsi: nums[o]!, timeMs: nums[o + 1]!, lat: nums[o + 2]!, lon: nums[o + 3]!, speedKn, courseDeg, headingDeg, status, source: src, stations: st === NULL_LIST ? null : this.lists[st]! };
      } else {
        p = { mmsi: nums[o]!, timeMs: nums[o + 1]!, lat: nums[o + 2]!, lon: nums[o + 3]!, speedKn, courseDeg, headingDeg, status };
        if (src !== undefined) p.source = src;
        if (st !== NO_LIST) p.stations = st === NULL_LIST ? null : this.lists[st]!;
      }
      sink.pushPosition(p);
    }
    while (si < statics.length) sink.pushStatic(statics[si++]!);
  }

  private intern(name: string): string {
    let n = this.names.get(name);
    if (n === undefined) this.names.set(name, (n = name));
    return n;
  }
}
