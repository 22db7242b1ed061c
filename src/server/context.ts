// What every route handler needs: the open store, the write token, the live-event hub.
import type { Store } from '../store/db.js';
import type { EventHub } from './event-hub.js';

export interface ServerContext {
  store: Store;
  /** Bearer token for write endpoints; null disables writes (403). */
  token: string | null;
  hub: EventHub;
  /** Directory holding the built web UI (index.html, app.js); null serves the API only. */
  webRoot: string | null;
  /** CORS origin to allow; null sends no CORS headers (browsers then refuse cross-origin calls). */
  corsOrigin: string | null;
}
