// Write endpoints, all behind the bearer token: list import, file upload for ingest, watchlist edits.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServerContext } from '../context.js';
import { requireToken } from '../auth.js';
import { badRequest, notFound } from '../errors.js';
import { importList } from '../integrations.js';
import { ingestUpload } from '../upload.js';
import { httpError } from '../errors.js';
import { detectListSource } from '../../lists/detect.js';
import { MAX_JSON_BYTES, MAX_UPLOAD_BYTES } from '../params.js';
import { parseMmsi } from '../validate.js';
import { deleteWatch, listWatch, putWatch } from '../watchlist.js';

const LIST_FORMATS = ['ofac', 'ofac-xml', 'un', 'opensanctions', 'csv'] as const;

/** The uploaded file: multipart field `file`, or the raw request body with `?filename=`. */
async function readUpload(c: { req: { header(n: string): string | undefined; parseBody(): Promise<Record<string, unknown>>; arrayBuffer(): Promise<ArrayBuffer>; query(k: string): string | undefined } }): Promise<{ filename: string; content: Uint8Array }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch (err) {
      throw badRequest(`malformed multipart body: ${(err as Error).message.slice(0, 200)}`);
    }
    const file = body.file;
    if (!(file instanceof File)) throw badRequest('multipart upload needs a field named "file"');
    return { filename: file.name, content: new Uint8Array(await file.arrayBuffer()) };
  }
  const content = new Uint8Array(await c.req.arrayBuffer());
  if (content.length === 0) throw badRequest('empty upload: send the file as the body or as multipart field "file"');
  return { filename: c.req.query('filename') ?? 'upload', content };
}

const tooLarge = (max: number) => () => { throw httpError(413, `body larger than ${max} bytes`); };

export function writeRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const auth = requireToken(ctx.token);

  app.post('/api/lists', auth, bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge(MAX_UPLOAD_BYTES) }), async (c) => {
    let format = c.req.query('format');
    if (format !== undefined && !(LIST_FORMATS as readonly string[]).includes(format)) {
      throw badRequest(`format must be one of ${LIST_FORMATS.join(', ')}`);
    }
    const name = c.req.query('name');
    if (name !== undefined && !/^[\w.-]{1,64}$/.test(name)) throw badRequest('name must be 1–64 letters, digits, dot, dash or underscore');
    const allowShrink = c.req.query('allow_shrink');
    if (allowShrink !== undefined && allowShrink !== 'true' && allowShrink !== 'false') throw badRequest('allow_shrink must be true or false');
    const upload = await readUpload(c);
    if (format === undefined) {
      try {
        format = detectListSource(upload.filename, new TextDecoder().decode(upload.content.subarray(0, 4096)));
      } catch (err) {
        throw badRequest(`${(err as Error).message.replace('--source', '?format=')}`);
      }
    }
    return c.json(await importList(ctx.writeStore, { format, name, ...upload, importedAt: new Date(), allowShrink: allowShrink === 'true' }), 201);
  });

  app.post('/api/ingest', auth, bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge(MAX_UPLOAD_BYTES) }), async (c) => {
    if (!ctx.live) throw httpError(403, 'ingest is disabled on this server');
    const upload = await readUpload(c);
    const { summary, events } = await ingestUpload(ctx.writeStore, ctx.live, { ...upload, format: c.req.query('format') });
    return c.json({ ingest: summary, new_events: events.length, events }, 201);
  });

  app.get('/api/watchlist', async (c) => c.json({ watchlist: await listWatch(ctx.store) }));

  app.put('/api/watchlist/:mmsi', auth, bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge(MAX_JSON_BYTES) }), async (c) => {
    const mmsi = parseMmsi(c.req.param('mmsi'));
    let note: string | null = null;
    const text = await c.req.text();
    if (text.trim()) {
      let body: unknown;
      try { body = JSON.parse(text); } catch { throw badRequest('body must be JSON: {"note": "…"}'); }
      const n = (body as { note?: unknown })?.note;
      if (n !== undefined && n !== null && typeof n !== 'string') throw badRequest('note must be a string');
      if (typeof n === 'string' && n.length > 2000) throw badRequest('note is longer than 2000 characters');
      note = (n as string | undefined) ?? null;
    }
    await putWatch(ctx.writeStore, mmsi, note, Date.now());
    return c.json({ mmsi, note }, 200);
  });

  app.delete('/api/watchlist/:mmsi', auth, async (c) => {
    const mmsi = parseMmsi(c.req.param('mmsi'));
    if (!(await deleteWatch(ctx.writeStore, mmsi))) throw notFound(`MMSI ${mmsi} is not on the watchlist`);
    return c.body(null, 204);
  });

  return app;
}
