import { updateEvent } from "@/lib/events/authoring";
import { eventChanges } from "@/lib/events/event-schemas";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { eventWithAvailability } from "@/lib/inventory/event-details";
import { services } from "@/lib/services";

/** An event by id or slug, with its venue, ticket types, all-in prices and what is left. */
export const GET = route({ access: "public", params: idParams("eventId") }, async ({ params }) => {
  const { db, holds, clock } = services();
  const event = await eventWithAvailability(db, holds, params.eventId, clock());
  if (!event) throw new AppError("NOT_FOUND", "No such event.");
  return json(event);
});

/** Edits an event's details (owners and managers of its organization). */
export const PATCH = route(
  { access: "signed-in", params: idParams("eventId"), body: eventChanges },
  async ({ actor, params, body }) => {
    const event = await updateEvent(services(), { actor, eventId: params.eventId, changes: body });
    return json({ event });
  },
);
