// The cells station coverage is learned on: rows of `cellDeg` degrees of latitude from the south pole,
// columns of `cellDeg` of longitude from the antimeridian, wrapping across ±180° so a place there has
// neighbours on both sides.

export class CoverageGrid {
  readonly cols: number;

  constructor(readonly cellDeg: number) {
    this.cols = Math.round(360 / cellDeg);
  }

  row(lat: number): number {
    return Math.floor((lat + 90) / this.cellDeg);
  }

  col(lon: number): number {
    return Math.floor((lon + 180) / this.cellDeg);
  }

  cell(lat: number, lon: number): number {
    return this.key(this.row(lat), this.col(lon));
  }

  key(r: number, c: number): number {
    return r * this.cols + (((c % this.cols) + this.cols) % this.cols);
  }
}
