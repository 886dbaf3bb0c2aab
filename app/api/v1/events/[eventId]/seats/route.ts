import { z } from "zod";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { liveSeats } from "@/lib/inventory/availability";
import { services } from "@/lib/services";

const query = z.strictObject({ statusOnly: z.enum(["0", "1", "true", "false"]).optional() });

export const GET = route({ access: "public", params: idParams("eventId"), query }, async ({ params, query }) => {
  // Polling clients fetch the static layout once and then only what is not for sale.
  const statusOnly = query.statusOnly === "1" || query.statusOnly === "true";
  return json(await liveSeats(services(), { eventId: params.eventId, statusOnly }), 200, {
    "cache-control": "no-store",
  });
});
