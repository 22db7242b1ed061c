// Response headers that keep a browser from being turned against the user: a Content-Security-Policy
// allowing only this origin's scripts (the web UI is one bundle, no inline script), no framing, no MIME
// sniffing, no referrer leaking vessel or event ids to other sites. hono's secureHeaders sets them on
// every response, errors included.
import { secureHeaders } from 'hono/secure-headers';
import type { MiddlewareHandler } from 'hono';

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // MapLibre and deck.gl set element styles; the map's worker is a module file of this origin.
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      // The map can load an online style (?style=https://…): its tiles and glyphs come from elsewhere.
      connectSrc: ["'self'", 'https:'],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    // Cross-origin isolation would break an online map style; CORS is configured separately.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
  });
}
