// The waiting room under load (issue 13, "Load proof"): 5,000 fans with confirmed addresses join one event's lobby
// through the public API and follow their place on the stream as the queue page does; the organizer opens the sale;
// for a fixed window the room admits them while fans without an admission try to hold. What the store says
// afterwards gives the admission rate, its order (fairness) and the correctness checks. docs/performance.md,
// "Waiting room under load", says how to read it.
import { performance } from "node:perf_hooks";
import { createFans, type Fan } from "../harness/fans";
import { HttpClient } from "../harness/http";
import {
  admissionOrderKeys,
  admissionRate,
  nullCorrelationSd,
  requestsPerFanMinute,
  spearman,
} from "../harness/queue-metrics";
import { Recorder, summarize, type OpSummary } from "../harness/stats";
import { formatMs } from "../harness/table";
import { createQueuedEvent, openSale, pauseRoom, type QueuedEvent } from "./queue-event";
import { follower, QueueRun, TICKETS_PER_HOLD, type Follower } from "./queue-fans";
import type { RunContext, Scenario, ScenarioResult } from "./types";

export const QUEUE_FANS = 5_000;
/** Fans who never join and try to hold anyway, a few attempts a second in all (each far below 20 a minute). */
const ATTACKERS = 200;
const ATTEMPTS_PER_SECOND = 5;
/** Fans joining at once: the lobby fills as fast as the app takes joins. */
const JOINERS = 50;
/** The measured stretch after the sale opens: 25 admissions a second would take 200 s for all 5,000. */
export const ADMISSION_WINDOW_MS = 45_000;
/** Joins (and their streams) must be done by then, or the run goes on with the fans in. */
const LOBBY_CAP_MS = 240_000;
const TICKETS = 5_000;
const TICK_MS = 1_000;

// Made once per bench run; each store's run has an event of its own, so the same fans join both.
let fansOnce: Promise<{ fans: Fan[]; ms: number }> | null = null;

async function lobbyPhase(run: QueueRun, followers: Follower[]) {
  const deadline = performance.now() + LOBBY_CAP_MS;
  let next = 0;
  await Promise.all(
    Array.from({ length: JOINERS }, async () => {
      for (let i = next++; i < followers.length && performance.now() < deadline; i = next++) {
        await run.join(followers[i]!);
      }
    }),
  );
  // The page shows the lobby once its stream is open: wait for the last ones.
  const streams = followers.flatMap((f) => (f.stream ? [f.stream.connected] : []));
  await Promise.race([
    Promise.all(streams),
    new Promise((r) => setTimeout(r, Math.max(0, deadline - performance.now()))),
  ]);
}

async function attackers(run: QueueRun, fans: Fan[], stop: () => boolean) {
  const who = fans.map((fan, i) => follower(fan, 100_000 + i));
  const inFlight: Promise<void>[] = [];
  for (let attempt = 0; !stop(); attempt++) {
    inFlight.push(run.attack(who[attempt % who.length]!, attempt));
    await new Promise((r) => setTimeout(r, 1000 / ATTEMPTS_PER_SECOND));
  }
  await Promise.all(inFlight);
}

/** What the store says about every fan once admission is paused: the source of the rate, order and checks. */
async function readLine(ctx: RunContext, event: QueuedEvent, followers: Follower[]) {
  const { queue } = ctx.direct;
  const now = new Date();
  const entries = new Array<Awaited<ReturnType<typeof queue.entry>>>(followers.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let i = next++; i < followers.length; i = next++) {
        entries[i] = await queue.entry(event.id, followers[i]!.fan.userId, now);
      }
    }),
  );
  return entries;
}

