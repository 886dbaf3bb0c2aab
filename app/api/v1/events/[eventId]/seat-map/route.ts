import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { publicEventId } from "@/lib/events/queries";
import { seatGeometryFile, seatGeometryResponse } from "@/lib/events/seat-geometry";
import { services } from "@/lib/services";

const query = z.strictObject({ v: z.string().max(100).optional() });

/**
 * The seat-map geometry of a public event (seat ids, labels, positions, ticket types), immutable for
 * the event: cached for a year under its versioned URL (by id), compressed, with a strong ETag. By slug
 * and without a version it must be revalidated: the event page reads it so, alongside the live panel
 * that names the versioned URL, and uses it when the versions match. Live status comes from
 * GET …/seats?statusOnly=1.
 */
export const GET = route(
  { access: "public", params: idParams("eventId"), query },
  async ({ request, params, query }) => {
    const { db } = services();
    const eventId = query.v ? params.eventId : await publicEventId(db, params.eventId, { bySlug: true });
    const file = eventId ? await seatGeometryFile(db, eventId) : null;
    if (!file) throw new AppError("NOT_FOUND", "No seat map for this event.");
    return seatGeometryResponse(file, {
      version: query.v,
      acceptEncoding: request.headers.get("accept-encoding"),
      ifNoneMatch: request.headers.get("if-none-match"),
    });
  },
);
