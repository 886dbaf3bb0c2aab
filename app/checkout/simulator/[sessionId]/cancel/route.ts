import { z } from "zod";
import { json, route } from "@/lib/http";
import { simulatorOrNotFound } from "@/lib/payments/simulator-access";

const params = z.object({ sessionId: z.string().min(1).max(100) });

/** The simulator's Cancel button: the session expires and the order with it. */
export const POST = route({ access: "public", params }, async ({ params }) => {
  return json(await simulatorOrNotFound().cancel(params.sessionId));
});
