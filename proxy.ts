import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { isCachedPage, newNonce, pageSecurityHeaders } from "@/lib/security/headers";

/**
 * Runs before every page: a fresh CSP nonce per response (except cached pages), and HSTS on https.
 * Next.js finds the nonce in the request's Content-Security-Policy header and
 * adds it to the scripts it renders; `x-nonce` lets a server component read it
 * for a <Script> of its own. The values sent by the client are overwritten.
 */
export function proxy(request: NextRequest): NextResponse {
  const { APP_URL, NODE_ENV } = appConfig();
  const dev = NODE_ENV === "development";
  if (isCachedPage(request.nextUrl.pathname)) {
    // One HTML for every visitor (lib/security/headers.ts, `isCachedPage`): no nonce to hand over.
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(pageSecurityHeaders({ nonce: null, appUrl: APP_URL, dev }))) {
      response.headers.set(name, value);
    }
    return response;
  }
  const nonce = newNonce();
  const headers = pageSecurityHeaders({ nonce, appUrl: APP_URL, dev });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Not: the JSON API and webhooks (no HTML; and running the proxy would make Next.js copy each request
      // body up to proxyClientMaxBodySize before our own limits see it), the simulator's JSON endpoints,
      // build assets, and prefetches (data for a page that already has its CSP).
      source:
        "/((?!api/|_next/static/|_next/image|favicon\\.ico|checkout/simulator/[^/]+/pay$|checkout/simulator/[^/]+/cancel$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
