// The seat status poll under load: a production server (`next start`) on a throwaway PostgreSQL with one
// 5,660-seat event (10% sold), polled by keep-alive connections for a while; prints req/s, latency
// percentiles, the status codes and how many database transactions the run cost. How to read it:
// docs/performance.md ("Seat status poll").
// Usage: npm run build && npm run bench:seat-poll -- [--app <dir with .next>] [--connections 20] [--seconds 10]
//        npm run bench:seat-poll -- --in-process   (the route handler called directly, no build: its own cost)
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db-client";
import { startEmbeddedPostgres } from "@/scripts/support/embedded-postgres";
import { applyMigrations } from "@/scripts/support/migrations";
import { freePort } from "@/tests/support/services";

const { values } = parseArgs({
  options: {
    app: { type: "string", default: process.cwd() },
    connections: { type: "string", default: "20" },
    seconds: { type: "string", default: "10" },
    "in-process": { type: "boolean", default: false },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);

const dir = mkdtempSync(path.join(os.tmpdir(), "marquee-bench-poll-"));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({
  dataDir: path.join(dir, "data"),
  port: await freePort(),
  database: "bench",
  throwaway: true,
});
const children: { kill: () => void }[] = [];
const cleanUp = async () => {
  for (const child of children) child.kill();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
};

try {
  await applyMigrations(pg.url);
  const db = createPrismaClient(pg.url, 2);
  const eventId = await arenaEvent(db);
  if (values["in-process"]) {
    await inProcess(pg.url, eventId);
    await db.$disconnect();
    process.exit(0);
  }

  const port = await freePort();
  const server = spawn(
    process.execPath,
    [path.join(values.app, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "-H", "127.0.0.1"],
    {
      cwd: values.app,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: pg.url,
        AUTH_SECRET: "bench-secret-that-is-at-least-32-characters",
        APP_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: "warn",
        PAYMENT_PROVIDER: "simulator",
      },
    },
  );
  children.push({ kill: () => server.kill("SIGTERM") });
  const url = `http://127.0.0.1:${port}/api/v1/events/${eventId}/seats?statusOnly=1`;
  await waitFor(url);

  const first = await get(new http.Agent({ keepAlive: true }), url, {});
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; ` +
      `body ${first.bytes} bytes, etag ${first.headers.etag ?? "none"}, cache-control ${first.headers["cache-control"]}`,
  );
  await load(url, {}, 2); // warm-up
  for (const [label, headers] of [
    ["unconditional", {}],
    ["If-None-Match (unchanged)", first.headers.etag ? { "if-none-match": String(first.headers.etag) } : {}],
  ] as const) {
    const before = await transactions(db);
    const cpuBefore = cpuSeconds(server.pid!);
    const result = await load(url, headers, seconds);
    const cpu = cpuSeconds(server.pid!) - cpuBefore;
    const spent = (await transactions(db)) - before;
    const cpuPerRequest = (cpu * 1000) / result.count;
    console.log(
      `${label}: ${result.rate.toFixed(0)} req/s at ${connections} connections; p50 ${result.p50.toFixed(1)} ms, ` +
        `p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; statuses ${JSON.stringify(result.statuses)}; ` +
        `${(spent / seconds).toFixed(1)} database transactions/s; server CPU ${cpuPerRequest.toFixed(2)} ms a request ` +
        `(${(1000 / cpuPerRequest).toFixed(0)} req/s per core); load ${os.loadavg()[0]!.toFixed(2)}`,
    );
  }
  await db.$disconnect();
} finally {
  await cleanUp();
}

async function arenaEvent(db: ReturnType<typeof createPrismaClient>): Promise<string> {
  const organization = await db.organization.create({ data: { slug: "bench-org", name: "Bench" } });
  const venue = await db.venue.create({
    data: {
      organizationId: organization.id,
      slug: "bench-arena",
      name: "Bench Arena",
      address: "1 Bench St",
      city: "Benchville",
      country: "US",
      timeZone: "UTC",
      latitude: 0,
      longitude: 0,
    },
  });
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  const event = await db.event.create({
    data: {
      organizationId: organization.id,
      venueId: venue.id,
      slug: "bench-arena-show",
      title: "Bench Arena Show",
      description: "",
      performers: [],
      category: "CONCERT",
      tags: [],
      status: "PUBLISHED",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
      onSaleAt: new Date(),
    },
  });
  const type = await db.ticketType.create({
    data: { eventId: event.id, name: "Floor", kind: "RESERVED", priceMinor: 5_000, currency: "USD", capacity: 5_660 },
  });
  await db.seat.createMany({
    data: Array.from({ length: 5_660 }, (_, i) => ({
      eventId: event.id,
      ticketTypeId: type.id,
      section: `S${Math.floor(i / 236)}`,
      row: String(Math.floor((i % 236) / 20)),
      number: String(i % 20),
      x: i % 80,
      y: Math.floor(i / 80),
      status: i % 10 === 0 ? ("SOLD" as const) : ("AVAILABLE" as const),
    })),
  });
  return event.id;
}

/** The route handler as Next.js calls it, in this process: its CPU per request, without HTTP or Next.js. */
async function inProcess(databaseUrl: string, eventId: string) {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-that-is-at-least-32-characters",
    LOG_LEVEL: "warn",
  });
  const { GET } = await import("@/app/api/v1/events/[eventId]/seats/route");
  const params = Promise.resolve({ eventId });
  const call = async (headers: Record<string, string>) => {
    const request = new Request(`http://127.0.0.1/api/v1/events/${eventId}/seats?statusOnly=1`, { headers });
    const response = await GET(request, { params });
    await response.arrayBuffer();
    return response;
  };
  const etag = (await call({})).headers.get("etag");
  for (const [label, headers] of [
    ["unconditional", {}],
    ["If-None-Match (unchanged)", etag ? { "if-none-match": etag } : {}],
  ] as const) {
    for (let i = 0; i < 500; i++) await call(headers); // warm-up
    const cpu = process.cpuUsage();
    const started = performance.now();
    let count = 0;
    while (performance.now() - started < seconds * 1000) {
      await Promise.all(Array.from({ length: connections }, () => call(headers)));
      count += connections;
    }
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / count;
    console.log(
      `in-process ${label}: ${(count / ((performance.now() - started) / 1000)).toFixed(0)} calls/s, ` +
        `${cpuMs.toFixed(3)} ms CPU a call (${(1000 / cpuMs).toFixed(0)} calls/s per core); load ${os.loadavg()[0]!.toFixed(2)}`,
    );
  }
}

/**
 * CPU time (user + system, seconds) of a process and its descendants, from /proc: on a shared machine the
 * server's CPU per request says what one core would serve, whatever else is running (Linux only).
 */
function cpuSeconds(rootPid: number): number {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command may contain spaces and parentheses: the fields start after the last ")".
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (pid > 1 && inTree(stats.get(pid)?.parent ?? 0));
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks / 100; // USER_HZ
}

async function transactions(db: ReturnType<typeof createPrismaClient>): Promise<number> {
  // Backends flush their statistics at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`;
  return Number(row!.n);
}

type Reply = { status: number; bytes: number; headers: http.IncomingHttpHeaders };

function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, headers: res.headers }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function waitFor(url: string) {
  const agent = new http.Agent();
  for (let i = 0; i < 600; i++) {
    try {
      if ((await get(agent, url, {})).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200`);
}

async function load(url: string, headers: Record<string, string>, forSeconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const until = performance.now() + forSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const reply = await get(agent, url, headers);
        latencies.push(performance.now() - t);
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    count: latencies.length,
    rate: latencies.length / elapsed,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    statuses,
  };
}
