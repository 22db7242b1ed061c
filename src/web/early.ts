// early.js: a classic script in the page's head, run before app.js (1.1 MB) has loaded and compiled, that
// asks for the first view's API answers at once (the same URLs the page asks for later; api.ts takes them
// from the shared map). For the triage it also asks for the event lists as soon as the stats and lists answer.
// On a loaded 2-core box app.js took 0.15–0.5 s to load and run before its own first request went out.
import { firstRequests, isTriagePath, parseHash, triageEventUrls } from './first-requests.js';
import { EARLY_KEY, askedPaths, type EarlyRequests } from './api.js';

const early: EarlyRequests = new Map();
(globalThis as Record<string, unknown>)[EARLY_KEY] = early;
const ask = (path: string): Promise<Response> => {
  const p = fetch(path, { headers: { accept: 'application/json' } });
  p.catch(() => { /* reported when the page takes it */ });
  early.set(path, p);
  return p;
};
const hash = location.hash;
for (const path of firstRequests(hash)) ask(path);
const { path, params } = parseHash(hash);
if (isTriagePath(path)) {
  const json = (p: string): Promise<unknown> => early.get(p)!.then((r) => (r.ok ? r.clone().json() : Promise.reject(new Error(String(r.status)))));
  void Promise.all([json('api/stats'), json('api/lists')]).then(([stats, lists]) => {
    const s = stats as { last_position?: string | null };
    const l = lists as { lists?: unknown[] };
    for (const u of triageEventUrls(params, s.last_position ?? null, (l.lists ?? []).length > 0)) if (!early.has(u) && !askedPaths().has(u)) ask(u);
  }).catch(() => { /* the page asks itself */ });
}
