// Request validation and the OpenAPI description from one source: every API route is declared as data (an
// ApiRoute: method, path, summary, zod schemas of its path parameters, query and JSON body, responses);
// `mount` registers it with hono and validates each request against those schemas before the handler runs
// (400 naming each bad parameter), and `openApiOperation` turns the same declaration into the OpenAPI
// operation, so the document cannot drift from what the server accepts (test/server/openapi-drift.test.ts).
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { badRequest } from './errors.js';

export type QuerySchema = z.ZodObject<Record<string, z.ZodType>>;
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface ApiRoute<P extends QuerySchema = QuerySchema, Q extends QuerySchema = QuerySchema, B extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** OpenAPI form: `/api/vessels/{mmsi}`. */
  path: string;
  summary: string;
  params?: P;
  query?: Q;
  /** A JSON body, checked against this schema (an empty body reads as undefined). */
  body?: B;
  /** The body is a file (raw, or multipart field "file"), read by the handler. */
  upload?: boolean;
  /** Needs `Authorization: Bearer <token>`. */
  secured?: boolean;
  /** OpenAPI responses by status; 400 is added when the route validates anything. */
  responses: Record<number, unknown>;
}

/** What the handler gets: the validated (and transformed) path parameters, query and body. */
export interface RouteInput<P extends QuerySchema, Q extends QuerySchema, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}

/** Declares a route (an identity function that keeps the schemas' types). */
export const apiRoute = <P extends QuerySchema, Q extends QuerySchema, B extends z.ZodType>(r: ApiRoute<P, Q, B>): ApiRoute<P, Q, B> => r;

/** `{name}` path segments as hono's `:name`. */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** "name must …" reads as a sentence; anything else as "name: message". */
function problem(issue: z.core.$ZodIssue, given: (name: string) => unknown): string {
  const name = issue.path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
  const got = typeof given(name) === 'string' ? ` (got ${JSON.stringify((given(name) as string).slice(0, 40))})` : '';
  if (issue.message.startsWith(`${name} `)) return `${issue.message}${got}`;
  return `${name}${name && /^must /.test(issue.message) ? ' ' : name ? ': ' : ''}${issue.message}${got}`;
}

function checked<S extends z.ZodType>(schema: S, value: unknown, given: (name: string) => unknown = () => undefined): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw badRequest(r.error.issues.map((i) => problem(i, given)).join('; '));
}

/** The request's query checked against `schema`; unknown parameters are ignored (browsers add their own). */
export function validQuery<S extends QuerySchema>(schema: S, query: Record<string, string>): z.output<S> {
  return checked(schema, query, (name) => query[name]);
}

/** The body as JSON checked against `schema`; an empty body is undefined. */
async function validBody<S extends z.ZodType>(schema: S, c: Context): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw badRequest('body must be JSON');
    }
  }
  return checked(schema, value);
}

/**
 * Registers `route` on `app`: `middleware` first (token, body limit), then the request is validated against
 * the route's schemas, then `handler` runs with the validated input.
 */
export function mount<P extends QuerySchema, Q extends QuerySchema, B extends z.ZodType>(
  app: Hono,
  route: ApiRoute<P, Q, B>,
  handler: (c: Context, input: RouteInput<P, Q, B>) => Response | Promise<Response>,
  middleware: MiddlewareHandler[] = [],
): void {
  const run = async (c: Context): Promise<Response> => {
    const params = route.params ? checked(route.params, c.req.param(), (n) => c.req.param(n)) : {};
    const query = route.query ? validQuery(route.query, c.req.query()) : {};
    const body = route.body ? await validBody(route.body, c) : undefined;
    return handler(c, { params, query, body } as RouteInput<P, Q, B>);
  };
  const on = app.on.bind(app) as (method: string, path: string, ...handlers: MiddlewareHandler[]) => Hono;
  on(route.method.toUpperCase(), honoPath(route.path), ...middleware, run as MiddlewareHandler);
}

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };
const jsonSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** OpenAPI 3.1 parameters (JSON Schema 2020-12) of a query or path schema, as requests are validated. */
export function schemaParameters(schema: QuerySchema, where: 'query' | 'path' = 'query'): OpenApiParameter[] {
  const json = jsonSchema(schema);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name, in: where, required: where === 'path' || (json.required?.includes(name) ?? false),
      ...(description ? { description: String(description) } : {}), schema: rest,
    };
  });
}

/** The OpenAPI operation of a route. */
export function openApiOperation(r: ApiRoute): Record<string, unknown> {
  const parameters = [...(r.params ? schemaParameters(r.params, 'path') : []), ...(r.query ? schemaParameters(r.query) : [])];
  const validates = parameters.length > 0 || r.body !== undefined || r.upload === true;
  const error = ERROR_RESPONSE;
  const responses: Record<string, unknown> = { ...r.responses };
  if (validates) responses[400] ??= error;
  if (r.secured) {
    responses[401] ??= error;
    responses[403] ??= error;
  }
  let requestBody: Record<string, unknown> | undefined;
  if (r.body) {
    const { $schema: _, ...schema } = jsonSchema(r.body);
    requestBody = { content: { 'application/json': { schema } } };
  } else if (r.upload) {
    requestBody = {
      required: true,
      content: {
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
        'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } },
      },
    };
  }
  return {
    summary: r.summary,
    ...(r.secured ? { security: [{ bearer: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** OpenAPI `paths` of a list of routes. */
export function openApiPaths(routes: readonly ApiRoute[]): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method] = openApiOperation(r);
  return paths;
}

/** A whole number in a query string, bounded (negative, huge or non-numeric values are a 400). */
export const boundedInt = (min: number, max: number, fallback: number, description: string) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(`${description} (${min}–${max}, default ${fallback})`);

/**
 * A query or path value read by one of the parsers of validate.ts (which throw a 400 naming the parameter):
 * its message is kept; `base` describes the input for OpenAPI.
 */
export function parsedBy<T>(base: z.ZodType<string | undefined>, parse: (raw: string | undefined) => T) {
  return base.transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });
}

/** An OpenAPI JSON response. */
export const jsonResponse = (description: string, schema: Record<string, unknown> = { type: 'object' }) =>
  ({ description, content: { 'application/json': { schema } } });
/** The error response every route shares: `{"error": {"status", "message"}}`. */
export const ERROR_RESPONSE = { $ref: '#/components/responses/Error' };