async function serverChecks(ctx: RunContext, event: QueuedEvent, admittedIds: string[], since: Date) {
  const { remainingByTicketType } = await import("@/lib/inventory/availability");
  const { db, holds, queue } = ctx.direct;
  const now = new Date();
  const [row] = await db.$queryRaw<{ strangers: bigint; extra: bigint }[]>`
    SELECT count(*) FILTER (WHERE NOT ("userId" = ANY(${admittedIds}::text[]))) AS strangers,
      count(*) FILTER (WHERE "userId" = ANY(${admittedIds}::text[]))
        - count(DISTINCT "userId") FILTER (WHERE "userId" = ANY(${admittedIds}::text[])) AS extra
    FROM holds WHERE "eventId" = ${event.id}`;
  const offenders = await db.$queryRaw<{ userId: string; status: string; createdAt: Date; holds: bigint }[]>`
    SELECT h."userId", h.status, h."createdAt",
      (SELECT count(*) FROM holds o WHERE o."eventId" = h."eventId" AND o."userId" = h."userId") AS holds
    FROM holds h WHERE h."eventId" = ${event.id} AND (NOT (h."userId" = ANY(${admittedIds}::text[]))
      OR h."userId" IN (SELECT "userId" FROM holds WHERE "eventId" = ${event.id} GROUP BY 1 HAVING count(*) > 1))
    ORDER BY h."userId", h."createdAt" LIMIT 10`;
  for (const o of offenders) {
    const entry = await queue.entry(event.id, o.userId, now);
    console.warn(
      `\n    hold without its own admission: fan ${o.userId} (${o.holds} holds), ${o.status} at ${o.createdAt.toISOString()}; ` +
        `in line: ${entry ? `${entry.state}, admitted ${entry.admittedAt?.toISOString() ?? "never"}` : "never joined"}`,
    );
  }
  const [stats, remaining] = await Promise.all([
    queue.stats(event.id, { now, since }),
    remainingByTicketType(db, holds, event.id, now),
  ]);
  return {
    /** Holds (any status) by fans the store never admitted, and second holds on one admission. */
    holdsWithoutAdmission: Number(row?.strangers ?? 0) + Number(row?.extra ?? 0),
    admissions: stats.admittedSince,
    outstanding: stats.outstanding,
    ticketsLeft: remaining.get(event.ticketTypeId) ?? 0,
  };
}

