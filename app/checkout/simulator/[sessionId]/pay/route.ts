import { z } from "zod";
import { json, route } from "@/lib/http";
import { simulatorOrNotFound } from "@/lib/payments/simulator-access";

const params = z.object({ sessionId: z.string().min(1).max(100) });
const body = z.strictObject({ card: z.string().max(30).optional() }).optional();

/** The simulator's Pay button; returns once the signed webhook has been delivered and handled. */
export const POST = route({ access: "public", params, body }, async ({ params, body }) => {
  return json(await simulatorOrNotFound().pay(params.sessionId, body?.card));
});
