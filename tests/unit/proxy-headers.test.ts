import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config";
import { config as proxyConfig, proxy } from "@/proxy";

/** Directive name → its sources, from a CSP header value. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function page(path = "/search?q=jazz", headers: Record<string, string> = {}) {
  return new NextRequest(`http://localhost:3000${path}`, { headers });
}

/** The proxy as loaded with a different environment (lib/config reads it once per module instance). */
async function proxyWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return (await import("@/proxy")).proxy;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("proxy.ts: per-page security headers", () => {
  it("sets a nonce-based CSP that forbids framing and inline or injected script", () => {
    const response = proxy(page());
    const csp = response.headers.get("content-security-policy")!;
    const policy = directives(csp);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(csp).not.toContain("unsafe-eval");
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  });

  it("gives cached event pages one policy for everyone: inline script from this origin, no nonce, nothing else loosened", () => {
    const cached = directives(proxy(page("/events/some-show")).headers.get("content-security-policy")!);
    const rendered = directives(proxy(page()).headers.get("content-security-policy")!);
    expect(cached.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(cached.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    for (const name of [
      "default-src",
      "img-src",
      "connect-src",
      "object-src",
      "base-uri",
      "form-action",
      "frame-ancestors",
    ]) {
      expect(cached.get(name), name).toEqual(rendered.get(name));
    }
    // Nothing reaches the renderer: the page is the same HTML for every visitor.
    expect(proxy(page("/events/some-show")).headers.get("x-middleware-request-x-nonce")).toBeNull();
    // Only the event page itself: what lives under it is rendered per request.
    expect(proxy(page("/events/some-show/extra")).headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("hands the nonce to Next.js's renderer through the request, overwriting whatever the client sent", () => {
    const response = proxy(page("/", { "x-nonce": "attacker-chosen", "content-security-policy": "script-src *" }));
    const csp = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    // NextResponse.next({ request: { headers } }) forwards request headers as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(response.headers.get("x-middleware-override-headers")).toContain("x-nonce");
  });

  it("uses a fresh nonce for every response", () => {
    const nonces = new Set(
      Array.from(
        { length: 20 },
        () => /'nonce-([^']+)'/.exec(proxy(page()).headers.get("content-security-policy")!)![1],
      ),
    );
    expect(nonces.size).toBe(20);
  });

  it("sends HSTS and upgrade-insecure-requests only when APP_URL is https", async () => {
    const plain = proxy(page());
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");

    const secureProxy = await proxyWith({ APP_URL: "https://tickets.example.com" });
    const secure = secureProxy(new NextRequest("https://tickets.example.com/"));
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(directives(secure.headers.get("content-security-policy")!).has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval (React's dev tooling) in development only", async () => {
    const devProxy = await proxyWith({ NODE_ENV: "development" });
    const policy = directives(devProxy(page()).headers.get("content-security-policy")!);
    expect(policy.get("script-src")).toContain("'unsafe-eval'");

    const prodProxy = await proxyWith({ NODE_ENV: "production", PAYMENT_PROVIDER: "simulator" });
    expect(prodProxy(page()).headers.get("content-security-policy")).not.toContain("unsafe-eval");
  });

  it("runs on pages, not on the API, webhooks, the simulator's JSON endpoints, assets or prefetches", () => {
    const matches = (url: string, headers: Record<string, string> = {}) =>
      unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers });
    for (const url of [
      "/",
      "/events/some-show",
      "/search?q=x",
      "/checkout/h1",
      "/checkout/simulator/cs_1",
      "/signin",
    ]) {
      expect(matches(url), url).toBe(true);
    }
    for (const url of [
      "/api/v1/events",
      "/api/webhooks/stripe",
      "/api/health",
      "/checkout/simulator/cs_1/pay",
      "/checkout/simulator/cs_1/cancel",
      "/_next/static/chunks/main.js",
      "/favicon.ico",
    ]) {
      expect(matches(url), url).toBe(false);
    }
    expect(matches("/events/some-show", { "next-router-prefetch": "1" })).toBe(false);
  });

  it("leaves the static headers to next.config.ts, on every response, without a second CSP", async () => {
    const response = await unstable_getResponseFromNextConfig({
      url: "http://localhost:3000/api/v1/events",
      nextConfig,
    });
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("lets only the door's check-in page ask for the camera", async () => {
    const policy = async (path: string) =>
      (await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${path}`, nextConfig })).headers.get(
        "permissions-policy",
      );
    expect(await policy("/events/some-show")).toContain("camera=()");
    expect(await policy("/organizer/northstar-live/events/e1")).toContain("camera=()");
    expect(await policy("/organizer/northstar-live/events/e1/check-in")).toContain("camera=(self)");
  });
});
