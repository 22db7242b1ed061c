// A plain latitude/longitude grid of square-degree cells, keyed by one number, with the cells around a point
// (by radius or as a block): the reception layers of hearing.ts are kept on it.
/** A lat/lon grid of `deg` cells; a cell is one number (row × columns + column), wrapping at ±180°. */
export class DegreeGrid {
  private readonly cols: number;
  constructor(private readonly deg: number) {
    this.cols = Math.round(360 / deg);
  }

  cell(lat: number, lon: number): number {
    return this.key(Math.floor((lat + 90) / this.deg), Math.floor((lon + 180) / this.deg));
  }

  /** Cells whose centre lies within `radiusKm` of the point (or, with `ring`, the (2·ring+1)² block). */
  around(lat: number, lon: number, radiusKm: number, ring = -1): number[] {
    const r0 = Math.floor((lat + 90) / this.deg), c0 = Math.floor((lon + 180) / this.deg);
    const out: number[] = [];
    if (ring >= 0) {
      for (let r = r0 - ring; r <= r0 + ring; r++) for (let c = c0 - ring; c <= c0 + ring; c++) out.push(this.key(r, c));
      return out;
    }
    const kmPerDegLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
    const dr = Math.ceil(radiusKm / 111.2 / this.deg), dc = Math.ceil(radiusKm / kmPerDegLon / this.deg);
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dc; c <= c0 + dc; c++) {
        const dy = (r - r0) * this.deg * 111.2, dx = (c - c0) * this.deg * kmPerDegLon;
        if (dx * dx + dy * dy <= radiusKm * radiusKm) out.push(this.key(r, c));
      }
    }
    return out;
  }

  private key(r: number, c: number): number {
    return r * this.cols + (((c % this.cols) + this.cols) % this.cols);
  }
}
