"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, type FormState } from "@/lib/actions";
import { requireOrganizationRole } from "@/lib/auth/memberships";
import { AppError } from "@/lib/errors";
import { saveLayoutVersion } from "@/lib/events/venue-layouts";
import { venueFormFields } from "@/lib/events/venue-input";
import { authorizeVenue, createVenue, updateVenue } from "@/lib/events/venues";
import { pathId } from "@/lib/http-params";
import { services } from "@/lib/services";

const VENUE_FIELDS = [
  "name",
  "address",
  "city",
  "region",
  "postalCode",
  "country",
  "timeZone",
  "latitude",
  "longitude",
];
const orgSlug = z.string().regex(/^[a-z0-9-]{1,100}$/);

function revalidateVenuePages() {
  revalidatePath("/organizer/[orgSlug]/venues", "page");
  revalidatePath("/organizer/[orgSlug]/venues/[venueId]", "page");
}

export const createVenueAction = formAction(
  {
    access: "signed-in",
    schema: venueFormFields.extend({ organizationId: pathId, orgSlug }),
    echo: VENUE_FIELDS,
  },
  async ({ organizationId, orgSlug, ...input }, actor) => {
    const { db } = services();
    await requireOrganizationRole(db, actor, organizationId);
    const venue = await createVenue(db, { organizationId, input, actorId: actor.userId });
    redirect(`/organizer/${orgSlug}/venues/${venue.id}?created=1`);
  },
);

export const updateVenueAction = formAction(
  { access: "signed-in", schema: venueFormFields.extend({ venueId: pathId }), echo: VENUE_FIELDS },
  async ({ venueId, ...changes }, actor) => {
    const { db } = services();
    const { organizationId } = await authorizeVenue(db, actor, venueId);
    const venue = await updateVenue(db, { organizationId, venueId, changes, actorId: actor.userId });
    revalidateVenuePages();
    // React resets the form after an action; hand back what was saved so the fields show it.
    const values = Object.fromEntries(VENUE_FIELDS.map((key) => [key, String(venue[key as keyof typeof venue] ?? "")]));
    return { ok: true, message: "Venue saved.", values };
  },
);

const layoutForm = z.strictObject({
  venueId: pathId,
  document: z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "is not valid JSON" });
      return z.NEVER;
    }
  }),
});

/** Saves the builder's layout as the venue's next version; the validator's issues come back by path. */
export const saveLayoutAction = formAction(
  { access: "signed-in", schema: layoutForm },
  async ({ venueId, document }, actor): Promise<FormState> => {
    const { db } = services();
    await authorizeVenue(db, actor, venueId);
    try {
      const saved = await saveLayoutVersion(db, { venueId, document, createdById: actor.userId });
      // The venue pages list versions; the builder itself keeps its state and is not re-rendered.
      revalidateVenuePages();
      return { ok: true, message: `Saved as version ${saved.version}.`, created: { version: String(saved.version) } };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED") throw error;
      const { issues } = error.details as { issues: { path: string; message: string }[] };
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of issues) (fieldErrors[issue.path || "layout"] ??= []).push(issue.message);
      return { ok: false, message: "The layout has problems; nothing was saved.", fieldErrors };
    }
  },
);
