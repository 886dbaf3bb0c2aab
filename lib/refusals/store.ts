import "server-only";
import { usersByIds } from "@/lib/auth/users";
import type { DbOrTx } from "@/lib/db";
import { keysetQuery, type KeysetPage, type PageRequest } from "@/lib/keyset";
import { isRefusalReason, type RefusalReason } from "./reasons";

// The refusal_counts table: one row per (event, minute, reason, account, address block), counts added up.

export type RefusalCountRow = {
  eventId: string;
  /** The start of the minute the refusals fell in. */
  minute: Date;
  reason: RefusalReason;
  /** "" when unknown. */
  userId: string;
  /** "" when unknown. */
  addressBlock: string;
  count: number;
  lastAt: Date;
};

/** How long refusals are kept; the worker deletes older minutes. */
export const REFUSAL_RETENTION_DAYS = 30;

/**
 * Adds a batch of counts in one statement: each row's count is added to the row of its key, made if
 * missing. Refusals for ids that are no event (a bot guessing ids gets rate-limited before the event is
 * read) are left out, so a flush never fails on them. The batch has one row per key (the recorder's map).
 */
export async function addRefusalCounts(db: DbOrTx, rows: readonly RefusalCountRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: RefusalCountRow) => T) => rows.map(pick);
  await db.$executeRaw`
    INSERT INTO refusal_counts (id, "eventId", minute, reason, "userId", "addressBlock", count, "lastAt")
    SELECT gen_random_uuid()::text, v.event_id, v.minute, v.reason, v.user_id, v.block, v.count, v.last_at
    FROM unnest(
      ${column((r) => r.eventId)}::text[],
      ${column((r) => r.minute.toISOString())}::timestamp[],
      ${column((r) => r.reason)}::text[],
      ${column((r) => r.userId)}::text[],
      ${column((r) => r.addressBlock)}::text[],
      ${column((r) => r.count)}::int[],
      ${column((r) => r.lastAt.toISOString())}::timestamp[]
    ) AS v(event_id, minute, reason, user_id, block, count, last_at)
    WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = v.event_id)
    ON CONFLICT ("eventId", minute, reason, "userId", "addressBlock") DO UPDATE
      SET count = refusal_counts.count + EXCLUDED.count,
          "lastAt" = GREATEST(refusal_counts."lastAt", EXCLUDED."lastAt")`;
}

/** Deletes the minutes older than the retention period; the worker's job. */
export async function pruneRefusals(db: DbOrTx, now: Date): Promise<number> {
  const before = new Date(now.getTime() - REFUSAL_RETENTION_DAYS * 24 * 60 * 60_000);
  return (await db.refusalCount.deleteMany({ where: { minute: { lt: before } } })).count;
}

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
const TOP = 10;

export type RefusalSummary = {
  /** Per reason, refused attempts in the last hour and the last 24 hours; reasons with none are left out. */
  byReason: { reason: RefusalReason; lastHour: number; lastDay: number }[];
  /** The accounts and address blocks refused most often in the last 24 hours. */
  topAccounts: { userId: string; email: string | null; count: number }[];
  topAddressBlocks: { addressBlock: string; count: number }[];
};

/** What the event's "Refused attempts" page sums up. Counts are by whole minutes. */
export async function refusalSummary(db: DbOrTx, options: { eventId: string; now: Date }): Promise<RefusalSummary> {
  const dayAgo = new Date(options.now.getTime() - DAY_MS);
  const hourAgo = new Date(options.now.getTime() - HOUR_MS);
  const lastDay = { eventId: options.eventId, minute: { gte: dayAgo } };
  const [day, hour, accounts, blocks] = await Promise.all([
    db.refusalCount.groupBy({ by: ["reason"], where: lastDay, _sum: { count: true } }),
    db.refusalCount.groupBy({
      by: ["reason"],
      where: { eventId: options.eventId, minute: { gte: hourAgo } },
      _sum: { count: true },
    }),
    db.refusalCount.groupBy({
      by: ["userId"],
      where: { ...lastDay, userId: { not: "" } },
      _sum: { count: true },
      orderBy: [{ _sum: { count: "desc" } }, { userId: "asc" }],
      take: TOP,
    }),
    db.refusalCount.groupBy({
      by: ["addressBlock"],
      where: { ...lastDay, addressBlock: { not: "" } },
      _sum: { count: true },
      orderBy: [{ _sum: { count: "desc" } }, { addressBlock: "asc" }],
      take: TOP,
    }),
  ]);
  const hourly = new Map(hour.map((r) => [r.reason, r._sum.count ?? 0]));
  const emails = new Map(
    (
      await usersByIds(
        db,
        accounts.map((a) => a.userId),
      )
    ).map((u) => [u.id, u.email]),
  );
  return {
    byReason: day
      .filter((r) => isRefusalReason(r.reason))
      .map((r) => ({
        reason: r.reason as RefusalReason,
        lastHour: hourly.get(r.reason) ?? 0,
        lastDay: r._sum.count ?? 0,
      }))
      .sort((a, b) => b.lastDay - a.lastDay || a.reason.localeCompare(b.reason)),
    topAccounts: accounts.map((a) => ({
      userId: a.userId,
      email: emails.get(a.userId) ?? null,
      count: a._sum.count ?? 0,
    })),
    topAddressBlocks: blocks.map((b) => ({ addressBlock: b.addressBlock, count: b._sum.count ?? 0 })),
  };
}

export type RefusalListRow = {
  id: string;
  minute: Date;
  lastAt: Date;
  reason: RefusalReason;
  userId: string | null;
  email: string | null;
  addressBlock: string | null;
  count: number;
};

/** The event's refusal rows, most recently refused first, a page at a time (lib/keyset.ts). */
export async function refusalList(
  db: DbOrTx,
  options: { eventId: string; page: PageRequest },
): Promise<KeysetPage<RefusalListRow>> {
  const query = keysetQuery("lastAt", "desc", options.page);
  const rows = await db.refusalCount.findMany({
    where: { eventId: options.eventId, ...query.where },
    orderBy: query.orderBy,
    take: query.take,
    select: { id: true, minute: true, lastAt: true, reason: true, userId: true, addressBlock: true, count: true },
  });
  const page = query.finish(rows);
  const ids = [...new Set(page.items.map((r) => r.userId).filter(Boolean))];
  const emails = new Map((await usersByIds(db, ids)).map((u) => [u.id, u.email]));
  return {
    ...page,
    items: page.items
      .filter((r) => isRefusalReason(r.reason))
      .map((r) => ({
        ...r,
        reason: r.reason as RefusalReason,
        userId: r.userId || null,
        email: emails.get(r.userId) ?? null,
        addressBlock: r.addressBlock || null,
      })),
  };
}
