import { z } from "zod";
import { saveLayoutVersion, layoutVersion } from "@/lib/events/venue-layouts";
import { authorizeVenue } from "@/lib/events/venues";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { services } from "@/lib/services";

const params = idParams("venueId");

// A layout is a few kilobytes per section plus its seat overrides; a big arena
// with many marked seats passes the API's usual 64 kB.
const LAYOUT_BODY_LIMIT_BYTES = 512 * 1024;

/** Saves the body as the venue's next layout version; the validator's issues come back in a 400. */
export const PUT = route(
  { access: "signed-in", params, body: z.unknown(), bodyLimitBytes: LAYOUT_BODY_LIMIT_BYTES },
  async ({ actor, params, body }) => {
    const { db } = services();
    await authorizeVenue(db, actor, params.venueId);
    const layout = await saveLayoutVersion(db, { venueId: params.venueId, document: body, createdById: actor.userId });
    return json({ layout }, 201);
  },
);

const query = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

/** The latest saved layout with its document, or the version asked for. */
export const GET = route({ access: "signed-in", params, query }, async ({ actor, params, query }) => {
  const { db } = services();
  await authorizeVenue(db, actor, params.venueId);
  const layout = await layoutVersion(db, { venueId: params.venueId, version: query.version });
  if (!layout) throw new AppError("NOT_FOUND", query.version ? "No such layout version." : "No layout saved yet.");
  return json({ layout });
});
