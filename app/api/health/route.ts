import { isDemoPayments, serviceModes } from "@/lib/config";
import { checkHealth, healthResponse, type HealthProbe } from "@/lib/health/check";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { db, redis, config } = services();
  const probes: HealthProbe[] = redis
    ? [{ name: "redis", mode: redis.kind, check: async () => void (await redis.ping()) }]
    : [];
  return healthResponse(
    await checkHealth({ db, modes: serviceModes(config), demoPayments: isDemoPayments(config), probes }),
  );
}
