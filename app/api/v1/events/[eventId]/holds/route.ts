import { z } from "zod";
import { db } from "@/lib/db";
import { json, route } from "@/lib/http";
import { holdStore } from "@/lib/inventory";
import { createHold } from "@/lib/inventory/holds";
import { holdRequestInput } from "@/lib/inventory/schemas";
import { enforceRateLimit } from "@/lib/rate-limit";

const params = z.object({ eventId: z.string().min(1).max(64) });

export const POST = route({ access: "signed-in", params, body: holdRequestInput }, async ({ actor, params, body }) => {
  await enforceRateLimit({ key: `holds:${actor.userId}`, limit: 20, windowSeconds: 60 });
  const hold = await createHold(
    { db, store: holdStore() },
    { userId: actor.userId, eventId: params.eventId, input: body },
  );
  return json(hold, 201, { location: `/api/v1/holds/${hold.holdId}` });
});
