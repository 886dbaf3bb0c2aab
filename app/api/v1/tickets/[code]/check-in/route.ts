import { checkInTicket, undoCheckIn } from "@/lib/check-in/check-in";
import { checkInInput, undoCheckInQuery } from "@/lib/check-in/schemas";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

/** A scan at the door: 200 with the answer (VALID, ALREADY_CHECKED_IN, VOID, WRONG_EVENT, NOT_FOUND). Idempotent by scanId. */
export const POST = route(
  { access: "signed-in", params: idParams("code"), body: checkInInput },
  async ({ actor, params, body }) => json(await checkInTicket(services(), { ...body, actor, code: params.code })),
);

/** Undoes the ticket's check-in: 200 with what was undone; 409 when it is not checked in. */
export const DELETE = route(
  { access: "signed-in", params: idParams("code"), query: undoCheckInQuery },
  async ({ actor, params, query }) =>
    json(
      await undoCheckIn(services(), {
        actor,
        code: params.code,
        ...(query.deviceId ? { deviceId: query.deviceId } : {}),
      }),
    ),
);
