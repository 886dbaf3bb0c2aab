import { AppError } from "@/lib/errors";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function forbidden(message: string): AppError {
  return new AppError("FORBIDDEN", message, { reason: "origin" });
}

/**
 * Cross-site request forgery guard for writes authenticated by the session
 * cookie: the browser attaches that cookie to requests any site makes, but it
 * also says who made them. Browsers send `Origin` on every cross-site request
 * and on every same-origin fetch that is not GET or HEAD, so a write without
 * one, or with another site's (or "null", from sandboxed frames), is refused.
 *
 * Allowed: APP_URL's origin, or the host the request was sent to (`Host`, or
 * the first `X-Forwarded-Host` behind a proxy). Those headers come from the
 * client, but a page on another site cannot set them on a request it makes
 * without a CORS preflight, which we never grant; and a client that can set
 * them freely is not a browser carrying a victim's cookie.
 *
 * Bearer-token callers are not checked: a token is never sent implicitly, so
 * no other site can make a browser send it.
 */
export function assertSameOriginWrite(request: Request, appUrl: string): void {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    throw forbidden("This request must come from Marquee's own pages (the Origin header is missing).");
  }
  let host: string;
  try {
    const url = new URL(origin);
    if (url.origin === new URL(appUrl).origin) return;
    host = url.host;
  } catch {
    throw forbidden("This request must come from Marquee's own pages (the Origin header is not valid).");
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim().toLowerCase();
  const own = request.headers.get("host")?.trim().toLowerCase();
  if (host === forwarded || host === own) return;
  throw forbidden("This request must come from Marquee's own pages, not from another site.");
}
