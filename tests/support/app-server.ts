import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as createHold } from "@/app/api/v1/events/[eventId]/holds/route";
import { GET as seats } from "@/app/api/v1/events/[eventId]/seats/route";
import { POST as checkout } from "@/app/api/v1/holds/[holdId]/checkout/route";
import { POST as checkIn } from "@/app/api/v1/tickets/[code]/check-in/route";
import { POST as signUp } from "@/app/api/v1/users/route";
import { POST as issueToken } from "@/app/api/v1/auth/tokens/route";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { POST as pay } from "@/app/checkout/simulator/[sessionId]/pay/route";

type Handler = (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;

// The buying, account and door paths of the app, routed as Next.js routes it, so tests can race real HTTP clients against it.
const routes: [string, RegExp, Handler][] = [
  ["POST", /^\/api\/v1\/events\/(?<eventId>[^/]+)\/holds$/, createHold],
  ["GET", /^\/api\/v1\/events\/(?<eventId>[^/]+)\/seats$/, seats],
  ["POST", /^\/api\/v1\/holds\/(?<holdId>[^/]+)\/checkout$/, checkout],
  ["POST", /^\/api\/webhooks\/stripe$/, webhook],
  ["POST", /^\/checkout\/simulator\/(?<sessionId>[^/]+)\/pay$/, pay],
  ["POST", /^\/api\/v1\/users$/, signUp],
  ["POST", /^\/api\/v1\/auth\/tokens$/, issueToken],
  ["POST", /^\/api\/v1\/tickets\/(?<code>[^/]+)\/check-in$/, checkIn],
];

export async function startAppServer(
  options: { onRequest?: () => void } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    options.onRequest?.();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = routes
      .map(([method, pattern, handler]) => ({ method, handler, found: pattern.exec(url.pathname) }))
      .find((r) => r.method === req.method && r.found);
    if (!match?.found) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    // As `next start` does: the socket's address, only when the request brought no X-Forwarded-For.
    if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) {
      headers.set("x-forwarded-for", req.socket.remoteAddress);
    }
    const request = new Request(url, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const response = await match.handler(request, { params: Promise.resolve({ ...match.found.groups }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
