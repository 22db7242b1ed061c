// Write endpoints need `Authorization: Bearer <token>`. No token configured means writes are disabled.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { httpError } from './errors.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export function requireToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (!token) {
      throw httpError(403, 'writes are disabled: start the server with TUMEN_API_TOKEN set or --token-file FILE');
    }
    const header = c.req.header('authorization');
    if (!header) {
      throw httpError(401, 'this endpoint needs Authorization: Bearer <token>', { 'www-authenticate': 'Bearer realm="tumen"' });
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // Compare digests so the comparison takes the same time whatever the length of the guess.
    if (!m || !timingSafeEqual(digest(m[1]), digest(token))) {
      throw httpError(403, 'invalid API token');
    }
    await next();
  };
}
