import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { holdRequestInput } from "@/lib/inventory/schemas";
import { holdTickets } from "@/lib/orders/holds";
import { enforceRateLimit } from "@/lib/rate-limit";
import { services } from "@/lib/services";

export const POST = route(
  { access: "signed-in", params: idParams("eventId"), body: holdRequestInput },
  async ({ actor, params, body }) => {
    await enforceRateLimit(services(), { key: `holds:${actor.userId}`, limit: 20, windowSeconds: 60 });
    const hold = await holdTickets(services(), { userId: actor.userId, eventId: params.eventId, input: body });
    return json(hold, 201, { location: `/api/v1/holds/${hold.holdId}` });
  },
);
