import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { startRecordingServer } from "./recording-server";

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
  const server = await startRecordingServer<RecordedRequest, FakeResponse>({
    record: ({ method, url, headers, rawBody }) => ({
      method,
      path: url.pathname,
      query: decodeForm(url.search),
      headers,
      rawBody,
      form: decodeForm(rawBody),
    }),
    fallback: (request) =>
      stripeError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${request.method}: ${request.path}).`,
      }),
    send: (res, response, number) => {
      res.writeHead(response.status ?? 200, {
        "content-type": "application/json",
        "request-id": `req_fake_${number}`,
        ...response.headers,
      });
      res.end(JSON.stringify(response.body));
    },
  });

  return {
    apiBase: { host: "127.0.0.1", port: server.port, protocol: "http" },
    requests: server.requests,
    respond: server.route,
    close: server.close,
  };
}
