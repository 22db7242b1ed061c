// Ship identities for the simulated fleet: MMSIs with real MIDs (ITU Maritime Identification Digits),
// IMO numbers with valid check digits, names and call signs.
import type { Rng } from './prng.js';

/** MID → flag (ISO 3166 alpha-2), the MIDs this world uses (ITU MID table). */
export const MID_FLAG: Record<number, string> = {
  273: 'RU', 440: 'KR', 441: 'KR', 431: 'JP', 432: 'JP', 445: 'KP', 412: 'CN', 413: 'CN', 477: 'HK',
  636: 'LR', 538: 'MH', 351: 'PA', 352: 'PA', 667: 'SL', 457: 'MN', 613: 'CM', 671: 'TG', 341: 'KN',
};

export function flagOfMmsi(mmsi: number): string | null {
  return MID_FLAG[Math.floor(mmsi / 1_000_000)] ?? null;
}

/** IMO check digit: weights 7..2 over the first six digits, sum mod 10 (IMO resolution A.1078(28)). */
export function imoCheckDigit(first6: number): number {
  const d = String(first6).padStart(6, '0');
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(d[i]) * (7 - i);
  return sum % 10;
}

const PREFIX = ['SEA', 'OCEAN', 'PACIFIC', 'EAST', 'GOLDEN', 'GRAND', 'STAR', 'BLUE', 'NORTH', 'ORIENT', 'PAN', 'HAN', 'SUN', 'GLORY', 'JADE', 'DAWN'];
const SUFFIX = ['PIONEER', 'BRIDGE', 'VENTURE', 'TRADER', 'HARMONY', 'SPIRIT', 'FORTUNE', 'WAVE', 'STAR', 'HOPE', 'EXPRESS', 'LINK', 'CARRIER', 'PEARL'];
const RU_NAMES = ['AMUR', 'ZARYA', 'SOKOL', 'BAIKAL', 'SIBIR', 'VOLNA', 'MAYAK', 'UTES', 'KEDR', 'TAIGA', 'POLYUS', 'NEVA', 'ANGARSK', 'USSURI'];
const KP_NAMES = ['CHON MYONG', 'PAEK MA', 'RYONG GANG', 'SO HAE', 'KWANG MYONG', 'MYO HYANG', 'RA SON', 'TAE DONG', 'UN PA SAN', 'SAM IL PO'];

export class IdentityFactory {
  private readonly mmsis = new Set<number>();
  private readonly imos = new Set<number>();
  private readonly names = new Set<string>();

  constructor(private readonly rng: Rng) {}

  mmsi(mid: number): number {
    for (;;) {
      const m = mid * 1_000_000 + this.rng.int(0, 99_999) * 10;
      if (!this.mmsis.has(m)) { this.mmsis.add(m); return m; }
    }
  }

  imo(): number {
    for (;;) {
      const first6 = this.rng.int(800_000, 999_999);
      const imo = first6 * 10 + imoCheckDigit(first6);
      if (!this.imos.has(imo)) { this.imos.add(imo); return imo; }
    }
  }

  name(style: 'intl' | 'ru' | 'kp' | 'fishing-kr' | 'fishing-jp' | 'fishing-ru'): string {
    for (let attempt = 0; ; attempt++) {
      const n = this.rng.int(1, 99);
      let s: string;
      switch (style) {
        case 'ru': s = `${this.rng.pick(RU_NAMES)}${attempt > 5 ? ` ${n}` : ''}`; break;
        case 'kp': s = `${this.rng.pick(KP_NAMES)} ${this.rng.int(1, 9)}`; break;
        case 'fishing-kr': s = `${this.rng.pick(['DAE', 'HAN', 'SEO', 'NAM', 'DONG'])}${this.rng.pick(['YANG', 'SEONG', 'JIN', 'HAE'])} ${n} HO`; break;
        case 'fishing-jp': s = `${this.rng.pick(['DAIICHI', 'DAINI', 'KAIYO', 'SHINSEI', 'TOYO'])} MARU ${n}`; break;
        case 'fishing-ru': s = `${this.rng.pick(['RYBAK', 'ZVEZDA', 'PRIMORYE', 'KAMBALA'])}-${n}`; break;
        default: s = `${this.rng.pick(PREFIX)} ${this.rng.pick(SUFFIX)}${this.rng.chance(0.4) ? ` ${n}` : ''}`;
      }
      if (!this.names.has(s) || attempt > 50) { this.names.add(s); return s.slice(0, 20); }
    }
  }

  callsign(flag: string): string {
    const prefix: Record<string, string> = { RU: 'U', KR: 'D', JP: 'J', KP: 'HM', CN: 'B', HK: 'VR', LR: 'A8', MH: 'V7', PA: '3E', SL: '9L', MN: 'JV', CM: 'TJ', TG: '5V', KN: 'V4' };
    let s = prefix[flag] ?? 'X';
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    while (s.length < 6) s += abc[this.rng.int(0, abc.length - 1)];
    return s;
  }
}
