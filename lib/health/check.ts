import "server-only";
import type { Db } from "@/lib/db";
import type { ServiceMode } from "@/lib/config";
import { log as defaultLog } from "@/lib/log";
import { outboxTrouble } from "@/lib/notifications/outbox";
import { HEARTBEAT_INTERVAL_MS } from "@/lib/worker/runner";

// No error messages: the report is public (load balancers, uptime checks), and a driver's message can carry
// host names, ports, user names or SQL. Why a component is down goes to the logs.
export type ComponentHealth = {
  status: "up" | "down";
  latencyMs?: number;
  mode?: string;
  /** Set on a production server whose payments are simulated (PAYMENT_PROVIDER=simulator). */
  demo?: true;
};
export type HealthReport = {
  status: "ok" | "down";
  checkedAt: string;
  components: Record<string, ComponentHealth>;
  worker: { status: "running" | "not-running"; lastBeatAt: string | null };
  /** Outbox messages that need a person (a refund the provider keeps refusing…); null while the database is down. */
  outbox: { stuck: number; failed: number } | null;
};

export type HealthProbe = { name: string; mode?: string; check: () => Promise<void> };

type Logger = Pick<typeof defaultLog, "warn">;

async function probe({ name, check, mode }: HealthProbe, timeoutMs: number, log: Logger): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "up", latencyMs: Math.round(performance.now() - started), ...(mode ? { mode } : {}) };
  } catch (error) {
    log.warn({ component: name, err: error }, "health check: component down");
    return { status: "down", ...(mode ? { mode } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks the database and every configured service. Any component down makes
 * the whole report "down" (HTTP 503) so a load balancer stops sending traffic;
 * a missing worker is reported but does not take the app out of rotation.
 */
export async function checkHealth(options: {
  db: Db;
  modes: ServiceMode;
  demoPayments?: boolean;
  probes?: HealthProbe[];
  timeoutMs?: number;
  now?: Date;
  log?: Logger;
}): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const log = options.log ?? defaultLog;
  const probes: HealthProbe[] = [
    { name: "database", check: async () => void (await options.db.$queryRaw`SELECT 1`) },
    ...(options.probes ?? []),
  ];
  const results = await Promise.all(probes.map(async (p) => [p.name, await probe(p, timeoutMs, log)] as const));
  const components: Record<string, ComponentHealth> = Object.fromEntries(results);
  components.payments = { status: "up", mode: options.modes.payments, ...(options.demoPayments ? { demo: true } : {}) };
  components.email = { status: "up", mode: options.modes.email };
  components.uploads = { status: "up", mode: options.modes.uploads };

  const database = components.database;
  const databaseUp = database?.status === "up";
  const [lastBeat, outbox] = databaseUp
    ? await Promise.all([
        options.db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } }),
        // Informational: a health check must not fail on it.
        outboxTrouble(options.db).catch(() => null),
      ])
    : [null, null];
  const now = options.now ?? new Date();
  const running = lastBeat !== null && now.getTime() - lastBeat.beatAt.getTime() < 3 * HEARTBEAT_INTERVAL_MS;
  return {
    status: results.every(([, r]) => r.status === "up") ? "ok" : "down",
    checkedAt: now.toISOString(),
    components,
    worker: { status: running ? "running" : "not-running", lastBeatAt: lastBeat?.beatAt.toISOString() ?? null },
    outbox,
  };
}

export function healthResponse(report: HealthReport): Response {
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
