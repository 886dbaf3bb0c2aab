import { z } from "zod";

/** An id or slug from a URL: never empty, never long enough to be a problem. */
export const pathId = z.string().min(1).max(200);

/** The schema of path parameters that are ids or slugs, e.g. `idParams("holdId")`. */
export function idParams<const K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, pathId])) as Record<K, typeof pathId>);
}
