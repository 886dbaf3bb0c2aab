import { duplicateEvent } from "@/lib/events/authoring";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

/** A new draft copy of the event, its seats copied afresh from the same layout version. */
export const POST = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params }) => {
  const event = await duplicateEvent(services(), { actor, eventId: params.eventId });
  return json({ event }, 201, { location: `/api/v1/events/${event.id}` });
});
