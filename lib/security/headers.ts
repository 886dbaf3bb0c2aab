import { randomBytes } from "node:crypto";

// Response headers that depend on the request (a fresh nonce) or on the deployment (https or not), set by
// proxy.ts for every page. The static ones (nosniff, X-Frame-Options, Referrer-Policy, Permissions-Policy)
// stay in next.config.ts, which applies them to every response, API included.

/** 128 random bits per response: a script tag is trusted only if it carries this page's nonce. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Pages served from Next.js's full-route cache (prerendered once, revalidated by tag): their HTML is
 * the same for every visitor, so it cannot carry a per-response nonce. Each of these pages exports
 * `dynamic = "force-static"` and shows nothing that depends on who asks; tests/e2e/security-headers.spec.ts
 * checks every one of them loads and hydrates with zero CSP violations.
 */
const CACHED_PAGES = [/^\/events\/[^/]+$/];

export function isCachedPage(pathname: string): boolean {
  return CACHED_PAGES.some((pattern) => pattern.test(pathname));
}

export type PageHeaderOptions = {
  /** This response's nonce; null for a cached page (see `isCachedPage`). */
  nonce: string | null;
  /** APP_URL: HSTS and upgrade-insecure-requests only make sense when the public origin is https. */
  appUrl: string;
  /** `next dev`: React's dev tooling needs eval, and its styles arrive without a nonce. */
  dev: boolean;
};

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's
 * nonce ('strict-dynamic' lets those load the chunks they import), so injected
 * markup cannot run script even if it slips past React's escaping. Next.js
 * reads the nonce from this header on the request and puts it on its own tags.
 *
 * A cached page gets no nonce: its inline scripts (Next.js's RSC payload) are allowed as inline
 * script, from this origin only. What it loses is the second line of defence against injected
 * markup; the first (React's escaping, Markdown without raw HTML) is the same on every page, and
 * those pages hold no form, no session data and nothing a visitor typed.
 */
export function contentSecurityPolicy({ nonce, appUrl, dev }: PageHeaderOptions): string {
  const https = new URL(appUrl).protocol === "https:";
  const inline = nonce === null ? "'unsafe-inline'" : `'nonce-${nonce}'`;
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${inline}${nonce === null ? "" : " 'strict-dynamic'"}${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : inline}`,
    // React `style={…}` props (the seat map's aspect ratio) become style attributes, which a nonce cannot
    // cover; attributes cannot run script, so allowing them inline costs little.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Without JavaScript, the checkout form posts and is redirected to Stripe's hosted page.
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers proxy.ts sets on every page response. */
export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  const https = new URL(options.appUrl).protocol === "https:";
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // Two years, as browsers' preload lists expect; never on plain http, where it would be ignored or,
    // behind a TLS-terminating proxy with a wrong APP_URL, lock users out of an http-only host.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
