import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { admittedState, DEFAULT_CONTROL, type QueueControl, type QueueEntry, type QueueStore } from "./store";

type EntryRow = {
  lobby: boolean;
  joinedAt: Date;
  admittedAt: Date | null;
  expiresAt: Date | null;
  admissionId: string | null;
  usedAt: Date | null;
  position: bigint | null;
};

function toEntry(row: EntryRow, now: Date): QueueEntry {
  const waiting = row.admittedAt === null;
  return {
    state: waiting ? "WAITING" : admittedState(row, now),
    lobby: row.lobby,
    joinedAt: row.joinedAt,
    position: waiting ? Number(row.position) : null,
    admittedAt: row.admittedAt,
    expiresAt: row.expiresAt,
    admissionId: row.admissionId,
  };
}

/**
 * The waiting room in `queue_entries` (one row per fan and event) and
 * `queue_controls`. Each operation is one statement: joining is an upsert
 * that only rewrites a row whose turn is over, admitting takes the first rows
 * of the partial index on waiting fans, spending an admission is a guarded
 * UPDATE. A fan's position is counted along that index (rows ranked before).
 */
export function postgresQueueStore(db: DbOrTx): QueueStore {
  const entry = async (eventId: string, userId: string, now: Date) => {
    const [row] = await db.$queryRaw<EntryRow[]>`
      SELECT e.lobby, e."joinedAt", e."admittedAt", e."expiresAt", e."admissionId", e."usedAt",
        CASE WHEN e."admittedAt" IS NULL THEN (
          SELECT count(*) + 1 FROM queue_entries w
          WHERE w."eventId" = e."eventId" AND w."admittedAt" IS NULL AND w.rank < e.rank
        ) END AS position
      FROM queue_entries e WHERE e."eventId" = ${eventId} AND e."userId" = ${userId}`;
    return row ? toEntry(row, now) : null;
  };

  const control = async (eventId: string): Promise<QueueControl> => {
    const row = await db.queueControl.findUnique({
      where: { eventId },
      select: { soldOut: true, paused: true, ratePerMinute: true, admittedPerMinute: true },
    });
    return row ?? DEFAULT_CONTROL;
  };

  return {
    kind: "postgres",

    async join({ eventId, userId, now, lobby, lobbyRank, deferral = 0 }) {
      await db.$executeRaw`
        INSERT INTO queue_entries AS q (id, "eventId", "userId", rank, lobby, "joinedAt")
        VALUES (${randomUUID()}, ${eventId}, ${userId},
          CASE WHEN ${lobby} THEN ${lobbyRank}::float8 ELSE nextval('queue_arrival_seq')::float8 + ${deferral}::float8 END, ${lobby}, ${now})
        ON CONFLICT ("eventId", "userId") DO UPDATE SET
          rank = EXCLUDED.rank, lobby = EXCLUDED.lobby, "joinedAt" = EXCLUDED."joinedAt",
          "admittedAt" = NULL, "expiresAt" = NULL, "admissionId" = NULL, "usedAt" = NULL
        WHERE q."usedAt" IS NOT NULL OR q."expiresAt" <= ${now}`;
      return (await entry(eventId, userId, now))!;
    },

    entry,

    async admit(eventId, { count, now, windowMs }) {
      if (count <= 0) return [];
      const rows = await db.$queryRaw<{ userId: string; rank: number }[]>`
        UPDATE queue_entries SET "admittedAt" = ${now}, "expiresAt" = ${new Date(now.getTime() + windowMs)},
          "admissionId" = gen_random_uuid()::text
        WHERE id IN (
          SELECT id FROM queue_entries WHERE "eventId" = ${eventId} AND "admittedAt" IS NULL
          ORDER BY rank LIMIT ${count} FOR UPDATE SKIP LOCKED
        )
        RETURNING "userId", rank`;
      // RETURNING follows no order; the caller learns who was admitted in line order.
      return rows.sort((a, b) => a.rank - b.rank).map((r) => r.userId);
    },

    async consume(eventId, userId, admissionId, now) {
      const spent = await db.$executeRaw`
        UPDATE queue_entries SET "usedAt" = ${now}
        WHERE "eventId" = ${eventId} AND "userId" = ${userId} AND "admissionId" = ${admissionId}
          AND "usedAt" IS NULL AND "expiresAt" > ${now}`;
      return spent === 1;
    },

    async restore(eventId, userId, admissionId) {
      await db.$executeRaw`
        UPDATE queue_entries SET "usedAt" = NULL
        WHERE "eventId" = ${eventId} AND "userId" = ${userId} AND "admissionId" = ${admissionId}`;
    },

    async reopen(eventId, userId, now) {
      const reopened = await db.$executeRaw`
        UPDATE queue_entries SET "usedAt" = NULL
        WHERE "eventId" = ${eventId} AND "userId" = ${userId} AND "usedAt" IS NOT NULL AND "expiresAt" > ${now}`;
      return reopened > 0;
    },

    async waitingLine(eventId) {
      const rows = await db.$queryRaw<{ userId: string }[]>`
        SELECT "userId" FROM queue_entries WHERE "eventId" = ${eventId} AND "admittedAt" IS NULL ORDER BY rank`;
      return rows.map((row) => row.userId);
    },

    async stats(eventId, { now, since }) {
      const [row] = await db.$queryRaw<
        { waiting: bigint; outstanding: bigint; admittedSince: bigint; firstAdmittedAt: Date | null }[]
      >`
        SELECT
          count(*) FILTER (WHERE "admittedAt" IS NULL) AS waiting,
          count(*) FILTER (WHERE "admittedAt" IS NOT NULL AND "usedAt" IS NULL AND "expiresAt" > ${now}) AS outstanding,
          count(*) FILTER (WHERE "admittedAt" >= ${since}) AS "admittedSince",
          min("admittedAt") FILTER (WHERE "admittedAt" >= ${since}) AS "firstAdmittedAt"
        FROM queue_entries WHERE "eventId" = ${eventId}`;
      return {
        waiting: Number(row?.waiting ?? 0),
        outstanding: Number(row?.outstanding ?? 0),
        admittedSince: Number(row?.admittedSince ?? 0),
        firstAdmittedAt: row?.firstAdmittedAt ?? null,
      };
    },

    control,

    async setControl(eventId, patch) {
      const data = {
        ...(patch.soldOut === undefined ? {} : { soldOut: patch.soldOut }),
        ...(patch.paused === undefined ? {} : { paused: patch.paused }),
        ...(patch.ratePerMinute === undefined ? {} : { ratePerMinute: patch.ratePerMinute }),
        ...(patch.admittedPerMinute === undefined ? {} : { admittedPerMinute: patch.admittedPerMinute }),
      };
      return db.queueControl.upsert({
        where: { eventId },
        create: { eventId, ...data },
        update: data,
        select: { soldOut: true, paused: true, ratePerMinute: true, admittedPerMinute: true },
      });
    },
  };
}
