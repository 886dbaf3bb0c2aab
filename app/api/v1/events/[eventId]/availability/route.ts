import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { ticketPanel } from "@/lib/inventory/ticket-panel";
import { services } from "@/lib/services";

/**
 * An event (by id or slug) as its page's ticket panel needs it live: its id, sale state, tiers with
 * what is left, the versioned URL of its seat-map geometry and the seats not for sale right now.
 */
export const GET = route({ access: "public", params: idParams("eventId") }, async ({ params }) =>
  json(await ticketPanel(services(), params.eventId), 200, { "cache-control": "no-store" }),
);
