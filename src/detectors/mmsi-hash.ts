// An MMSI spread over 32 bits, for splitting vessels between partitions, threads and checkpoint chunks.
// Murmur3's finaliser: every bit of the MMSI moves every bit of the hash. (A bare multiply keeps the MMSI's
// low bits in the product's low bits: every simulated MMSI is even, and a modulo-2 split of such a product
// put every vessel on one side.)
export function mmsiHash(mmsi: number): number {
  let h = mmsi | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
