// The bench's fans: accounts with API tokens, and a pool that hands them out within the server's own limits.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ABANDONED_HOLDS_ALLOWED } from "@/lib/inventory/abandoned-holds";

export type Fan = { userId: string; token: string };

/**
 * A fan's request headers: their token, and a client address of their own (stable per fan), since the server also
 * limits holds and checkouts per address (300 and 120 a minute) and a bench from one host would otherwise be one NAT.
 */
export function fanHeaders(fan: Fan): Record<string, string> {
  const [a, b, c] = createHash("sha256").update(fan.userId).digest();
  return { authorization: `Bearer ${fan.token}`, "x-forwarded-for": `10.${a}.${b}.${c}` };
}

/** The server refuses more than 20 hold requests a minute per fan (app/api/v1/events/[eventId]/holds/route.ts). */
export const HOLDS_PER_MINUTE = 20;

/**
 * Creates fans straight in the database through lib/auth (createUser with one password hash computed once, then
 * issueApiToken), `parallel` at a time. Sign-up over HTTP would hash every password (argon2, on purpose slow) and
 * is limited to 20 sign-ups per 10 minutes per client address: 2,000 fans would take some 16 hours.
 * `verifiedEmail`: their addresses are confirmed, as an event with a waiting room requires (`emailVerifiedAt`), and
 * the accounts are a day old.
 */
export async function createFans(
  databaseUrl: string,
  count: number,
  options: { parallel?: number; verifiedEmail?: boolean; label?: string } = {},
): Promise<{ fans: Fan[]; ms: number }> {
  const parallel = options.parallel ?? 8;
  const label = options.label ?? "fan";
  const started = performance.now();
  const { createPrismaClient } = await import("@/lib/db-client");
  const { createUser } = await import("@/lib/auth/users");
  const { issueApiToken } = await import("@/lib/auth/tokens");
  const { hashPassword } = await import("@/lib/auth/passwords");
  const db = createPrismaClient(databaseUrl, parallel);
  try {
    const passwordHash = await hashPassword(`bench-${Date.now()}-not-used-to-sign-in`);
    const runId = Date.now().toString(36);
    const fans: Fan[] = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = next++; i < count; i = next++) {
          const user = await createUser(db, {
            email: `bench-${label}-${runId}-${i}@bench.test`,
            name: `Bench ${label} ${i}`,
            passwordHash,
          });
          const { token } = await issueApiToken(db, { userId: user.id, name: "bench" });
          fans[i] = { userId: user.id, token };
        }
      }),
    );
    if (options.verifiedEmail) {
      // Established accounts, as most of an on-sale's crowd: the room draws new accounts' lobby places at a lower weight.
      await db.user.updateMany({
        where: { id: { in: fans.map((f) => f.userId) } },
        data: { emailVerifiedAt: new Date(), createdAt: new Date(Date.now() - 24 * 60 * 60_000) },
      });
    }
    return { fans, ms: performance.now() - started };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Hands fans out round-robin so that none goes over the server's hold rate limit (counted over a window a little
 * longer than the server's minute) or the event's per-fan ticket limit. When every fan is at its limit the caller
 * waits; `waitedMs` says how long, so a run limited by the pool size rather than the server shows it.
 */
export class FanPool {
  private cursor = 0;
  private readonly holdTimes: number[][];
  private readonly tickets: Map<string, number>[];
  private readonly releases: Map<string, number>[];
  waitedMs = 0;

  constructor(
    readonly fans: readonly Fan[],
    private readonly options: { holdsPerWindow?: number; windowMs?: number; now?: () => number } = {},
  ) {
    this.holdTimes = fans.map(() => []);
    this.tickets = fans.map(() => new Map());
    this.releases = fans.map(() => new Map());
  }

  private get now() {
    return this.options.now ? this.options.now() : performance.now();
  }

  /**
   * A fan that may send one more hold request now (and `tickets` more for `eventId`; and, with `releasesFor`,
   * let one more hold of that event go: the server makes a fan wait after ABANDONED_HOLDS_ALLOWED an hour),
   * or null if none may.
   */
  tryTake(
    request: { eventId?: string; tickets?: number; perFanLimit?: number; releasesFor?: string } = {},
  ): Fan | null {
    const limit = this.options.holdsPerWindow ?? HOLDS_PER_MINUTE - 2;
    const windowMs = this.options.windowMs ?? 62_000;
    const now = this.now;
    for (let tried = 0; tried < this.fans.length; tried++) {
      const i = this.cursor;
      this.cursor = (this.cursor + 1) % this.fans.length;
      const times = this.holdTimes[i]!;
      while (times.length && times[0]! <= now - windowMs) times.shift();
      if (times.length >= limit) continue;
      if (request.releasesFor) {
        const released = this.releases[i]!.get(request.releasesFor) ?? 0;
        if (released >= ABANDONED_HOLDS_ALLOWED) continue;
        this.releases[i]!.set(request.releasesFor, released + 1);
      }
      if (request.eventId && request.tickets) {
        const had = this.tickets[i]!.get(request.eventId) ?? 0;
        if (had + request.tickets > (request.perFanLimit ?? Number.POSITIVE_INFINITY)) continue;
        this.tickets[i]!.set(request.eventId, had + request.tickets);
      }
      times.push(now);
      return this.fans[i]!;
    }
    return null;
  }

  /** Like tryTake, waiting (in steps of 20 ms) until a fan is free; null if none becomes free before `deadline`. */
  async take(
    request: Parameters<FanPool["tryTake"]>[0] = {},
    deadline = Number.POSITIVE_INFINITY,
  ): Promise<Fan | null> {
    const started = performance.now();
    for (;;) {
      const fan = this.tryTake(request);
      if (fan) {
        this.waitedMs += performance.now() - started;
        return fan;
      }
      if (performance.now() >= deadline) return null;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
