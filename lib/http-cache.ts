import "server-only";

/**
 * Does `If-None-Match` name `etag`? RFC 9110 §13.1.2: a list of entity tags or `*`, compared
 * weakly (W/"x" matches "x"), so a CDN that weakened our tag still gets its 304.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * A JSON body already serialized, with its strong ETag; `304 Not Modified` (no body, same
 * validators and caching headers) when the request's `If-None-Match` names it.
 */
export function conditionalJson(
  request: Request,
  representation: { body: string; etag: string },
  headers: Record<string, string>,
): Response {
  const common = { etag: representation.etag, ...headers };
  if (ifNoneMatchHits(request.headers.get("if-none-match"), representation.etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(representation.body, {
    status: 200,
    headers: { "content-type": "application/json", ...common },
  });
}
