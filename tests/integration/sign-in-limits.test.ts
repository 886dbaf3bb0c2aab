import { randomInt } from "node:crypto";
import { hash as bcryptHash } from "@node-rs/bcrypt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as issueToken } from "@/app/api/v1/auth/tokens/route";
import { POST as signUp } from "@/app/api/v1/users/route";
import { ATTEMPT_LIMITS } from "@/lib/auth/attempt-limits";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { callbackSignIn } from "../support/auth-callback";
import { call } from "../support/http";
import { uniqueEmail } from "../support/factories";

const PASSWORD = "a-long-password";
const PER_ACCOUNT = ATTEMPT_LIMITS.signInPerAccount.limit;

// Addresses of our own per test, so files and tests running side by side never share a window.
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

// The limiter reads the application's clock; faking only Date moves it without touching timers or I/O.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});
const waitOut = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

async function newUser(password = PASSWORD) {
  const email = uniqueEmail("limits");
  expect((await call(signUp, { method: "POST", body: { email, password, name: "Lim" } })).status).toBe(201);
  return email;
}

const tokenRequest = (email: string, password: string, ip: string) =>
  call(issueToken, { method: "POST", body: { email, password }, headers: { "x-forwarded-for": ip } });

describe("sign-in limits over HTTP", () => {
  it("refuses the 10th wrong password in a minute for one account with 429, whatever the addresses; after the window the right one works", async () => {
    const email = await newUser();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await tokenRequest(email, `wrong-password-${i}`, randomIp()));

    expect(answers.map((a) => a.status)).toEqual([
      ...Array(PER_ACCOUNT).fill(401),
      ...Array(10 - PER_ACCOUNT).fill(429),
    ]);
    const tenth = answers[9]!;
    expect(tenth.json.error).toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(tenth.headers.get("retry-after")).toBe(String(tenth.json.error.details.retryAfterSeconds));
    expect(tenth.json.error.message).toBe(
      `Too many attempts. Try again in ${tenth.json.error.details.retryAfterSeconds} seconds.`,
    );

    // Inside the window even the right password is refused: answering it would make every 429 a free guess.
    expect((await tokenRequest(email, PASSWORD, randomIp())).status).toBe(429);

    waitOut(ATTEMPT_LIMITS.signInPerAccount.windowSeconds);
    const later = await tokenRequest(email, PASSWORD, randomIp());
    expect(later.status).toBe(201);
    expect(later.json.token).toMatch(/^mq_/);
  });

  it("counts only wrong passwords: signing in often never locks anyone out", async () => {
    const email = await newUser();
    const ip = randomIp();
    for (let i = 0; i < PER_ACCOUNT * 2; i++) expect((await tokenRequest(email, PASSWORD, ip)).status).toBe(201);
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await tokenRequest(email, "wrong-password", ip)).status).toBe(401);
    expect((await tokenRequest(email, "wrong-password", ip)).status).toBe(429);
  });

  it("limits one address guessing across many accounts, and only that address", async () => {
    const ip = randomIp();
    const { limit } = ATTEMPT_LIMITS.signInPerAddress;
    for (let i = 0; i < limit; i++) {
      expect((await tokenRequest(uniqueEmail("spray"), "Password123!", ip)).status).toBe(401);
    }
    const refused = await tokenRequest(uniqueEmail("spray"), "Password123!", ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await tokenRequest(uniqueEmail("spray"), "Password123!", randomIp())).status).toBe(401);
  });

  it("shares the account's window with Auth.js's credentials callback (the sign-in form's path)", async () => {
    const email = await newUser();
    // Wrong guesses through the callback count...
    for (let i = 0; i < 2; i++) {
      const { location, session } = await callbackSignIn(email, "wrong-password", randomIp());
      expect(session).toBe(false);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        error: "CredentialsSignin",
        code: "credentials",
      });
    }
    // ...together with those through the API...
    for (let i = 2; i < PER_ACCOUNT; i++)
      expect((await tokenRequest(email, "wrong-password", randomIp())).status).toBe(401);
    // ...and the callback then says "rate limited", distinctly from "wrong password", even for the right one.
    const limited = await callbackSignIn(email, PASSWORD, randomIp());
    expect(limited.session).toBe(false);
    expect(limited.location.pathname).toBe("/signin");
    expect(Object.fromEntries(limited.location.searchParams)).toMatchObject({
      error: "CredentialsSignin",
      code: "rate_limited",
    });

    waitOut(ATTEMPT_LIMITS.signInPerAccount.windowSeconds);
    const later = await callbackSignIn(email, PASSWORD, randomIp());
    expect(later.session).toBe(true);
    expect(later.location.pathname).toBe("/account");
  });
});

describe("sign-up limits over HTTP", () => {
  it("refuses sign-ups beyond the per-address limit with 429 and Retry-After, and only for that address", async () => {
    const ip = randomIp();
    const { limit } = ATTEMPT_LIMITS.signUpPerAddress;
    const signUpFrom = (from: string) =>
      call(signUp, {
        method: "POST",
        body: { email: uniqueEmail("signup-limit"), password: PASSWORD, name: "S" },
        headers: { "x-forwarded-for": from },
      });
    for (let i = 0; i < limit; i++) expect((await signUpFrom(ip)).status).toBe(201);
    const refused = await signUpFrom(ip);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBe(refused.json.error.details.retryAfterSeconds);
    expect((await signUpFrom(randomIp())).status).toBe(201);
  });
});

describe("legacy bcrypt hashes", () => {
  async function legacyUser() {
    const email = uniqueEmail("legacy");
    // As the demo seed and the first release stored them.
    const user = await createUser(db, { email, name: "Old", passwordHash: await bcryptHash(PASSWORD, 4) });
    return { email, id: user.id };
  }
  const storedHash = async (id: string) =>
    (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

  it("still sign in through the API, and are upgraded to argon2id on the way", async () => {
    const { email, id } = await legacyUser();
    expect(await storedHash(id)).toMatch(/^\$2b\$04\$/);
    expect((await tokenRequest(email, "wrong-password", randomIp())).status).toBe(401);
    expect(await storedHash(id)).toMatch(/^\$2b\$/);
    expect((await tokenRequest(email, PASSWORD, randomIp())).status).toBe(201);
    expect(await storedHash(id)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await tokenRequest(email, PASSWORD, randomIp())).status).toBe(201);
  });

  it("are upgraded through Auth.js's credentials callback too", async () => {
    const { email, id } = await legacyUser();
    expect((await callbackSignIn(email, PASSWORD, randomIp())).session).toBe(true);
    expect(await storedHash(id)).toMatch(/^\$argon2id\$/);
    expect((await callbackSignIn(email, PASSWORD, randomIp())).session).toBe(true);
  });
});
