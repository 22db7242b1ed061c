// IMO ship identification numbers (IMO Resolution A.1117(30), Annex para. 3): seven digits, the last a
// check digit — the first six digits weighted 7,6,5,4,3,2; the sum's last digit is the seventh digit.
// E.g. 9074729: 9*7+0*6+7*5+4*4+7*3+2*2 = 139 -> 9.
// IMO company / registered-owner numbers (e.g. UN KPe entries) use a different scheme and are not checked.

export type ImoStatus = 'valid' | 'bad_check_digit' | 'malformed';

/** "IMO 9074729", "IMO9074729", "9074729" -> "9074729"; null when there are not exactly 7 digits. */
export function normaliseImo(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim().replace(/^IMO[\s:.-]*/i, '');
  return /^\d{7}$/.test(s) ? s : null;
}

export function imoStatus(raw: string | number | null | undefined): ImoStatus {
  const imo = normaliseImo(raw);
  if (!imo) return 'malformed';
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += (imo.charCodeAt(i) - 48) * (7 - i);
  return sum % 10 === imo.charCodeAt(6) - 48 ? 'valid' : 'bad_check_digit';
}

/** True when `imo` is a seven-digit number whose check digit is right. */
export function isValidImo(imo: number): boolean {
  return Number.isInteger(imo) && imo >= 1_000_000 && imo <= 9_999_999 && imoStatus(imo) === 'valid';
}

/** Values AIS transponders and data vendors put in the IMO field for "no IMO": 0, 2^30-1 = 1073741823 (the
 *  30-bit field all ones), 999999999 and other out-of-range numbers, and seven-digit fillers. 1234567 has
 *  a right check digit, so the check digit alone does not catch it. */
const IMO_PLACEHOLDERS = new Set([1111111, 2222222, 3333333, 4444444, 5555555, 6666666, 7777777, 8888888, 9999999, 1234567, 7654321]);

/** True when `imo` is something a ship claimed, not a "not available" filler (see IMO_PLACEHOLDERS). A
 *  present IMO may still have a wrong check digit: that is a finding (isValidImo), a filler is not. */
export function isImoPresent(imo: number | null | undefined): imo is number {
  return typeof imo === 'number' && Number.isInteger(imo) && imo >= 1_000_000 && imo <= 9_999_999 && !IMO_PLACEHOLDERS.has(imo);
}
