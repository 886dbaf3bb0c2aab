import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { cancelEventAsOrganizer, cancelEventInput } from "@/lib/orders/cancellation";
import { services } from "@/lib/services";

/** Cancels an event: sales stop at once, every paid order is refunded by the worker (see its progress on the dashboard). */
export const POST = route(
  { access: "signed-in", params: idParams("eventId"), body: cancelEventInput.optional() },
  async ({ actor, params, body }) => {
    const result = await cancelEventAsOrganizer(services(), { actor, eventId: params.eventId, ...(body ?? {}) });
    return json({
      outcome: result.outcome,
      pendingOrdersCancelled: result.pendingOrdersCancelled,
      holdsReleased: result.holdsReleased,
    });
  },
);
