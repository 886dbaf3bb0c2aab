import "server-only";
import type { RedisConnection } from "@/lib/redis/client";
import { ADMIT, CONSUME, CONTROL, ENTRY, JOIN, queueKeys, REOPEN, RESTORE, STATS, WAITING_LINE } from "./redis-scripts";
import { admittedState, DEFAULT_CONTROL, type QueueControl, type QueueEntry, type QueueStore } from "./store";

// Upstash's client JSON-parses replies (an id like "123" comes back as a number), so replies are normalised.
function list(reply: unknown): unknown[] {
  if (!Array.isArray(reply)) throw new Error(`Unexpected reply from a queue script: ${JSON.stringify(reply)}`);
  return reply;
}

function fields(flat: unknown[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) map.set(String(flat[i]), String(flat[i + 1]));
  return map;
}

const time = (value: string | undefined) => (value === undefined ? null : new Date(Number(value)));

function toEntry(hash: Map<string, string>, zeroBasedRank: number, now: Date): QueueEntry {
  const admittedAt = time(hash.get("admittedAt"));
  const expiresAt = time(hash.get("expiresAt"));
  return {
    state: admittedAt ? admittedState({ usedAt: time(hash.get("usedAt")), expiresAt }, now) : "WAITING",
    lobby: hash.get("lobby") === "1",
    joinedAt: time(hash.get("joinedAt"))!,
    position: admittedAt || zeroBasedRank < 0 ? null : zeroBasedRank + 1,
    admittedAt,
    expiresAt,
    admissionId: hash.get("admissionId") ?? null,
  };
}

function toControl(hash: Map<string, string>): QueueControl {
  const rate = hash.get("ratePerMinute");
  return {
    soldOut: hash.get("soldOut") === "1",
    paused: hash.get("paused") === "1",
    ratePerMinute: rate === undefined ? DEFAULT_CONTROL.ratePerMinute : Number(rate),
    admittedPerMinute: Number(hash.get("admittedPerMinute") ?? DEFAULT_CONTROL.admittedPerMinute),
  };
}

/** The waiting room in Redis: one Lua script per operation (layout in ./redis-scripts.ts). */
export function redisQueueStore(redis: RedisConnection): QueueStore {
  const entry = async (eventId: string, userId: string, now: Date) => {
    const keys = queueKeys(eventId);
    const reply = list(await redis.eval(ENTRY, [keys.fan(userId), keys.line], [userId]));
    if (reply.length === 0) return null;
    return toEntry(fields(list(reply[0])), Number(reply[1]), now);
  };

  const writeControl = async (eventId: string, args: string[]) =>
    toControl(fields(list(await redis.eval(CONTROL, [queueKeys(eventId).control], args))));

  return {
    kind: "redis",

    async join({ eventId, userId, now, lobby, lobbyRank, deferral = 0 }) {
      const keys = queueKeys(eventId);
      await redis.eval(
        JOIN,
        [keys.line, keys.live, keys.fan(userId), keys.seq],
        [userId, String(now.getTime()), lobby ? "1" : "0", String(lobbyRank), String(deferral)],
      );
      return (await entry(eventId, userId, now))!;
    },

    entry,

    async admit(eventId, { count, now, windowMs }) {
      if (count <= 0) return [];
      const keys = queueKeys(eventId);
      const reply = await redis.eval(
        ADMIT,
        [keys.line, keys.live, keys.admitted, keys.seq],
        [String(count), String(now.getTime()), String(now.getTime() + windowMs), keys.fanPrefix],
      );
      return list(reply).map(String);
    },

    async consume(eventId, userId, admissionId, now) {
      const keys = queueKeys(eventId);
      const reply = await redis.eval(
        CONSUME,
        [keys.fan(userId), keys.live],
        [userId, admissionId, String(now.getTime())],
      );
      return Number(reply) === 1;
    },

    async restore(eventId, userId, admissionId) {
      const keys = queueKeys(eventId);
      await redis.eval(RESTORE, [keys.fan(userId), keys.live], [userId, admissionId]);
    },

    async reopen(eventId, userId, now) {
      const keys = queueKeys(eventId);
      return Number(await redis.eval(REOPEN, [keys.fan(userId), keys.live], [userId, String(now.getTime())])) === 1;
    },

    async waitingLine(eventId) {
      return list(await redis.eval(WAITING_LINE, [queueKeys(eventId).line], [])).map(String);
    },

    async stats(eventId, { now, since }) {
      const keys = queueKeys(eventId);
      const [waiting, outstanding, admittedSince, first] = list(
        await redis.eval(
          STATS,
          [keys.line, keys.live, keys.admitted],
          [String(now.getTime()), String(since.getTime())],
        ),
      ).map(Number);
      return {
        waiting: waiting ?? 0,
        outstanding: outstanding ?? 0,
        admittedSince: admittedSince ?? 0,
        firstAdmittedAt: first === undefined || first < 0 ? null : new Date(first),
      };
    },

    control: (eventId) => writeControl(eventId, []),

    setControl(eventId, patch) {
      const args: string[] = [];
      if (patch.soldOut !== undefined) args.push("soldOut", patch.soldOut ? "1" : "0");
      if (patch.paused !== undefined) args.push("paused", patch.paused ? "1" : "0");
      if (patch.ratePerMinute !== undefined) args.push("ratePerMinute", patch.ratePerMinute?.toString() ?? "");
      if (patch.admittedPerMinute !== undefined) args.push("admittedPerMinute", String(patch.admittedPerMinute));
      return writeControl(eventId, args);
    },
  };
}