async function run(ctx: RunContext): Promise<ScenarioResult> {
  const { parseConfig } = await import("@/lib/config");
  const sessionsPerSecond = parseConfig({
    ...process.env,
    DATABASE_URL: ctx.services.databaseUrl,
  }).CHECKOUT_SESSIONS_PER_SECOND;
  fansOnce ??= createFans(ctx.services.databaseUrl, QUEUE_FANS + ATTACKERS, { verifiedEmail: true, label: "queue" });
  const { fans, ms: fansMs } = await fansOnce;
  const client = new HttpClient(ctx.baseUrl, 64);
  const event = await createQueuedEvent(ctx, client, TICKETS);
  const lobbyRecorder = new Recorder();
  const saleRecorder = new Recorder();
  const attackRecorder = new Recorder();
  const queueRun = new QueueRun(client, ctx.baseUrl, event, lobbyRecorder, attackRecorder);
  const followers = fans.slice(0, QUEUE_FANS).map((fan, i) => follower(fan, i));

  const started = performance.now();
  await lobbyPhase(queueRun, followers);
  const lobbySeconds = (performance.now() - started) / 1000;
  const joined = followers.filter((f) => f.joinedAt !== null).length;
  process.stdout.write(`lobby of ${joined.toLocaleString("en-US")} in ${lobbySeconds.toFixed(0)} s, sale open… `);

  queueRun.recorder = saleRecorder;
  const openedAt = await openSale(client, event);
  const saleStarted = performance.now();
  // Before the on-sale nobody may hold (409 EVENT_NOT_ON_SALE); from the opening on, only with a turn.
  let attacking = true;
  const attacks = attackers(queueRun, fans.slice(QUEUE_FANS), () => !attacking);
  await new Promise((r) => setTimeout(r, ADMISSION_WINDOW_MS));
  const windowEnd = Date.now();
  attacking = false;
  // A fan's requests in flight may each take up to the client's 30 s timeout under load.
  await queueRun.stop(followers, 65_000);
  await attacks;
  await pauseRoom(ctx, event);
  const saleSeconds = (performance.now() - saleStarted) / 1000;
  client.close();

  const entries = await readLine(ctx, event, followers);
  const admittedAt = entries.flatMap((e) => (e?.admittedAt ? [e.admittedAt.getTime()] : []));
  const admittedIds = followers.flatMap((f, i) => (entries[i]?.admittedAt ? [f.fan.userId] : []));
  const server = await serverChecks(ctx, event, admittedIds, new Date(openedAt.getTime() - 1_000));
  const lobby = followers.flatMap((f, i) => {
    const e = entries[i];
    return e?.lobby
      ? [{ joinedAt: e.joinedAt.getTime(), admittedAtMs: e.admittedAt?.getTime() ?? null, position: e.position }]
      : [];
  });
  const fairness = spearman(
    lobby.map((p) => p.joinedAt),
    admissionOrderKeys(lobby),
  );
  const rate = admissionRate(admittedAt, TICK_MS);
  const firstAdmission = admittedAt.length ? Math.min(...admittedAt) - openedAt.getTime() : Number.NaN;
  const waitingMs = followers.reduce(
    (sum, f) => sum + (f.joinedAt === null ? 0 : Math.max(0, (f.toldAt ?? windowEnd) - f.joinedAt)),
    0,
  );
  const perFanMinute = requestsPerFanMinute(queueRun.requests, waitingMs);
  const readsPerFanMinute = requestsPerFanMinute(queueRun.statusEvents, waitingMs);

  // The delay between an admission and the fan's GET …/queue answer (the stream's pace plus the read).
  const told = { ms: [] as number[], ok: 0, expected: 0, unexpected: 0, statuses: {}, bytes: 0 };
  followers.forEach((f, i) => {
    const at = entries[i]?.admittedAt;
    if (!at || f.toldAt === null) return;
    told.ms.push(f.toldAt - at.getTime());
    told.ok++;
  });
  const toldRow: OpSummary = {
    ...summarize("admission → fan has token", told, saleSeconds),
    requests: admittedAt.length,
    perSecond: rate,
  };

  const admittedTwice = Math.max(0, server.admissions - admittedIds.length);
  const beyondTickets =
    queueRun.admittedWithoutTickets + Math.max(0, server.outstanding * TICKETS_PER_HOLD - server.ticketsLeft);
  // The database's count covers every 201 the fans saw (a granted hold is a row, even once released).
  ctx.counters.queue.holdsWithoutAdmission += Math.max(
    server.holdsWithoutAdmission,
    queueRun.holdsGrantedWithoutAdmission,
  );
  ctx.counters.queue.admittedBeyondTickets += beyondTickets;
  ctx.counters.queue.admittedTwice += admittedTwice;

  const target = sessionsPerSecond;
  const sd = nullCorrelationSd(lobby.length);
  const notes = [
    `${joined.toLocaleString("en-US")} of ${QUEUE_FANS.toLocaleString("en-US")} fans joined the lobby in ${lobbySeconds.toFixed(1)} s (${JOINERS} at a time), each then on the stream`,
    `sale opened by the organizer (onSaleAt = now); first admission ${formatMs(firstAdmission)} ms later`,
    `admission ${rate.toFixed(1)}/s against a target of ${target}/s (CHECKOUT_SESSIONS_PER_SECOND ${sessionsPerSecond}, one event in line; ${TICKETS.toLocaleString("en-US")} tickets would serve ${Math.floor(TICKETS / TICKETS_PER_HOLD).toLocaleString("en-US")} open turns): ${admittedAt.length.toLocaleString("en-US")} admitted in the ${ADMISSION_WINDOW_MS / 1000} s window`,
    `fairness: Spearman r = ${fairness.toFixed(3)} between lobby arrival and admission order over ${lobby.length.toLocaleString("en-US")} lobby fans (chance alone: sd ${sd.toFixed(3)})`,
    `${perFanMinute.toFixed(2)} queue requests per waiting fan per minute (joins, status reads, stream connections; ${queueRun.streamReconnects} reconnections, ${queueRun.streamRefusals} refused); the server pushed ${readsPerFanMinute.toFixed(1)} status events per waiting fan per minute`,
    `admitted fans hold ${TICKETS_PER_HOLD} GA tickets with X-Admission-Token, replay the token (403 expected), release; ${ATTACKERS} fans who never joined try ${ATTEMPTS_PER_SECOND} holds a second from the opening (no token, forged, another fan's)`,
  ];
  const metrics = {
    fans: QUEUE_FANS,
    fansCreatedInMs: Math.round(fansMs),
    joined,
    lobbySeconds,
    admissionWindowSeconds: ADMISSION_WINDOW_MS / 1000,
    admitted: admittedAt.length,
    admissionRatePerSecond: rate,
    targetRatePerSecond: target,
    firstAdmissionMs: firstAdmission,
    fairnessSpearman: fairness,
    fairnessNullSd: sd,
    lobbyFans: lobby.length,
    queueRequestsPerWaitingFanMinute: perFanMinute,
    statusEventsPerWaitingFanMinute: readsPerFanMinute,
    streamReconnects: queueRun.streamReconnects,
    streamRefusals: queueRun.streamRefusals,
    holdsWithoutAdmission: server.holdsWithoutAdmission,
    admittedBeyondTickets: beyondTickets,
    admittedTwice,
  };
  return {
    ops: [
      ...lobbyRecorder.summaries(lobbySeconds),
      ...saleRecorder.summaries(saleSeconds),
      toldRow,
      ...attackRecorder.summaries(saleSeconds),
    ],
    seconds: (performance.now() - started) / 1000,
    iterations: joined,
    capped: false,
    notes,
    metrics,
  };
}

export const waitingRoom: Scenario = { name: "queue", title: "waiting room", stores: "each", run };
