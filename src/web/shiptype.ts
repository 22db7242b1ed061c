// Ship types in words ("Tanker - all ships of this type"), not the raw ITU code ("80").
import { shiptypeText } from '../ais/lookups.js';

export function shiptypeWords(code: string | number | null | undefined): string {
  const n = Number(code);
  return Number.isInteger(n) && n > 0 ? `${shiptypeText(n)} (${n})` : String(code ?? '');
}
