"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { createEvent, duplicateEvent, updateEvent } from "@/lib/events/authoring";
import { setEventImage } from "@/lib/events/event-images";
import {
  createEventForm,
  eventDetailsForm,
  eventIdForm,
  newTicketTypeForm,
  ticketTypeForm,
  ticketTypeIdForm,
} from "@/lib/events/event-schemas";
import { publishEvent, unpublishEvent } from "@/lib/events/publishing";
import { cancelEventAsOrganizer, cancelEventInput } from "@/lib/orders/cancellation";
import { addTicketType, deleteTicketType, updateTicketType } from "@/lib/events/ticket-types";
import { services } from "@/lib/services";

// The event pages' server actions: parse (the same schemas as the API, form flavour),
// authorize (inside each domain function, as for the API), one domain call, a message.

const orgSlug = z.string().regex(/^[a-z0-9-]{1,100}$/);
const eventPath = (slug: string, eventId: string) => `/organizer/${slug}/events/${encodeURIComponent(eventId)}`;

/**
 * Adds `orgSlug` (for the redirect) to a form schema, keeping the form's field errors where they were.
 * The form itself is parsed without it, so a strict form schema (eventIdForm) does not refuse it.
 */
function withOrgSlug<S extends z.ZodType>(schema: S) {
  return z.looseObject({ orgSlug }).transform(({ orgSlug: slug, ...form }, ctx) => {
    const parsed = schema.safeParse(form);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { orgSlug: slug, form: parsed.data as z.infer<S> };
  });
}

const detailsEcho = ["title", "description", "performers", "category", "tags", "startsAt", "endsAt", "onSaleAt"];

export const createEventAction = formAction(
  {
    access: "signed-in",
    schema: withOrgSlug(createEventForm),
    echo: [...detailsEcho, "perOrderLimit", "holdMinutes", "venueId", "layoutId", "gaName", "gaPrice", "gaCapacity"],
  },
  async ({ orgSlug, form }, actor) => {
    const event = await createEvent(services(), { actor, input: form });
    redirect(`${eventPath(orgSlug, event.id)}?created=1`);
  },
);

export const updateDetailsAction = formAction(
  { access: "signed-in", schema: eventDetailsForm, echo: [...detailsEcho, "perOrderLimit", "holdMinutes"] },
  async ({ eventId, ...changes }, actor) => {
    await updateEvent(services(), { actor, eventId, changes });
    return { ok: true, message: "Details saved." };
  },
);

export const updateTicketTypeAction = formAction(
  { access: "signed-in", schema: ticketTypeForm },
  async ({ eventId, ticketTypeId, ...changes }, actor) => {
    await updateTicketType(services(), { actor, eventId, ticketTypeId, changes });
    return { ok: true, message: "Ticket type saved." };
  },
);

export const addTicketTypeAction = formAction(
  { access: "signed-in", schema: newTicketTypeForm, echo: ["name", "price", "fee", "capacity"] },
  async ({ eventId, ...input }, actor) => {
    await addTicketType(services(), { actor, eventId, input });
    return { ok: true, message: "Ticket type added." };
  },
);

export const deleteTicketTypeAction = formAction(
  { access: "signed-in", schema: ticketTypeIdForm },
  async ({ eventId, ticketTypeId }, actor) => {
    await deleteTicketType(services(), { actor, eventId, ticketTypeId });
    return { ok: true, message: "Ticket type deleted." };
  },
);

export const publishAction = formAction({ access: "signed-in", schema: eventIdForm }, async ({ eventId }, actor) => {
  await publishEvent(services(), { actor, eventId });
  return { ok: true, message: "Published: the event is public and tickets go on sale at the on-sale time." };
});

export const unpublishAction = formAction({ access: "signed-in", schema: eventIdForm }, async ({ eventId }, actor) => {
  await unpublishEvent(services(), { actor, eventId });
  return { ok: true, message: "Back to draft: the event is no longer public." };
});

export const duplicateAction = formAction(
  { access: "signed-in", schema: withOrgSlug(eventIdForm) },
  async ({ orgSlug, form }, actor) => {
    const copy = await duplicateEvent(services(), { actor, eventId: form.eventId });
    redirect(`${eventPath(orgSlug, copy.id)}?duplicated=1`);
  },
);

const imageForm = z.strictObject({
  eventId: z.string().min(1),
  image: z.instanceof(File, { message: "Choose an image file." }),
});

export const uploadImageAction = formAction(
  { access: "signed-in", schema: imageForm },
  async ({ eventId, image }, actor) => {
    await setEventImage(services(), { actor, eventId, bytes: new Uint8Array(await image.arrayBuffer()) });
    return { ok: true, message: "Image saved." };
  },
);

// ---- Cancellation slot -------------------------------------------------------------------
// Cancelling belongs to lib/orders (refunds, open orders, holds); this action only puts it
// on the event page: authorize as for every authoring change, cancel, expire the page.
export const cancelEventAction = formAction(
  { access: "signed-in", schema: eventIdForm.extend(cancelEventInput.shape), echo: ["reason"] },
  async ({ eventId, reason }, actor) => {
    const result = await cancelEventAsOrganizer(services(), { actor, eventId, ...(reason ? { reason } : {}) });
    return {
      ok: true,
      message:
        result.outcome === "already-cancelled"
          ? "The event was already cancelled."
          : "The event is cancelled. Paid orders are being refunded; progress shows below.",
    };
  },
);
