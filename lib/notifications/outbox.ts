import "server-only";
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type OutboxHandler = (payload: Prisma.JsonValue) => Promise<void>;

/** Writes a message in the caller's transaction; the worker delivers it after commit. */
export function enqueueOutbox(
  db: DbOrTx,
  message: { topic: string; payload: Prisma.InputJsonValue; availableAt?: Date },
) {
  return db.outboxMessage.create({ data: message, select: { id: true } });
}

export const MAX_OUTBOX_ATTEMPTS = 8;

/** Exponential back-off with a ceiling: 2 s, 4 s, 8 s … up to 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2_000 * 2 ** (attempts - 1), 600_000);
}

type ClaimedMessage = { id: string; topic: string; payload: Prisma.JsonValue; attempts: number };

/**
 * Claims up to `limit` due messages and delivers each through its topic's
 * handler. Claiming pushes `availableAt` forward in the same statement
 * (FOR UPDATE SKIP LOCKED), so several workers never deliver one message
 * twice at once, and a worker that dies mid-delivery only delays it.
 */
export async function drainOutbox(
  db: Db,
  handlers: Record<string, OutboxHandler>,
  options: { limit?: number; leaseMs?: number; now?: Date } = {},
): Promise<{ delivered: number; failed: number }> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 60_000));
  // Only topics this worker can deliver: a message for a newer release waits for a worker that knows it.
  const topics = Object.keys(handlers);
  const claimed = await db.$queryRaw<ClaimedMessage[]>`
    UPDATE outbox_messages SET "availableAt" = ${leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_messages
      WHERE status = 'PENDING' AND "availableAt" <= ${now} AND topic = ANY(${topics})
      ORDER BY "availableAt" LIMIT ${options.limit ?? 50}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, topic, payload, attempts`;

  let delivered = 0;
  let failed = 0;
  for (const message of claimed) {
    const handler = handlers[message.topic];
    try {
      if (!handler) throw new Error(`no handler for outbox topic "${message.topic}"`);
      await handler(message.payload);
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { status: "DONE", processedAt: new Date(), lastError: null },
      });
      delivered++;
    } catch (error) {
      failed++;
      const giveUp = message.attempts >= MAX_OUTBOX_ATTEMPTS;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
          availableAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
        },
      });
    }
  }
  return { delivered, failed };
}
