import { config, serviceModes } from "@/lib/config";
import { db } from "@/lib/db";
import { checkHealth, healthResponse, type HealthProbe } from "@/lib/health/check";
import { redisConnection } from "@/lib/redis/client";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const redis = redisConnection(config());
  const probes: HealthProbe[] = redis
    ? [{ name: "redis", mode: redis.kind, check: async () => void (await redis.ping()) }]
    : [];
  return healthResponse(await checkHealth({ db, modes: serviceModes(), probes }));
}
