import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { holdStore } from "@/lib/inventory";
import { seatMap, unavailableSeats } from "@/lib/inventory/availability";

const params = z.object({ eventId: z.string().min(1).max(64) });
const query = z.strictObject({ statusOnly: z.enum(["0", "1", "true", "false"]).optional() });

export const GET = route({ access: "public", params, query }, async ({ params, query }) => {
  const event = await db.event.findFirst({
    where: { id: params.eventId, status: { not: "DRAFT" } },
    select: { id: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "No such event.");
  const headers = { "cache-control": "no-store" };
  // Polling clients fetch the static layout once and then only what is not for sale.
  if (query.statusOnly === "1" || query.statusOnly === "true") {
    return json({ eventId: event.id, unavailable: await unavailableSeats(db, holdStore(), event.id) }, 200, headers);
  }
  return json({ eventId: event.id, seats: await seatMap(db, holdStore(), event.id) }, 200, headers);
});
