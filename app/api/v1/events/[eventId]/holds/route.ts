import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { holdRequestInput } from "@/lib/inventory/schemas";
import { holdTickets } from "@/lib/orders/holds";
import { admissionTokenOf } from "@/lib/queue/admission-gate";
import { services } from "@/lib/services";

export const POST = route(
  { access: "signed-in", params: idParams("eventId"), body: holdRequestInput },
  async ({ actor, params, body, clientIp, request }) => {
    const hold = await holdTickets(services(), {
      userId: actor.userId,
      eventId: params.eventId,
      input: body,
      admissionToken: admissionTokenOf(request, params.eventId),
      clientIp,
    });
    return json(hold, 201, { location: `/api/v1/holds/${hold.holdId}` });
  },
);
