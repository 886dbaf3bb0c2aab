import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { simulatorOrNotFound } from "@/lib/payments/simulator-access";
import { services } from "@/lib/services";

const params = idParams("sessionId");

/** The simulator's Cancel button: the session expires and the order with it. */
export const POST = route({ access: "public", params }, async ({ params }) => {
  return json(await simulatorOrNotFound(services().simulator).cancel(params.sessionId));
});
