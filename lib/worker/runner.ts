import "server-only";
import { hostname } from "node:os";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";

export type Job = {
  name: string;
  intervalMs: number;
  run: (db: Db) => Promise<unknown>;
};

export const HEARTBEAT_INTERVAL_MS = 10_000;

/**
 * Runs each job on its own interval until `signal` aborts. A job never overlaps
 * itself; a failing job is logged and tried again at its next tick.
 */
export async function runWorker(db: Db, jobs: Job[], signal: AbortSignal): Promise<void> {
  const workerId = `${hostname()}:${process.pid}`;
  const startedAt = new Date();
  const beat = () =>
    db.workerHeartbeat.upsert({
      where: { id: workerId },
      create: { id: workerId, jobs: jobs.map((j) => j.name), startedAt, beatAt: new Date() },
      update: { beatAt: new Date() },
    });

  const loops = [
    { name: "heartbeat", intervalMs: HEARTBEAT_INTERVAL_MS, run: async () => void (await beat()) },
    ...jobs,
  ].map(async (job) => {
    while (!signal.aborted) {
      const started = Date.now();
      try {
        const result = await job.run(db);
        if (result && typeof result === "object" && Object.values(result).some((v) => v !== 0)) {
          log.info({ job: job.name, result, ms: Date.now() - started }, "job ran");
        }
      } catch (error) {
        log.error({ job: job.name, err: error }, "job failed");
      }
      await sleep(Math.max(0, job.intervalMs - (Date.now() - started)), signal);
    }
  });
  log.info({ workerId, jobs: jobs.map((j) => j.name) }, "worker started");
  await Promise.all(loops);
  await db.workerHeartbeat.delete({ where: { id: workerId } }).catch(() => undefined);
  log.info({ workerId }, "worker stopped");
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
