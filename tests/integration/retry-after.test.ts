import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { assertNotSquatting, ABANDONED_HOLDS_ALLOWED } from "@/lib/inventory/abandoned-holds";
import { log } from "@/lib/log";
import { enforcePurchaseLimits, PURCHASE_LIMITS } from "@/lib/orders/purchase-limits";
import { paymentsBusy } from "@/lib/payments/checkout-meter";
import { createRateLimiter, rateLimited } from "@/lib/rate-limit/limiter";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { checkout, holdTickets, releaseHold } from "../support/purchase";

// Every 429 of the purchase path carries Retry-After: a sweep of the code for each way one is made,
// then each of them, and the hold and checkout endpoints over HTTP.

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Where the code makes a 429: each `new AppError("RATE_LIMITED", …)`, with what it passes. */
function rateLimitedErrorsInCode() {
  const found: { file: string; call: string }[] = [];
  for (const file of [...sourceFiles(path.join(root, "lib")), ...sourceFiles(path.join(root, "app"))]) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/new AppError\(\s*"RATE_LIMITED"/g)) {
      // The call's arguments: up to the parenthesis that closes it.
      let depth = 0;
      let end = match.index;
      for (; end < text.length; end++) {
        if (text[end] === "(") depth++;
        if (text[end] === ")" && --depth === 0) break;
      }
      found.push({ file: path.relative(root, file), call: text.slice(match.index, end + 1) });
    }
  }
  return found;
}

function retryAfterOf(error: unknown) {
  const response = errorResponse(error, log, "test");
  return { status: response.status, retryAfter: response.headers.get("retry-after") };
}

async function thrown(work: () => unknown): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("Retry-After on every 429", () => {
  it("is given a number of seconds by every place in the code that makes a 429", () => {
    const made = rateLimitedErrorsInCode();
    expect(made.map((m) => m.file).sort()).toEqual([
      "lib/inventory/abandoned-holds.ts",
      "lib/orders/purchase-limits.ts",
      "lib/payments/checkout-meter.ts",
      "lib/rate-limit/limiter.ts",
    ]);
    for (const { file, call } of made) {
      // purchase-limits.ts re-makes the limiter's error with its details, retryAfterSeconds included.
      expect(call, file).toMatch(/retryAfterSeconds|\.\.\.\(error\.details/);
    }
  });

  it("is sent for each of them, in whole seconds, and for a 429 that forgot to say", async () => {
    const rateLimiter = createRateLimiter({ db, redis: null });
    const fan = crypto.randomUUID();
    const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < PURCHASE_LIMITS.checkout.perAddress.limit; i++) {
      await enforcePurchaseLimits(
        { rateLimiter },
        { action: "checkout", userId: crypto.randomUUID(), clientIp: address },
      );
    }
    const errors = [
      rateLimited(1_500),
      paymentsBusy(0.2),
      await thrown(() => assertNotSquatting(Array(ABANDONED_HOLDS_ALLOWED).fill(new Date()), new Date())),
      await thrown(() =>
        enforcePurchaseLimits({ rateLimiter }, { action: "checkout", userId: fan, clientIp: address }),
      ),
      new AppError("RATE_LIMITED", "Slow down."),
    ];
    expect(errors.map((e) => (e.details as { reason?: string } | undefined)?.reason)).toEqual([
      undefined,
      undefined,
      "ABANDONED_HOLDS",
      "CHECKOUT_RATE_ADDRESS",
      undefined,
    ]);
    const answers = errors.map(retryAfterOf);
    expect(answers.map((a) => a.status)).toEqual([429, 429, 429, 429, 429]);
    expect(answers[0]!.retryAfter).toBe("2");
    expect(answers[1]!.retryAfter).toBe("1");
    expect(Number(answers[2]!.retryAfter)).toBeGreaterThan(60 * 59);
    expect(Number(answers[3]!.retryAfter)).toBeGreaterThan(0);
    expect(answers[4]!.retryAfter).toBe("1");
    // Other errors have none.
    expect(retryAfterOf(new AppError("SEAT_UNAVAILABLE", "Taken.")).retryAfter).toBeNull();
  });

  it("comes with the hold and checkout endpoints' 429s over HTTP", async () => {
    const sale = await createSaleEvent({ gaCapacity: 50, perOrderLimit: 2 });
    const eventId = sale.event.id;
    const ga = { ticketTypeId: sale.ga.id, quantity: 1 };

    // The cool-down after holds let go.
    const squatter = await createUserWithToken("FAN");
    for (let i = 0; i < ABANDONED_HOLDS_ALLOWED; i++) {
      const held = await holdTickets(squatter.token, eventId, ga);
      expect((await releaseHold(squatter.token, held.json.holdId)).status).toBe(204);
    }
    const cooled = await holdTickets(squatter.token, eventId, ga);
    expect(cooled.status).toBe(429);
    expect(cooled.headers.get("retry-after")).toBe(String(cooled.json.error.details.retryAfterSeconds));

    // Too many holds, then too many checkouts, from one account.
    const hammer = await createUserWithToken("FAN");
    let last = await holdTickets(hammer.token, eventId, { ticketTypeId: sale.ga.id, quantity: 3 });
    for (let i = 0; i < PURCHASE_LIMITS.hold.perFan.limit; i++) {
      last = await holdTickets(hammer.token, eventId, { ticketTypeId: sale.ga.id, quantity: 3 });
    }
    expect(last.status).toBe(429);
    expect(last.json.error.details.reason).toBe("HOLD_RATE_FAN");
    expect(last.headers.get("retry-after")).toBe(String(last.json.error.details.retryAfterSeconds));

    const buyer = await createUserWithToken("FAN");
    const held = await holdTickets(buyer.token, eventId, ga);
    let answer = await checkout(buyer.token, held.json.holdId);
    for (let i = 0; i < PURCHASE_LIMITS.checkout.perFan.limit; i++)
      answer = await checkout(buyer.token, held.json.holdId);
    expect(answer.status).toBe(429);
    expect(answer.json.error.details.reason).toBe("CHECKOUT_RATE_FAN");
    expect(answer.headers.get("retry-after")).toBe(String(answer.json.error.details.retryAfterSeconds));
  });
});
