import { readFileSync } from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { freePort } from "./services";

// Stripe's published example objects (see the README beside them).
const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures/stripe");

export type StripeFixtureName = "checkout.session" | "refund" | "event" | "payment_intent" | "charge";

/** A fresh copy of one of Stripe's example objects, to spread and override. */
export function stripeFixture(name: StripeFixtureName): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.json`), "utf8"));
}

export type RecordedRequest = {
  method: string;
  /** Without the query string, e.g. /v1/checkout/sessions. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names, as Node gives them. */
  headers: IncomingHttpHeaders;
  /** The raw form-encoded body. */
  rawBody: string;
  /** The body decoded with bracket keys kept flat: `line_items[0][price_data][unit_amount]` → "1500". */
  form: Record<string, string>;
};

export type FakeResponse = { status?: number; body: unknown; headers?: Record<string, string> };
export type FakeHandler = (request: RecordedRequest, match: RegExpMatchArray) => FakeResponse;

export type FakeStripe = {
  apiBase: { host: string; port: number; protocol: "http" };
  requests: RecordedRequest[];
  /** Answers `method` requests whose path matches; the latest registration wins. */
  respond(method: string, pathPattern: string | RegExp, handler: FakeHandler): void;
  close(): Promise<void>;
};

/** Stripe's error body, as its API sends it. */
export function stripeError(
  status: number,
  error: { type: string; message: string; code?: string; param?: string },
): FakeResponse {
  return { status, body: { error } };
}

function decodeForm(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

/** A stand-in for api.stripe.com on loopback: records every request and answers from configured routes. */
export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const routes: { method: string; pattern: RegExp; handler: FakeHandler }[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake-stripe");
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: decodeForm(url.search),
        headers: req.headers,
        rawBody,
        form: decodeForm(rawBody),
      };
      requests.push(recorded);

      let response: FakeResponse = stripeError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${recorded.method}: ${recorded.path}).`,
      });
      for (const route of routes.toReversed()) {
        const match = route.method === recorded.method ? recorded.path.match(route.pattern) : null;
        if (match) {
          response = route.handler(recorded, match);
          break;
        }
      }
      res.writeHead(response.status ?? 200, {
        "content-type": "application/json",
        "request-id": `req_fake_${requests.length}`,
        ...response.headers,
      });
      res.end(JSON.stringify(response.body));
    });
  });

  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });

  return {
    apiBase: { host: "127.0.0.1", port, protocol: "http" },
    requests,
    respond(method, pathPattern, handler) {
      const pattern =
        typeof pathPattern === "string"
          ? new RegExp(`^${pathPattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)
          : pathPattern;
      routes.push({ method: method.toUpperCase(), pattern, handler });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDK keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
