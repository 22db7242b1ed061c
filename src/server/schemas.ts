// The query parameters of the routes, as zod objects: the routes validate requests with them and
// openapi.ts describes them from them (src/server/schema.ts).
import { z } from 'zod';
import { boundedInt } from './schema.js';

/** An MMSI has 9 digits and an IMO 7: a longer number can name no vessel. */
const MAX_DIGITS_IN_SEARCH = 9;

export const VESSEL_SEARCH_QUERY = z.object({
  q: z.string().max(200).trim()
    .refine((s) => !new RegExp(`^\\d{${MAX_DIGITS_IN_SEARCH + 1},}$`).test(s), `a number of more than ${MAX_DIGITS_IN_SEARCH} digits is neither an MMSI nor an IMO`)
    .default('')
    .describe('search text: name or call sign (substring), IMO or MMSI (exact)'),
  limit: boundedInt(1, 1000, 50, 'most vessels returned'),
});
