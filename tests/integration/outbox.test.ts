import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { devMailboxSender } from "@/lib/notifications/email/dev-mailbox";
import {
  drainOutbox,
  enqueueOutbox,
  MAX_OUTBOX_ATTEMPTS,
  outboxTrouble,
  retryDelayMs,
} from "@/lib/notifications/outbox";
import { enqueueWelcomeEmail, WELCOME_TOPIC, welcomeEmailHandler } from "@/lib/notifications/welcome";

// Each test uses its own topic so parallel files never drain each other's messages.
const topic = () => `test.${randomUUID()}`;

describe("outbox", () => {
  it("delivers each message once, even with two workers draining at the same time", async () => {
    const t = topic();
    for (let i = 0; i < 30; i++) await enqueueOutbox(db, { topic: t, payload: { i } });
    const seen: number[] = [];
    const handlers = { [t]: async (payload: unknown) => void seen.push((payload as { i: number }).i) };
    await Promise.all([drainOutbox(db, handlers, { limit: 100 }), drainOutbox(db, handlers, { limit: 100 })]);
    await drainOutbox(db, handlers, { limit: 100 });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(await db.outboxMessage.count({ where: { topic: t, status: "DONE" } })).toBe(30);
  });

  it("retries a failing delivery with back-off and gives up after the last attempt", async () => {
    const t = topic();
    const { id } = await enqueueOutbox(db, { topic: t, payload: {} });
    const failing = { [t]: async () => Promise.reject(new Error("provider down")) };
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_OUTBOX_ATTEMPTS; attempt++) {
      const result = await drainOutbox(db, failing, { now, limit: 1000 });
      expect(result.failed).toBeGreaterThanOrEqual(1);
      const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(message.attempts).toBe(attempt);
      expect(message.lastError).toBe("provider down");
      expect(message.availableAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
      // Not due again before its back-off has passed.
      expect((await drainOutbox(db, failing, { now: new Date(message.availableAt.getTime() - 1) })).failed).toBe(0);
      now = message.availableAt;
    }
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  });

  it("never gives up on a money-moving topic: it stays pending with capped back-off and shows as stuck", async () => {
    const t = topic();
    const { id } = await enqueueOutbox(db, { topic: t, payload: {} });
    const failing = { [t]: async () => Promise.reject(new Error("Stripe is down")) };
    const stuckBefore = (await outboxTrouble(db)).stuck;
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_OUTBOX_ATTEMPTS + 4; attempt++) {
      await drainOutbox(db, failing, { now, limit: 1000, persistentTopics: [t] });
      const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(message.status).toBe("PENDING");
      expect(message.availableAt.getTime() - now.getTime()).toBeLessThanOrEqual(600_000);
      now = message.availableAt;
    }
    expect((await outboxTrouble(db)).stuck).toBeGreaterThanOrEqual(stuckBefore + 1);

    // The provider is back: the next attempt delivers it.
    const delivered = await drainOutbox(db, { [t]: async () => undefined }, { now, persistentTopics: [t] });
    expect(delivered.delivered).toBe(1);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
  });

  it("sends the welcome e-mail to the dev mailbox", async () => {
    const email = `welcome-${randomUUID()}@example.test`;
    await enqueueWelcomeEmail(db, { email, name: "Wren <b>", appUrl: "http://localhost:3000" });
    await drainOutbox(db, { [WELCOME_TOPIC]: welcomeEmailHandler(devMailboxSender(db)) }, { limit: 1000 });
    const mail = await db.devMail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe("Welcome to Marquee");
    expect(mail.html).toContain("Wren &#60;b&#62;");
    expect(mail.text).toContain("Hi Wren <b>");
  });
});
