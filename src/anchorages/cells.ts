// The anchorage cell grid: latitude rows `cellSizeM` tall, each row cut into columns `cellSizeM` wide at
// the row's centre latitude (so cells are near-equal in area), keyed by one integer.
import { EARTH_RADIUS_M } from '../geo/sphere.js';

const RAD = Math.PI / 180;
const ROW_OFFSET = 1 << 16;
const COL_SPAN = 1 << 20;

export class CellGrid {
  private readonly rowDeg: number;

  constructor(readonly cellSizeM: number) {
    this.rowDeg = cellSizeM / (EARTH_RADIUS_M * RAD);
  }

  private colDeg(row: number): number {
    const lat = Math.min(89.5, Math.abs((row + 0.5) * this.rowDeg));
    return Math.min(360, this.rowDeg / Math.cos(lat * RAD));
  }

  key(lat: number, lon: number): number {
    const row = Math.floor(lat / this.rowDeg);
    const col = Math.floor((lon + 180) / this.colDeg(row));
    return (row + ROW_OFFSET) * COL_SPAN + col;
  }

  centre(key: number): { lat: number; lon: number } {
    const row = Math.floor(key / COL_SPAN) - ROW_OFFSET;
    const col = key % COL_SPAN;
    const lon = (col + 0.5) * this.colDeg(row) - 180;
    return { lat: (row + 0.5) * this.rowDeg, lon: lon > 180 ? lon - 360 : lon };
  }
}
