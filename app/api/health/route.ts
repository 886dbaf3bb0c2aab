import { config, serviceModes } from "@/lib/config";
import { db } from "@/lib/db";
import { checkHealth, type HealthProbe } from "@/lib/health/check";
import { redisConnection } from "@/lib/redis/client";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const redis = redisConnection(config());
  const probes: HealthProbe[] = redis
    ? [{ name: "redis", mode: redis.kind, check: async () => void (await redis.ping()) }]
    : [];
  const report = await checkHealth({ db, modes: serviceModes(), probes });
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
