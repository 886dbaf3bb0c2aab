import { describe, expect, it } from "vitest";
import { checkAdmissionToken, signAdmissionToken } from "@/lib/queue/tokens";

const SECRET = "a-secret-that-is-at-least-32-characters-long";
const now = new Date("2027-06-01T10:00:00Z");
const admission = { eventId: "evt1", userId: "fan1", admissionId: "adm1", expiresAt: new Date(now.getTime() + 60_000) };
const expected = { eventId: "evt1", userId: "fan1", now };

describe("admission tokens", () => {
  it("admit the fan they were given to, for their event, until their turn ends", () => {
    const token = signAdmissionToken(SECRET, admission);
    expect(checkAdmissionToken(SECRET, token, expected)).toEqual({ ok: true, admissionId: "adm1" });
    expect(checkAdmissionToken(SECRET, token, { ...expected, now: admission.expiresAt })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuse another fan's or another event's token", () => {
    const token = signAdmissionToken(SECRET, admission);
    expect(checkAdmissionToken(SECRET, token, { ...expected, userId: "fan2" })).toMatchObject({ reason: "other-fan" });
    expect(checkAdmissionToken(SECRET, token, { ...expected, eventId: "evt2" })).toMatchObject({
      reason: "other-event",
    });
  });

  it("refuse forged and mangled tokens", () => {
    const token = signAdmissionToken(SECRET, admission);
    const [payload, mac] = token.split(".") as [string, string];
    // Someone else's payload under this mac, a token signed with another secret, a mac cut short.
    const otherPayload = signAdmissionToken(SECRET, { ...admission, userId: "fan2" }).split(".")[0];
    for (const forged of [
      `${otherPayload}.${mac}`,
      signAdmissionToken("another-secret-that-is-32-characters-long", admission),
      `${payload}.${mac.slice(0, -2)}`,
    ]) {
      expect(checkAdmissionToken(SECRET, forged, expected)).toEqual({ ok: false, reason: "forged" });
    }
    for (const mangled of ["", "abc", `${token}.extra`, "."]) {
      expect(checkAdmissionToken(SECRET, mangled, expected)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
