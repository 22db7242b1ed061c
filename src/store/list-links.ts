// Ties between the entries of a list (FtM Ownership, Directorship, UnknownLink, a vessel's owner and
// operator), kept per list version beside its entries, and the listed parties they lead to from a
// matched entry: up to two hops (the owner, or the owner's owner or director), as screening reports them.
import { listValue, type DuckDBValue } from './duckdb-api.js';
import type { Store } from './db.js';
import type { LinkRelation, ListLink } from '../lists/types.js';
import { linkKey } from '../screening/links.js';
import type { LinkPath, ScreenMatch } from '../screening/types.js';

const DDL = [
  `CREATE TABLE IF NOT EXISTS list_links (
    list VARCHAR NOT NULL, subject VARCHAR NOT NULL, relation VARCHAR NOT NULL, object VARCHAR NOT NULL,
    role VARCHAR, share_pct DOUBLE)`,
] as const;

/** Paths reported per matched entry at most (the strongest first): a reason stays readable. */
const MAX_PATHS = 5;

/** Replaces the links of `list` (inside the caller's import transaction). */
export async function replaceListLinks(store: Store, list: string, links: readonly ListLink[]): Promise<number> {
  await store.ensureSchema(DDL);
  await store.run('DELETE FROM list_links WHERE list = $list', { list });
  const app = await store.conn.createAppender('list_links');
  for (const l of links) {
    app.appendVarchar(list); app.appendVarchar(l.subject); app.appendVarchar(l.relation); app.appendVarchar(l.object);
    if (l.role === null) app.appendNull(); else app.appendVarchar(l.role);
    if (l.sharePct === null) app.appendNull(); else app.appendDouble(l.sharePct);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
  return links.length;
}

interface Hop { from: string; relation: LinkRelation; to: string; share: number | null }
interface Party { entry_id: string; name: string; kind: string; listed: boolean }

const strings = (xs: string[]): DuckDBValue => listValue(xs.length ? xs : ['']);

/** The lists that carry links (the others need no lookup). */
export async function listsWithLinks(store: Store): Promise<Set<string>> {
  const has = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'list_links'");
  if (Number(has?.n ?? 0) === 0) return new Set();
  return new Set((await store.all<{ list: string }>('SELECT DISTINCT list FROM list_links')).map((r) => r.list));
}

/** Listed parties tied to each match's entry, by linkKey(list, entry_key); `linked`: listsWithLinks. */
export async function linkPathsOf(store: Store, matches: readonly ScreenMatch[], linked: ReadonlySet<string>): Promise<Map<string, LinkPath[]>> {
  const out = new Map<string, LinkPath[]>();
  const byList = new Map<string, Set<string>>();
  for (const m of matches) if (linked.has(m.list)) (byList.get(m.list) ?? byList.set(m.list, new Set()).get(m.list)!).add(m.entry_key);
  for (const [list, keySet] of byList) {
    const keys = [...keySet];
    const first = await hops(store, list, keys, true);
    if (first.length === 0) continue;
    const second = await hops(store, list, [...new Set(first.map((h) => h.to))], false);
    const parties = await partiesOf(store, list, [...new Set([...first, ...second].map((h) => h.to))]);
    // Hops by where they start (a filter of every first hop per key was quadratic in a batch's matches).
    const byFrom = (hs: Hop[]): Map<string, Hop[]> => {
      const m = new Map<string, Hop[]>();
      for (const h of hs) (m.get(h.from) ?? m.set(h.from, []).get(h.from)!).push(h);
      return m;
    };
    const from = byFrom(first);
    const next = byFrom(second);
    for (const key of keys) {
      const paths: LinkPath[] = [];
      for (const h1 of from.get(key) ?? []) {
        const p1 = parties.get(h1.to);
        if (!p1) continue;
        if (p1.listed) { paths.push({ relations: [h1.relation], parties: [p1], shares: [h1.share] }); continue; }
        for (const h2 of next.get(h1.to) ?? []) {
          const p2 = parties.get(h2.to);
          if (p2?.listed && h2.to !== key) paths.push({ relations: [h1.relation, h2.relation], parties: [p1, p2], shares: [h1.share, h2.share] });
        }
      }
      paths.sort((a, b) => a.relations.length - b.relations.length || a.parties[0].name.localeCompare(b.parties[0].name));
      if (paths.length) out.set(linkKey(list, key), paths.slice(0, MAX_PATHS));
    }
  }
  return out;
}

/** Links out of `keys`: the first hop follows every relation (an associate either way), the second
 *  only who owns or directs the party. */
async function hops(store: Store, list: string, keys: string[], first: boolean): Promise<Hop[]> {
  if (keys.length === 0) return [];
  const rows = await store.all<{ f: string; r: string; t: string; s: number | null }>(`
    SELECT subject AS f, relation AS r, object AS t, share_pct AS s FROM list_links
     WHERE list = $list AND subject IN (SELECT unnest($keys::VARCHAR[])) ${first ? '' : "AND relation IN ('owner', 'director')"}
    ${first ? `UNION ALL SELECT object, relation, subject, share_pct FROM list_links
     WHERE list = $list AND relation = 'associate' AND object IN (SELECT unnest($keys::VARCHAR[]))` : ''}
    ORDER BY f, r, t`, { list, keys: strings(keys) });
  return rows.map((r) => ({ from: r.f, relation: r.r as LinkRelation, to: r.t, share: r.s === null ? null : Number(r.s) }));
}

async function partiesOf(store: Store, list: string, keys: string[]): Promise<Map<string, Party>> {
  const rows = await store.all<{ key: string; entry_id: string; kind: string; name: string; listed: boolean }>(`
    SELECT key, entry_id, kind, name, coalesce(json_extract_string(body, '$.listed'), 'true') <> 'false' AS listed
      FROM list_entries WHERE list = $list AND key IN (SELECT unnest($keys::VARCHAR[]))`, { list, keys: strings(keys) });
  return new Map(rows.map((r) => [r.key, { entry_id: r.entry_id, name: r.name, kind: r.kind, listed: Boolean(r.listed) }]));
}
