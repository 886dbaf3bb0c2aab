import { ticketTypeInput } from "@/lib/events/event-schemas";
import { addTicketType } from "@/lib/events/ticket-types";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

/** Adds a general-admission ticket type to the event. */
export const POST = route(
  { access: "signed-in", params: idParams("eventId"), body: ticketTypeInput },
  async ({ actor, params, body }) => {
    const { ticketTypeId, event } = await addTicketType(services(), { actor, eventId: params.eventId, input: body });
    const ticketType = event.ticketTypes.find((t) => t.id === ticketTypeId);
    return json({ ticketType, event }, 201);
  },
);
