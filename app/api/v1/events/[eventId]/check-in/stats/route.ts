import { checkInStats } from "@/lib/check-in/stats";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

/** Arrivals against tickets sold, for the door's live counter. Never cached. */
export const GET = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params }) =>
  json(await checkInStats(services().db, { actor, eventId: params.eventId }), 200, { "cache-control": "no-store" }),
);
