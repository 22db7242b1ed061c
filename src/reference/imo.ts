// IMO ship identification numbers (IMO Resolution A.1117(30)): seven digits, the last a check digit —
// the sum of the first six digits weighted 7,6,5,4,3,2, modulo 10.

/** True when `imo` is a seven-digit number whose check digit is right. */
export function isValidImo(imo: number): boolean {
  if (!Number.isInteger(imo) || imo < 1_000_000 || imo > 9_999_999) return false;
  const d = String(imo);
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(d[i]) * (7 - i);
  return sum % 10 === Number(d[6]);
}

/** AIS carries 0 (and sometimes other out-of-range values) for "no IMO": treat those as not available. */
export function isImoPresent(imo: number | null | undefined): imo is number {
  return typeof imo === 'number' && Number.isInteger(imo) && imo > 0;
}
