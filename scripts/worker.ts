import { config, ConfigError } from "@/lib/config";
import { createPrismaClient } from "@/lib/db-client";
import { log } from "@/lib/log";
import { workerJobs } from "@/lib/worker/jobs";
import { runWorker } from "@/lib/worker/runner";

// `npm run worker`: delivers the outbox and runs the periodic jobs until SIGINT/SIGTERM.
try {
  config();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const db = createPrismaClient(config().DATABASE_URL, 4);
const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
await runWorker(db, workerJobs(config(), db), stop.signal);
await db.$disconnect();
log.flush();
