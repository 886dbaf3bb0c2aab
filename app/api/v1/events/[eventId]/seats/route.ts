import { z } from "zod";
import { json, route } from "@/lib/http";
import { conditionalJson } from "@/lib/http-cache";
import { idParams } from "@/lib/http-params";
import { liveSeats } from "@/lib/inventory/availability";
import { seatStatus } from "@/lib/inventory/seat-status";
import { services } from "@/lib/services";

const query = z.strictObject({ statusOnly: z.enum(["0", "1", "true", "false"]).optional() });

// The poll: up to a second old (lib/inventory/seat-status.ts), so browsers and CDNs may keep it that long
// and must then revalidate (ETag → 304). One more second stale while a CDN revalidates, no more: a seat
// taken elsewhere should not look free for long, though the hold, not this list, is what guards it.
const STATUS_CACHE_CONTROL = "public, max-age=1, stale-while-revalidate=1";

export const GET = route(
  { access: "public", params: idParams("eventId"), query },
  async ({ params, query, request }) => {
    const statusOnly = query.statusOnly === "1" || query.statusOnly === "true";
    // Polling clients fetch the static layout once and then only what is not for sale.
    if (statusOnly) {
      const snapshot = await seatStatus(services(), { eventId: params.eventId });
      return conditionalJson(request, snapshot, { "cache-control": STATUS_CACHE_CONTROL });
    }
    return json(await liveSeats(services(), { eventId: params.eventId, statusOnly }), 200, {
      "cache-control": "no-store",
    });
  },
);
