import { ticketTypeChanges } from "@/lib/events/event-schemas";
import { deleteTicketType, updateTicketType } from "@/lib/events/ticket-types";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

const params = idParams("eventId", "ticketTypeId");

/** Changes a ticket type: new prices apply to later sales; capacity never below sold + held. */
export const PATCH = route(
  { access: "signed-in", params, body: ticketTypeChanges },
  async ({ actor, params, body }) => {
    const event = await updateTicketType(services(), { actor, ...params, changes: body });
    return json({ ticketType: event.ticketTypes.find((t) => t.id === params.ticketTypeId), event });
  },
);

/** Deletes a ticket type that never sold or held a ticket (reserved types stay: their seats need a price). */
export const DELETE = route({ access: "signed-in", params }, async ({ actor, params }) => {
  await deleteTicketType(services(), { actor, ...params });
  return new Response(null, { status: 204 });
});
