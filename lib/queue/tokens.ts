import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Admission tokens: `<payload>.<mac>`, the payload base64url JSON naming the
 * event, the fan, the admission and its end, the mac an HMAC-SHA256 of it with
 * a key derived from AUTH_SECRET for this one purpose (a password-reset link's
 * mac can never pass as a token, nor the reverse). The token proves who it was
 * given to and until when; that it is spent once is the queue store's part
 * (the admission id is consumed by the hold that uses it).
 */
const payloadSchema = z.object({
  e: z.string().min(1),
  u: z.string().min(1),
  a: z.string().min(1),
  x: z.number().int(),
});

export type Admission = { eventId: string; userId: string; admissionId: string; expiresAt: Date };

const keyFor = (secret: string) => createHmac("sha256", secret).update("marquee/queue-admission-token/v1").digest();
const macOf = (secret: string, payload: string) =>
  createHmac("sha256", keyFor(secret)).update(payload).digest("base64url");

export function signAdmissionToken(secret: string, admission: Admission): string {
  const payload = Buffer.from(
    JSON.stringify({
      e: admission.eventId,
      u: admission.userId,
      a: admission.admissionId,
      x: admission.expiresAt.getTime(),
    }),
  ).toString("base64url");
  return `${payload}.${macOf(secret, payload)}`;
}

export type TokenCheck =
  | { ok: true; admissionId: string }
  | { ok: false; reason: "malformed" | "forged" | "expired" | "other-event" | "other-fan" };

/** Whether `token` admits this fan to this event now. Never throws on bad input. */
export function checkAdmissionToken(
  secret: string,
  token: string,
  expected: { eventId: string; userId: string; now: Date },
): TokenCheck {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined) return { ok: false, reason: "malformed" };
  const given = Buffer.from(mac, "base64url");
  const wanted = Buffer.from(macOf(secret, payload), "base64url");
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: "forged" };
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (parsed.e !== expected.eventId) return { ok: false, reason: "other-event" };
  if (parsed.u !== expected.userId) return { ok: false, reason: "other-fan" };
  if (parsed.x <= expected.now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, admissionId: parsed.a };
}
