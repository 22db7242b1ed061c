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
import { z } from 'zod';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { MMSI_PATH } from '../schemas.js';
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

const WATCH_NOTE = z.object({ note: z.string().max(2000, 'note is longer than 2000 characters').nullish().describe('why the vessel is watched') }).optional();

export const WRITE_ROUTES = {
  listImport: apiRoute({
    method: 'post', path: '/api/lists', summary: 'import a list file (raw body or multipart field "file")', secured: true, upload: true,
    query: z.object({
      format: z.enum(LIST_FORMATS, { error: `format must be one of ${LIST_FORMATS.join(', ')}` }).optional().describe('list format (guessed from the file when absent)'),
      name: z.string().regex(/^[\w.-]{1,64}$/, 'name must be 1–64 letters, digits, dot, dash or underscore').optional().describe('list name'),
      allow_shrink: z.enum(['true', 'false'], { error: 'allow_shrink must be true or false' }).optional()
        .describe('true: accept a list that lost more than 10 % of its entries (else 409 with the diff)'),
    }),
    responses: { 201: jsonResponse('import summary'), 409: ERROR_RESPONSE, 413: ERROR_RESPONSE },
  }),
  ingest: apiRoute({
    method: 'post', path: '/api/ingest', summary: 'upload an AIS file (NMEA or CSV) to ingest; new events go to SSE subscribers', secured: true, upload: true,
    query: z.object({
      filename: z.string().regex(/^[^/\\]{1,200}$/, 'filename must be a file name (no path)').optional().describe('name, used to guess the format'),
      format: z.string().regex(/^[\w-]{1,32}$/, 'format must be a format name such as nmea or csv').optional().describe('force a format'),
    }),
    responses: { 201: jsonResponse('ingest summary'), 413: ERROR_RESPONSE },
  }),
  watchlist: apiRoute({ method: 'get', path: '/api/watchlist', summary: 'watched vessels', responses: { 200: jsonResponse('watchlist') } }),
  watch: apiRoute({
    method: 'put', path: '/api/watchlist/{mmsi}', summary: 'watch a vessel', secured: true, params: MMSI_PATH, body: WATCH_NOTE,
    responses: { 200: jsonResponse('entry') },
  }),
  unwatch: apiRoute({
    method: 'delete', path: '/api/watchlist/{mmsi}', summary: 'stop watching', secured: true, params: MMSI_PATH,
    responses: { 204: { description: 'removed' }, 404: ERROR_RESPONSE },
  }),
};

export function writeRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const auth = requireToken(ctx.token);

  const uploadLimit = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge(MAX_UPLOAD_BYTES) });
  mount(app, WRITE_ROUTES.listImport, async (c, { query: { name, allow_shrink: allowShrink, ...q } }) => {
    let format: string | undefined = q.format;
    const upload = await readUpload(c);
    if (format === undefined) {
      try {
        format = detectListSource(upload.filename, new TextDecoder().decode(upload.content.subarray(0, 4096)));
      } catch (err) {
        throw badRequest(`${(err as Error).message.replace('--source', '?format=')}`);
      }
    }
    return c.json(await importList(ctx.writeStore, { format, name, ...upload, importedAt: new Date(), allowShrink: allowShrink === 'true' }), 201);
  }, [auth, uploadLimit]);

  mount(app, WRITE_ROUTES.ingest, async (c, { query: { format } }) => {
    if (!ctx.live) throw httpError(403, 'ingest is disabled on this server');
    const upload = await readUpload(c);
    const { summary, events } = await ingestUpload(ctx.writeStore, ctx.live, { ...upload, format });
    return c.json({ ingest: summary, new_events: events.length, events }, 201);
  }, [auth, uploadLimit]);

  mount(app, WRITE_ROUTES.watchlist, async (c) => c.json({ watchlist: await listWatch(ctx.store) }));

  mount(app, WRITE_ROUTES.watch, async (c, { params: { mmsi }, body }) => {
    const note = body?.note ?? null;
    await putWatch(ctx.writeStore, mmsi, note, Date.now());
    return c.json({ mmsi, note }, 200);
  }, [auth, bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge(MAX_JSON_BYTES) })]);

  mount(app, WRITE_ROUTES.unwatch, async (c, { params: { mmsi } }) => {
    if (!(await deleteWatch(ctx.writeStore, mmsi))) throw notFound(`MMSI ${mmsi} is not on the watchlist`);
    return c.body(null, 204);
  }, [auth]);

  return app;
}
