import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/users/route";
import { db } from "@/lib/db";
import { call } from "../support/http";
import { uniqueEmail } from "../support/factories";

const signUp = (body: unknown, headers?: Record<string, string>) =>
  call(POST, { method: "POST", path: "/api/v1/users", body, ...(headers ? { headers } : {}) });

describe("POST /api/v1/users", () => {
  it("creates a fan, never returns the password hash, and queues a welcome e-mail", async () => {
    const email = uniqueEmail("signup");
    const { status, json } = await signUp({ email: email.toUpperCase(), password: "a-long-password", name: "Sam" });
    expect(status).toBe(201);
    expect(json.user).toMatchObject({ email, name: "Sam", role: "FAN" });
    expect(JSON.stringify(json)).not.toMatch(/password/i);

    const stored = await db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const outbox = await db.outboxMessage.findMany({
      where: { topic: "email.welcome", payload: { path: ["email"], equals: email } },
    });
    expect(outbox).toHaveLength(1);
  });

  it("answers 409 for an e-mail already registered, whatever its case", async () => {
    const email = uniqueEmail("dup");
    expect((await signUp({ email, password: "a-long-password", name: "One" })).status).toBe(201);
    const { status, json } = await signUp({ email: email.toUpperCase(), password: "another-password", name: "Two" });
    expect(status).toBe(409);
    expect(json.error.code).toBe("EMAIL_TAKEN");
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it.each([
    ["malformed JSON", '{"email": "x@example.test",', 400, "BAD_REQUEST"],
    ["wrong types", { email: 42, password: ["x"], name: null }, 400, "VALIDATION_FAILED"],
    [
      "unknown fields",
      { email: "e@example.test", password: "a-long-password", name: "N", role: "ADMIN" },
      400,
      "VALIDATION_FAILED",
    ],
    ["a short password", { email: "e@example.test", password: "short", name: "N" }, 400, "VALIDATION_FAILED"],
    ["a bad e-mail", { email: "not-an-email", password: "a-long-password", name: "N" }, 400, "VALIDATION_FAILED"],
  ])("rejects %s with the JSON error shape and writes nothing", async (_label, body, status, code) => {
    const before = await db.user.count();
    const response = await signUp(body);
    expect(response.status).toBe(status);
    expect(response.json).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await db.user.count({ where: { email: "e@example.test" } })).toBe(0);
    expect(await db.user.count()).toBeGreaterThanOrEqual(before);
  });

  it("lists each invalid field in the details", async () => {
    const { json } = await signUp({ email: 42, password: ["x"], name: null, extra: true });
    const paths = json.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "name"]));
  });

  it("answers 415 when the body is not sent as JSON", async () => {
    const { status, json } = await signUp("email=a@b.c", { "content-type": "application/x-www-form-urlencoded" });
    expect(status).toBe(415);
    expect(json.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});
