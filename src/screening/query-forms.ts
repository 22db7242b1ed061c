// The forms a queried ship name is looked up and scored by: normalised, in its other word orders, and its
// other readings (respell.ts). A fleet's name is read by the store's blocker look-up and again by the scorer,
// and sister ships and repeated rows bring names again: each name's forms are made once (bounded, like the
// listed names' in index.ts; they are never changed after).
import { normaliseName, otherWordOrders, type NormalisedName } from './normalise.js';
import { allRespellings, type Respelling } from './respell.js';

export interface QueryForms {
  norm: NormalisedName;
  /** The same words in the other orders (normalise.ts otherWordOrders). */
  orders: NormalisedName[];
  respellings: Respelling[];
}

const memo = new Map<string, QueryForms>();
const MEMO_MAX = 50_000;

export function queryForms(raw: string): QueryForms {
  let f = memo.get(raw);
  if (f === undefined) {
    const norm = normaliseName(raw);
    f = norm.full === '' ? { norm, orders: [], respellings: [] } : { norm, orders: otherWordOrders(norm), respellings: allRespellings(raw, norm) };
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(raw, f);
  }
  return f;
}
