// GET /api/report?vessel=Q|event=ID|events=SELECTION&format=html|pdf|kmz — the evidence pack `tumen report` writes, made by
// the same code, so the web UI hands out the print map, the SHA-256s and the reproducing command too.
import { Hono } from 'hono';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerContext } from '../context.js';
import { badRequest, httpError, notFound } from '../errors.js';
import { apiRoute, jsonResponse, mount } from '../schema.js';
import { REPORT_QUERY } from '../schemas.js';
import { BadSubjectError, buildEvidencePack, UnknownSubjectError, type PackSubject } from '../evidence-pack.js';
import { findChromium, printPdf } from '../../io/pdf.js';
import { kmz } from '../../io/zip.js';

const MIME = { html: 'text/html; charset=utf-8', pdf: 'application/pdf', kmz: 'application/vnd.google-earth.kmz' } as const;

export const REPORT_ROUTE = apiRoute({
  method: 'get', path: '/api/report', summary: 'an evidence pack (what `tumen report` writes) for a ship (vessel), an event (event) or an event selection (events): give one of them', query: REPORT_QUERY,
  responses: { 200: { description: 'text/html, application/pdf or application/vnd.google-earth.kmz' }, 404: jsonResponse('error'), 501: jsonResponse('error') },
});

const iso = (ms: number | undefined): string[] => (ms === undefined ? [] : [new Date(ms).toISOString()]);

export function reportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  mount(app, REPORT_ROUTE, async (c, { query: q }) => {
    if (q.format === 'pdf' && !findChromium()) throw httpError(501, 'this server has no Chromium to print PDFs: download the HTML and print it, or install chromium where `tumen serve` runs');
    const subject: PackSubject = q.events !== undefined ? { events: q.events } : q.event !== undefined ? { event: q.event } : { vessel: q.vessel!, fromMs: q.from, toMs: q.to };
    // The CLI command that makes the same pack from the same store.
    const command = ['tumen', 'report', ...(q.events !== undefined ? ['--events', q.events] : q.event !== undefined ? ['--event', q.event] : [q.vessel!]),
      ...iso(q.from).flatMap((t) => ['--from', t]), ...iso(q.to).flatMap((t) => ['--to', t]), '--db', ctx.store.path, '--format', q.format];
    let pack;
    try {
      pack = await buildEvidencePack(ctx.store, subject, { command, storePath: ctx.store.path, generatedAt: new Date().toISOString() });
    } catch (err) {
      if (err instanceof UnknownSubjectError) throw notFound(err.message);
      if (err instanceof BadSubjectError) throw badRequest(err.message);
      throw err;
    }
    const headers = { 'content-type': MIME[q.format], 'content-disposition': `attachment; filename="${pack.basename}.${q.format}"` };
    if (q.format === 'html') return c.body(pack.html, 200, headers);
    if (q.format === 'kmz') return c.body(new Uint8Array(kmz(pack.kml)), 200, headers);
    const dir = mkdtempSync(join(tmpdir(), 'tumen-report-'));
    try {
      await printPdf(pack.html, join(dir, 'r.pdf'));
      return c.body(new Uint8Array(readFileSync(join(dir, 'r.pdf'))), 200, headers);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return app;
}
