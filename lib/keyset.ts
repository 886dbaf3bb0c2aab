// Keyset ("seek") pagination on a (timestamp, id) pair, both ways: a page's query starts after a row
// instead of skipping an offset, so page 1,000 costs what page 1 does, and rows added meanwhile do not
// shift the pages. Cursors are opaque to the browser ("<ISO time>|<id>" in base64url).

type KeyRow = { id: string };
type Key = { at: Date; id: string };

export type PageRequest = {
  /** A cursor from `older`: the rows that come after it in the list's order. */
  after?: string | null;
  /** A cursor from `newer`: the rows just before it. */
  before?: string | null;
  limit: number;
};

export type KeysetPage<T> = {
  items: T[];
  /** The next page in the list's order; null on the last one. */
  older: string | null;
  /** The previous page; null on the first one. */
  newer: string | null;
};

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): Key | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const at = new Date(iso ?? "");
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/**
 * The `where`, `orderBy` and `take` of one page of a list ordered by `field` then `id` (`order`:
 * "desc" for newest first), and `finish` to turn the fetched rows into the page. Spread `where`
 * beside the list's own filters.
 */
export function keysetQuery<F extends string>(field: F, order: "asc" | "desc", page: PageRequest) {
  const after = page.after ? decodeCursor(page.after) : null;
  const before = !after && page.before ? decodeCursor(page.before) : null;
  // Going back, read the rows before the cursor in reverse order, then turn them round.
  const backwards = before !== null;
  const direction = backwards ? (order === "desc" ? "asc" : "desc") : order;
  const cursor = after ?? before;
  const past = direction === "desc" ? "lt" : "gt";
  const where = cursor
    ? { OR: [{ [field]: { [past]: cursor.at } }, { [field]: cursor.at, id: { [past]: cursor.id } }] }
    : {};
  return {
    where,
    orderBy: [{ [field]: direction }, { id: direction }] as Array<Record<F | "id", "asc" | "desc">>,
    take: page.limit + 1,
    finish<T extends KeyRow & Record<F, Date>>(rows: T[]): KeysetPage<T> {
      const more = rows.length > page.limit;
      const kept = rows.slice(0, page.limit);
      const items = backwards ? kept.reverse() : kept;
      const first = items[0];
      const last = items.at(-1);
      const cursorOf = (row: T | undefined) => (row ? encodeCursor(row[field], row.id) : null);
      return {
        items,
        older: backwards || more ? cursorOf(last) : null,
        newer: cursor !== null && (!backwards || more) ? cursorOf(first) : null,
      };
    },
  };
}

/** A page's search parameters as Next.js hands them over: repeated ones come as arrays. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One search parameter as a string (the first, when repeated), or undefined; long values are cut. */
export function searchParam(search: SearchParams, name: string): string | undefined {
  const value = search[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.slice(0, 500);
}

/** The page a list's `?after=` / `?before=` ask for (a cursor that does not decode is the first page). */
export function pageFromSearch(search: SearchParams, limit: number): PageRequest {
  return { after: searchParam(search, "after") ?? null, before: searchParam(search, "before") ?? null, limit };
}
