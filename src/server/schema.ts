// Request validation and the OpenAPI description from one source: a route declares its query parameters
// as a zod object; `validQuery` checks a request against it (400 naming each bad parameter) and
// `queryParameters` turns the same object into the OpenAPI `parameters` list, so the document cannot
// drift from what the server accepts.
import { z } from 'zod';
import { badRequest } from './errors.js';

export type QuerySchema = z.ZodObject<Record<string, z.ZodType>>;

/** The request's query checked against `schema`; unknown parameters are ignored (browsers add their own). */
export function validQuery<S extends QuerySchema>(schema: S, query: Record<string, string>): z.output<S> {
  const r = schema.safeParse(query);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => {
    const name = i.path.join('.');
    const got = query[name];
    return `${name}: ${i.message}${got === undefined ? '' : ` (got ${JSON.stringify(got.slice(0, 40))})`}`;
  });
  throw badRequest(problems.join('; '));
}

export interface OpenApiParameter {
  name: string;
  in: 'query';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

/** OpenAPI 3.1 query parameters (JSON Schema 2020-12) of `schema`, as requests are validated. */
export function queryParameters(schema: QuerySchema): OpenApiParameter[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return { name, in: 'query', required: json.required?.includes(name) ?? false, ...(description ? { description: String(description) } : {}), schema: rest };
  });
}

/** A whole number in a query string, bounded (negative, huge or non-numeric values are a 400). */
export const boundedInt = (min: number, max: number, fallback: number, description: string) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(`${description} (${min}–${max}, default ${fallback})`);
