// Agreement between two partitions of the same points into segments: pairwise precision/recall of
// "same segment" pairs and the adjusted Rand index (Hubert & Arabie 1985), computed from the contingency
// table so it is O(n) rather than over all pairs.

export interface Agreement {
  points: number;
  /** Of the pairs we put together, the share the reference also puts together. */
  pairPrecision: number;
  /** Of the pairs the reference puts together, the share we also put together. */
  pairRecall: number;
  adjustedRandIndex: number;
  referenceSegments: number;
  ourSegments: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

export function partitionAgreement(ours: readonly string[], reference: readonly string[]): Agreement {
  if (ours.length !== reference.length) throw new Error(`partition sizes differ: ${ours.length} vs ${reference.length}`);
  const cells = new Map<string, number>();
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  for (let i = 0; i < ours.length; i++) {
    const k = `${ours[i]}\u0000${reference[i]}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
    a.set(ours[i]!, (a.get(ours[i]!) ?? 0) + 1);
    b.set(reference[i]!, (b.get(reference[i]!) ?? 0) + 1);
  }
  let both = 0, sumA = 0, sumB = 0;
  for (const n of cells.values()) both += pairs(n);
  for (const n of a.values()) sumA += pairs(n);
  for (const n of b.values()) sumB += pairs(n);
  const total = pairs(ours.length);
  const expected = total > 0 ? (sumA * sumB) / total : 0;
  const max = (sumA + sumB) / 2;
  return {
    points: ours.length,
    pairPrecision: sumA > 0 ? both / sumA : 1,
    pairRecall: sumB > 0 ? both / sumB : 1,
    adjustedRandIndex: max - expected === 0 ? 1 : (both - expected) / (max - expected),
    referenceSegments: b.size,
    ourSegments: a.size,
  };
}
