// Content-derived event ids: a stable 64-bit FNV-1a hash of type|mmsi|start|other. No clock, no randomness,
// so the same input always yields the same ids and a re-run upserts rather than duplicates.
import type { EventType } from '../events/schema.js';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/** 64-bit FNV-1a over the UTF-16 code units of `text`, as 16 hex digits. */
export function fnv1a64Hex(text: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK64;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * The id of an event: `<type>-<hash>`, hashing type, mmsi, start (ISO or epoch ms) and `other` (a
 * discriminator such as the other MMSI, a port id or a field name — whatever keeps two events of one
 * vessel with the same start apart).
 */
export function eventId(type: EventType, mmsi: number, start: string | number, other: string | number = ''): string {
  const startIso = typeof start === 'number' ? new Date(start).toISOString() : start;
  return `${type}-${fnv1a64Hex(`${type}|${mmsi}|${startIso}|${other}`)}`;
}
