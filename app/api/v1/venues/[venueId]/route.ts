import { venueChanges } from "@/lib/events/venue-input";
import { authorizeVenue, updateVenue, venueDetails } from "@/lib/events/venues";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

const params = idParams("venueId");

export const GET = route({ access: "signed-in", params }, async ({ actor, params }) => {
  const { db } = services();
  const { organizationId } = await authorizeVenue(db, actor, params.venueId);
  return json({ venue: await venueDetails(db, { organizationId, venueId: params.venueId }) });
});

export const PATCH = route({ access: "signed-in", params, body: venueChanges }, async ({ actor, params, body }) => {
  const { db } = services();
  const { organizationId } = await authorizeVenue(db, actor, params.venueId);
  return json({
    venue: await updateVenue(db, { organizationId, venueId: params.venueId, changes: body, actorId: actor.userId }),
  });
});
