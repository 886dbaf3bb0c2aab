import { publishEvent } from "@/lib/events/publishing";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

/** Puts a draft on sale once it is complete (409 with `details.problems` otherwise). */
export const POST = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params }) => {
  const event = await publishEvent(services(), { actor, eventId: params.eventId });
  return json({ event });
});
