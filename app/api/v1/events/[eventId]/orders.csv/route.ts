import { route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { eventExportResponse } from "@/lib/reports/exports";
import { services } from "@/lib/services";

/** The event's orders, one line each, as CSV streamed page by page (lib/reports/exports.ts). */
export const GET = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params }) =>
  eventExportResponse(services().db, { actor, eventId: params.eventId, kind: "orders" }),
);
