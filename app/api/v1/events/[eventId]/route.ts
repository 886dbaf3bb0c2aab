import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { eventDetails } from "@/lib/events/details";
import { json, route } from "@/lib/http";
import { holdStore } from "@/lib/inventory";

const params = z.object({ eventId: z.string().min(1).max(200) });

/** An event by id or slug, with its venue, ticket types, all-in prices and what is left. */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const event = await eventDetails(db, holdStore(), params.eventId);
  if (!event) throw new AppError("NOT_FOUND", "No such event.");
  return json(event);
});
