import { unpublishEvent } from "@/lib/events/publishing";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

/** Takes a published event back to draft while nothing is sold, held or being paid. */
export const POST = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params }) => {
  const event = await unpublishEvent(services(), { actor, eventId: params.eventId });
  return json({ event });
});
