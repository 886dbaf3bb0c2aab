import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as signUp } from "@/app/api/v1/users/route";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { SIMULATOR_WEBHOOK_SECRET, signWebhookPayload } from "@/lib/payments/signing";
import { JSON_BODY_LIMIT_BYTES, WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/request-body";

const MB = 1024 * 1024;
const CHUNK_BYTES = 16 * 1024;

/**
 * A body of `totalBytes` generated one chunk per pull, so the test never holds
 * it whole. highWaterMark 0: a chunk is only made when the reader asks for one,
 * so `pulledBytes` is exactly what the server read (plus the chunk in flight).
 */
function lazyBody(totalBytes: number) {
  const state = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulledBytes >= totalBytes) return controller.close();
        const size = Math.min(CHUNK_BYTES, totalBytes - state.pulledBytes);
        state.pulledBytes += size;
        // Spaces: valid leading JSON whitespace, so only the size can be the reason to refuse.
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function post(path: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

type Handler = (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };

/** Sends a lazily generated body of `totalBytes` and reports the answer, what was pulled, and memory growth. */
async function sendHuge(handler: Handler, path: string, totalBytes: number, headers: Record<string, string> = {}) {
  const { stream, state } = lazyBody(totalBytes);
  const before = process.memoryUsage();
  const response = await handler(post(path, stream, headers), noParams);
  const body = await response.json();
  const after = process.memoryUsage();
  return {
    status: response.status,
    body,
    ...state,
    rssGrowthMb: (after.rss - before.rss) / MB,
    arrayBuffersGrowthMb: (after.arrayBuffers - before.arrayBuffers) / MB,
  };
}

describe("request body limits", () => {
  it("refuses a 50 MB JSON body with 413 after reading little more than 64 kB of it", async () => {
    // Warm up the route (module loading, JIT) so the figures below are the request's alone.
    await signUp(post("/api/v1/users", "{}"), noParams);

    const result = await sendHuge(signUp, "/api/v1/users", 50 * MB);
    console.info(
      `50 MB JSON POST: pulled ${result.pulledBytes} bytes, rss +${result.rssGrowthMb.toFixed(1)} MB, ` +
        `arrayBuffers +${result.arrayBuffersGrowthMb.toFixed(1)} MB`,
    );
    expect(result.pulledBytes).toBeLessThanOrEqual(JSON_BODY_LIMIT_BYTES + CHUNK_BYTES);
    expect(result.cancelled).toBe(true);
    expect(result.arrayBuffersGrowthMb).toBeLessThan(4);
    expect(result.rssGrowthMb).toBeLessThan(8);
    expect(result.status).toBe(413);
    expect(result.body).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String), details: { limitBytes: JSON_BODY_LIMIT_BYTES } },
    });
  });

  it("refuses a declared Content-Length above the limit without reading anything", async () => {
    const result = await sendHuge(signUp, "/api/v1/users", 50 * MB, { "content-length": String(50 * MB) });
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(result.pulledBytes).toBe(0);
  });

  it("still reads a body just under the limit, in many chunks", async () => {
    const payload = JSON.stringify({ email: "x@example.test", password: "p".repeat(JSON_BODY_LIMIT_BYTES - 100) });
    expect(Buffer.byteLength(payload)).toBeLessThan(JSON_BODY_LIMIT_BYTES);
    const response = await signUp(post("/api/v1/users", payload), noParams);
    // Parsed and validated (the password is too long, and the name is missing): not refused for size.
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
  });

  it("refuses a 50 MB webhook with 413 after reading little more than 1 MB, declared or not", async () => {
    await webhook(post("/api/webhooks/stripe", "{}"), noParams);
    const streamed = await sendHuge(webhook, "/api/webhooks/stripe", 50 * MB, { "stripe-signature": "t=1,v1=x" });
    console.info(
      `50 MB webhook POST: pulled ${streamed.pulledBytes} bytes, rss +${streamed.rssGrowthMb.toFixed(1)} MB, ` +
        `arrayBuffers +${streamed.arrayBuffersGrowthMb.toFixed(1)} MB`,
    );
    expect(streamed.pulledBytes).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT_BYTES + CHUNK_BYTES);
    expect(streamed.cancelled).toBe(true);
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(streamed.arrayBuffersGrowthMb).toBeLessThan(6);
    expect(streamed.rssGrowthMb).toBeLessThan(12);

    const declared = await sendHuge(webhook, "/api/webhooks/stripe", 50 * MB, {
      "content-length": String(50 * MB),
      "stripe-signature": "t=1,v1=x",
    });
    expect(declared.status).toBe(413);
    expect(declared.pulledBytes).toBe(0);
  });

  it("gives the webhook the exact text Stripe signed, even with a character split across chunks", async () => {
    const payload = JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: "event",
      type: "customer.created",
      data: { object: { name: "Zoë Café" } },
    });
    const bytes = Buffer.from(payload, "utf8");
    const split = bytes.indexOf(Buffer.from("ë")) + 1; // inside the two-byte "ë"
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes.subarray(0, split)));
        controller.enqueue(new Uint8Array(bytes.subarray(split)));
        controller.close();
      },
    });
    const signature = signWebhookPayload(payload, SIMULATOR_WEBHOOK_SECRET);
    const response = await webhook(post("/api/webhooks/stripe", body, { "stripe-signature": signature }), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, status: "ignored" });
  });
});
