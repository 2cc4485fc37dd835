/**
 * zod classic under the few zod/mini names the server uses that classic spells otherwise, so the
 * bench can build today's server the way it was built before (zod classic, unminified) and
 * compare. Only the bench's in-memory build points 'zod/mini' here (esbuild `alias`).
 */
import * as z from 'zod';

export * from 'zod';
export { gte as minimum, lte as maximum } from 'zod';

export function extend<S extends z.ZodObject, U extends z.core.$ZodLooseShape>(schema: S, shape: U) {
  return schema.extend(shape);
}
