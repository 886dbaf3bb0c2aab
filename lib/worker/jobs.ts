import "server-only";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { emailSenderFor } from "@/lib/notifications/email";
import { drainOutbox } from "@/lib/notifications/outbox";
import { WELCOME_TOPIC, welcomeEmailHandler } from "@/lib/notifications/welcome";
import type { Job } from "./runner";

/** Every periodic job of the worker; later modules add theirs here. */
export function workerJobs(config: Config, db: Db): Job[] {
  const email = emailSenderFor(config, db);
  const outboxHandlers = { [WELCOME_TOPIC]: welcomeEmailHandler(email) };
  return [{ name: "outbox", intervalMs: 1_000, run: (client) => drainOutbox(client, outboxHandlers) }];
}
