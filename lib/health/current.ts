import "server-only";
import { isDemoPayments, serviceModes } from "@/lib/config";
import type { Services } from "@/lib/services";
import { checkHealth, type HealthProbe, type HealthReport } from "./check";

/** This instance's health, as `/api/health` reports it and `/status` shows it. */
export function currentHealth({ db, redis, config }: Pick<Services, "db" | "redis" | "config">): Promise<HealthReport> {
  const probes: HealthProbe[] = redis
    ? [{ name: "redis", mode: redis.kind, check: async () => void (await redis.ping()) }]
    : [];
  return checkHealth({ db, modes: serviceModes(config), demoPayments: isDemoPayments(config), probes });
}
