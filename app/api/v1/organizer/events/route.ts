import { z } from "zod";
import { ORGANIZER_ACCESS } from "@/lib/auth/authorize";
import { eventsManagedBy } from "@/lib/events/queries";
import { json, route } from "@/lib/http";
import { services } from "@/lib/services";

const query = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const GET = route({ access: ORGANIZER_ACCESS, query }, async ({ actor, query }) => {
  const { events } = await eventsManagedBy(services().db, { actor, limit: query.limit });
  return json({ items: events });
});
