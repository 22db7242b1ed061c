// One error type (hono's HTTPException) and one handler that turns every error into a JSON response.
// Anything that is not an HTTPException is a bug: it is logged and answered with a plain 500.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function httpError(status: ContentfulStatusCode, message: string, headers?: Record<string, string>): HTTPException {
  const res = new Response(JSON.stringify({ error: { status, message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
  return new HTTPException(status, { message, res });
}

export const badRequest = (message: string): HTTPException => httpError(400, message);
export const notFound = (message: string): HTTPException => httpError(404, message);

export function onError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    if (err.res) return err.res;
    return c.json({ error: { status: err.status, message: err.message } }, err.status as ContentfulStatusCode);
  }
  console.error(`tumen serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
  return c.json({ error: { status: 500, message: 'internal error' } }, 500);
}

export function onNotFound(c: Context): Response {
  return c.json({ error: { status: 404, message: `no route ${c.req.method} ${c.req.path}` } }, 404);
}
