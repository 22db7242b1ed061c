// What every route handler needs: the open store, the write token, the live-event hub.
import type { Store } from '../store/db.js';
import type { EventHub } from './event-hub.js';
import type { LiveDetection } from './live-detect.js';
import type { Hub } from './event-hub.js';
import type { LiveAlerts } from './alert-watch.js';
import type { LabelledAlert } from '../store/watch.js';

export interface ServerContext {
  /** The connection every read endpoint uses. */
  store: Store;
  /** A separate connection for writes (uploads, list imports, watchlist), so reads never sit inside a write transaction. */
  writeStore: Store;
  /** Incremental detectors over newly stored rows (live feed, uploads); null when writes are off and nothing listens. */
  live: LiveDetection | null;
  /** Watch rules on the live feed (with `live`); null when the server writes nothing. */
  alerts: LiveAlerts | null;
  /** New alerts, for GET /api/alerts/stream. */
  alertHub: Hub<LabelledAlert>;
  /** Bearer token for write endpoints; null disables writes (403). */
  token: string | null;
  hub: EventHub;
  /** Directory holding the built web UI (index.html, app.js); null serves the API only. */
  webRoot: string | null;
  /** CORS origin to allow; null sends no CORS headers (browsers then refuse cross-origin calls). */
  corsOrigin: string | null;
  /** Cached GET responses (events pages, tracks); 0 disables the cache. */
  cacheEntries: number;
  /** Open SSE subscriptions allowed at once; more get 503 with Retry-After. */
  maxStreams: number;
}
