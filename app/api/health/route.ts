import { healthResponse } from "@/lib/health/check";
import { currentHealth } from "@/lib/health/current";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return healthResponse(await currentHealth(services()));
}
