import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { changeQueueControl, queueControlChanges, queueOverview } from "@/lib/queue/organizer";
import { services } from "@/lib/services";

/** The waiting room's live figures (owners and managers of the event's organization, admins). */
export const GET = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params }) =>
  json(await queueOverview(services(), { actor, eventId: params.eventId }), 200, { "cache-control": "no-store" }),
);

/** Pause or resume admission, or set its rate. */
export const PATCH = route(
  { access: "signed-in", params: idParams("eventId"), body: queueControlChanges },
  async ({ actor, params, body }) =>
    json(await changeQueueControl(services(), { actor, eventId: params.eventId, changes: body })),
);
