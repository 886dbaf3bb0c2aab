import { config, ConfigError } from "@/lib/config";

// `npm run worker`: delivers the outbox and runs the periodic jobs until SIGINT/SIGTERM.
try {
  config();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
// Imported only once the configuration is known to be valid: these read it on load.
const { log } = await import("@/lib/log");
const { services } = await import("@/lib/services");
const { workerJobs } = await import("@/lib/worker/jobs");
const { runWorker } = await import("@/lib/worker/runner");

const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
const { db } = services();
await runWorker(db, workerJobs(services()), stop.signal);
await db.$disconnect();
log.flush();
