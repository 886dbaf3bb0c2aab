import { z } from "zod";
import { json, route } from "@/lib/http";
import { pathId } from "@/lib/http-params";
import { liveHoldsOfFan } from "@/lib/inventory/fan-holds";
import { services } from "@/lib/services";

const query = z.strictObject({ eventId: pathId });

/**
 * The signed-in fan's live holds for one event, with the server's clock so a countdown
 * can correct for the browser's. Per user, so never cached: the event page around it is.
 */
export const GET = route({ access: "signed-in", query }, async ({ actor, query }) => {
  const { db, clock } = services();
  const now = clock();
  const holds = await liveHoldsOfFan(db, { userId: actor.userId, eventId: query.eventId, now });
  return json({ now: now.toISOString(), holds }, 200, { "cache-control": "private, no-store" });
});
