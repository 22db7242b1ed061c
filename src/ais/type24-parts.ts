// Type 24 (class B static data) parts A and B merged as gpsd does.
import { MAX_PENDING_PART_A } from './decoder-options.js';
import type { AisMessage } from './types.js';

export class Type24Parts {
  /** Part A shipnames by MMSI, until a part B of the same MMSI takes it. */
  private readonly partA = new Map<number, string>();

  /**
   * A part B takes the shipname of the last part A of its MMSI, which is then forgotten (a repeated part B
   * must not match again). Both parts are still reported.
   */
  merge(m: AisMessage): void {
    if (m.partno === 0) {
      this.partA.delete(m.mmsi);
      this.partA.set(m.mmsi, m.shipname as string);
      if (this.partA.size > MAX_PENDING_PART_A) this.partA.delete(this.partA.keys().next().value as number);
      return;
    }
    const name = this.partA.get(m.mmsi);
    if (name === undefined) return;
    this.partA.delete(m.mmsi);
    m.shipname = name;
  }

  clear(): void {
    this.partA.clear();
  }
}
