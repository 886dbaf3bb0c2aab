import { AppError } from "@/lib/errors";

/** The JSON API's body limit: far above any valid request, far below anything that costs memory. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
/** Stripe's events are well under this; the raw text must be kept whole for the signature check. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

function tooLarge(limitBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${limitBytes} bytes.`, { limitBytes });
}

/**
 * Reads a request body as UTF-8 text, holding at most `limitBytes` of it.
 *
 * `request.text()` buffers the whole body before anyone can look at its size,
 * so a client could make us hold any amount of memory. Here a declared
 * Content-Length above the limit is refused before a byte is read, and a body
 * without one (chunked, or lying) is counted while it streams: the read stops
 * and the stream is cancelled as soon as the count passes the limit, so the
 * sender's remaining bytes are never pulled. Both answer 413 PAYLOAD_TOO_LARGE.
 */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limitBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limitBytes);
  }
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limitBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  // Decoded once at the end, so a character split across two chunks stays whole, and
  // exactly as request.text() decodes (the webhook's signature is checked over this text).
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}
