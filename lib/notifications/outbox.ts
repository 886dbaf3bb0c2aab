import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db, DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { keysetQuery, type PageRequest } from "@/lib/keyset";
import { log } from "@/lib/log";

export type OutboxHandler = (payload: Prisma.JsonValue) => Promise<void>;

/** Writes a message in the caller's transaction; the worker delivers it after commit. */
export function enqueueOutbox(
  db: DbOrTx,
  message: { topic: string; payload: Prisma.InputJsonValue; availableAt?: Date },
) {
  return db.outboxMessage.create({ data: message, select: { id: true } });
}

/** After this many attempts a message is FAILED, or, on a topic that must never give up, reported as stuck. */
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
  options: {
    limit?: number;
    leaseMs?: number;
    now?: Date;
    /** Topics that move money: retried with capped back-off for as long as it takes, never marked FAILED. */
    persistentTopics?: readonly string[];
  } = {},
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
      const persistent = options.persistentTopics?.includes(message.topic) ?? false;
      const giveUp = !persistent && message.attempts >= MAX_OUTBOX_ATTEMPTS;
      if (message.attempts >= MAX_OUTBOX_ATTEMPTS) {
        // Someone has to look: a refund the provider keeps refusing, or a message nobody can deliver.
        log.error(
          { outboxMessageId: message.id, topic: message.topic, attempts: message.attempts, err: error },
          persistent ? "outbox message stuck, still retrying" : "outbox message failed for good",
        );
      }
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

/** Messages that need a person: stuck (still retrying past the attempt limit) and failed for good. */
export async function outboxTrouble(db: DbOrTx): Promise<{ stuck: number; failed: number }> {
  const [stuck, failed] = await Promise.all([
    db.outboxMessage.count({ where: { status: "PENDING", attempts: { gte: MAX_OUTBOX_ATTEMPTS } } }),
    db.outboxMessage.count({ where: { status: "FAILED" } }),
  ]);
  return { stuck, failed };
}

/** A PENDING message still not delivered this long after it was due is stuck (the worker may be down). */
export const OUTBOX_STUCK_AFTER_MS = 5 * 60_000;

/** What the admin's outbox page lists: messages needing a person (failed, stuck, retrying), or one status. */
export type OutboxView = "trouble" | OutboxStatus;

function outboxViewFilter(view: OutboxView, now: Date): Prisma.OutboxMessageWhereInput {
  if (view !== "trouble") return { status: view };
  return {
    OR: [
      { status: "FAILED" },
      {
        status: "PENDING",
        OR: [{ attempts: { gt: 0 } }, { availableAt: { lt: new Date(now.getTime() - OUTBOX_STUCK_AFTER_MS) } }],
      },
    ],
  };
}

/** Messages of a view, newest first, with their last error (keyset-paginated). */
export async function listOutboxMessages(db: DbOrTx, options: { view: OutboxView; now: Date; page: PageRequest }) {
  const keyset = keysetQuery("createdAt", "desc", options.page);
  const rows = await db.outboxMessage.findMany({
    where: { AND: [outboxViewFilter(options.view, options.now), keyset.where] },
    orderBy: keyset.orderBy,
    take: keyset.take,
    select: {
      id: true,
      topic: true,
      status: true,
      attempts: true,
      availableAt: true,
      lastError: true,
      createdAt: true,
      processedAt: true,
    },
  });
  return keyset.finish(rows);
}

/** How many messages each view holds, for the page's tabs. */
export async function countOutboxViews(db: DbOrTx, now: Date): Promise<Record<OutboxView, number>> {
  const views = ["trouble", "PENDING", "FAILED", "DONE"] as const;
  const counts = await Promise.all(views.map((view) => db.outboxMessage.count({ where: outboxViewFilter(view, now) })));
  return Object.fromEntries(views.map((view, i) => [view, counts[i]!])) as Record<OutboxView, number>;
}

/**
 * Sends a failed or stuck message again: PENDING, due now, with a fresh run of attempts (its last
 * error stays until the next attempt replaces it). A delivered message is not sent twice (CONFLICT).
 */
export async function retryOutboxMessage(db: Db, options: { messageId: string; now: Date; adminId: string }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: options.messageId, status: { in: ["PENDING", "FAILED"] } },
      data: { status: "PENDING", availableAt: options.now, attempts: 0 },
    });
    if (count === 0) {
      const exists = await tx.outboxMessage.count({ where: { id: options.messageId } });
      throw exists
        ? new AppError("CONFLICT", "This message was already delivered.")
        : new AppError("NOT_FOUND", "No such message.");
    }
    await recordAudit(tx, {
      actorId: options.adminId,
      organizationId: null,
      action: "outbox_message.retried",
      entityType: "outbox_message",
      entityId: options.messageId,
      after: { status: "PENDING", availableAt: options.now.toISOString() },
    });
  });
}
