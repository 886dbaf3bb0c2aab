import { z } from "zod";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { simulatorOrNotFound } from "@/lib/payments/simulator-access";
import { services } from "@/lib/services";

const params = idParams("sessionId");
const body = z.strictObject({ card: z.string().max(30).optional() }).optional();

/** The simulator's Pay button; returns once the signed webhook has been delivered and handled. */
export const POST = route({ access: "public", params, body }, async ({ params, body }) => {
  return json(await simulatorOrNotFound(services().simulator).pay(params.sessionId, body?.card));
});
