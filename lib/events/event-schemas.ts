import { z } from "zod";
import { minorUnitDigits } from "@/lib/money";
import { isLocalDateTime } from "@/lib/zoned-time";

// What organizers send to create and edit events and ticket types, once for the JSON API
// and the dashboard's forms. The API schemas are the contract; each form schema turns a
// form's strings into the same shape and pipes it through the API schema, so a rule lives
// in one place. Times are either the venue's wall clock ("2027-03-14T20:00", what a form's
// datetime-local input sends) or an ISO instant with an offset ("2027-03-15T00:00:00Z").

export const EVENT_CATEGORIES = ["CONCERT", "SPORTS", "THEATRE", "COMEDY", "FAMILY"] as const;

/** A venue-local "YYYY-MM-DDTHH:mm", or an ISO 8601 instant with Z or an offset. */
export const eventTime = z
  .string()
  .trim()
  .refine(
    (value) => isLocalDateTime(value) || z.iso.datetime({ offset: true }).safeParse(value).success,
    "must be a date and time: YYYY-MM-DDTHH:mm in the venue's time zone, or ISO 8601 with an offset",
  );

const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const minor = z.number().int("must be whole minor units (cents)").min(0).max(100_000_000);
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD");
const zoneKey = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, "must be a zone key of the seat map");

const eventFields = {
  title: text(200),
  /** Markdown, rendered without raw HTML. */
  description: z.string().max(10_000, "must be at most 10,000 characters"),
  performers: z.array(text(200)).max(20, "at most 20 performers"),
  category: z.enum(EVENT_CATEGORIES),
  tags: z.array(text(50)).max(20, "at most 20 tags"),
  startsAt: eventTime,
  endsAt: eventTime,
  onSaleAt: eventTime,
  /** The most tickets one fan may buy for the event, across orders. */
  perOrderLimit: z.number().int().min(1).max(50),
  /** How long a fan's seats stay held while they pay. */
  holdMinutes: z.number().int().min(2).max(60),
  /** Send fans through the waiting room when sales open. */
  queueEnabled: z.boolean(),
};

const ticketTypeFields = {
  name: text(100),
  priceMinor: minor,
  feeMinor: minor,
  salesStartAt: eventTime.nullable(),
  salesEndAt: eventTime.nullable(),
  minPerOrder: z.number().int().min(1).max(50),
  maxPerOrder: z.number().int().min(1).max(50).nullable(),
  hidden: z.boolean(),
  sortOrder: z.number().int().min(0).max(1_000),
};

const orderSizes = (t: { minPerOrder?: number; maxPerOrder?: number | null }) =>
  t.maxPerOrder == null || t.minPerOrder === undefined || t.minPerOrder <= t.maxPerOrder;
const orderSizesIssue = { message: "must not be below the minimum per order", path: ["maxPerOrder"] };

/**
 * A ticket type. Without `zone` it is general admission and needs a capacity. With the
 * `zone` of the event's seat map it prices that zone: its seats (reserved) or its standing
 * area (general admission, capacity from the map) — only when the event is created.
 */
export const ticketTypeInput = z
  .strictObject({
    ...ticketTypeFields,
    feeMinor: ticketTypeFields.feeMinor.default(0),
    currency: currency.optional(),
    capacity: z.number().int().min(1).max(1_000_000).optional(),
    zone: zoneKey.optional(),
    salesStartAt: ticketTypeFields.salesStartAt.optional(),
    salesEndAt: ticketTypeFields.salesEndAt.optional(),
    minPerOrder: ticketTypeFields.minPerOrder.default(1),
    maxPerOrder: ticketTypeFields.maxPerOrder.optional(),
    hidden: ticketTypeFields.hidden.default(false),
    sortOrder: ticketTypeFields.sortOrder.optional(),
  })
  .refine(orderSizes, orderSizesIssue)
  .refine((t) => t.zone !== undefined || t.capacity !== undefined, {
    message: "is required for general admission (or give the zone of the seat map this type prices)",
    path: ["capacity"],
  });
export type TicketTypeInput = z.infer<typeof ticketTypeInput>;

/** Changes to a ticket type; prices apply to sales from now on (orders keep what they paid). */
const ticketTypeChangesShape = z
  .strictObject({ ...ticketTypeFields, capacity: z.number().int().min(0).max(1_000_000) })
  .partial();
export const ticketTypeChanges = ticketTypeChangesShape
  .refine(orderSizes, orderSizesIssue)
  .refine((t) => Object.keys(t).length > 0, "send at least one field to change");
export type TicketTypeChanges = z.infer<typeof ticketTypeChanges>;

export const createEventInput = z.strictObject({
  /** Optional check: the venue must belong to this organization. */
  organizationId: z.string().min(1).max(200).optional(),
  venueId: z.string().min(1).max(200),
  /** The venue layout version to copy seats from; omit (or null) for general admission only. */
  layoutId: z.string().min(1).max(200).nullable().optional(),
  ...eventFields,
  description: eventFields.description.default(""),
  performers: eventFields.performers.default([]),
  tags: eventFields.tags.default([]),
  onSaleAt: eventFields.onSaleAt.optional(),
  perOrderLimit: eventFields.perOrderLimit.default(8),
  holdMinutes: eventFields.holdMinutes.default(10),
  queueEnabled: eventFields.queueEnabled.default(false),
  /** The currency of every ticket type of the event. */
  currency: currency.default("USD"),
  /** With a layout: one per zone of the seat map (more GA types may follow). */
  ticketTypes: z.array(ticketTypeInput).max(50).default([]),
});
export type CreateEventInput = z.infer<typeof createEventInput>;

const eventChangesShape = z.strictObject(eventFields).partial();
export const eventChanges = eventChangesShape.refine(
  (t) => Object.keys(t).length > 0,
  "send at least one field to change",
);
export type EventChanges = z.infer<typeof eventChanges>;

// ---- The dashboard's forms: strings in, the API's shapes out ----------------------------
// Field errors keep the form's own names ("price", "zonePrice.floor") so they appear beside
// the input that caused them.

/** "25", "25.5", "25.50" → 2550 (two-digit currencies; the dashboard shows prices in major units). */
export function majorToMinor(value: string, digits = 2): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{0,3}))?$/.exec(value.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0);
}

const formText = z.string().trim();
const optionalFormText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
const lines = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
const formInt = z.string().trim().regex(/^\d+$/, "must be a whole number").transform(Number);
const optionalFormInt = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined))
  .pipe(formInt.optional());
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
/**
 * Major units to minor units in `currency`, reporting a malformed amount at `field`. An empty
 * price is an error (free tickets are a deliberate 0); an empty fee is no fee.
 */
function formAmount(ctx: z.RefinementCtx, field: string, value: unknown, currency: string, emptyIs?: 0): number {
  const text = String(value ?? "").trim();
  if (text === "" && emptyIs === undefined) {
    ctx.addIssue({ code: "custom", path: [field], message: "is required (0 for free tickets)" });
    return 0;
  }
  const amount = majorToMinor(text || "0", digitsOf(currency));
  if (amount === null)
    ctx.addIssue({ code: "custom", path: [field], message: "must be an amount such as 25 or 25.50" });
  return amount ?? 0;
}

function digitsOf(currency: string): number {
  try {
    return minorUnitDigits(currency);
  } catch {
    return 2; // not a currency: the API schema reports it
  }
}

const formEventFields = {
  title: formText,
  description: z.string().optional().default(""),
  performers: lines,
  category: formText,
  tags: lines,
  startsAt: formText,
  endsAt: formText,
  onSaleAt: optionalFormText,
  perOrderLimit: formInt,
  holdMinutes: formInt,
  queueEnabled: checkbox,
};

/** The "New event" form; zone prices arrive as `zonePrice.<zone>` (with `zoneName.<zone>`) fields. */
export const createEventForm = z
  .looseObject({
    ...formEventFields,
    organizationId: optionalFormText,
    venueId: formText,
    layoutId: optionalFormText,
    currency: formText.default("USD"),
    gaName: optionalFormText,
    gaPrice: optionalFormText,
    gaCapacity: optionalFormInt,
  })
  .transform(({ gaName, gaPrice, gaCapacity, ...form }, ctx): z.input<typeof createEventInput> => {
    const price = (field: string, value: unknown) => formAmount(ctx, field, value, form.currency);
    const zoneTypes = !form.layoutId
      ? []
      : Object.keys(form)
          .filter((key) => key.startsWith("zonePrice."))
          .map((key) => {
            const zone = key.slice("zonePrice.".length);
            return { zone, name: String(form[`zoneName.${zone}`] ?? zone), priceMinor: price(key, form[key]) };
          });
    // Only the fields of the chosen seating count: zone prices with a seat map, the GA row without.
    const gaTypes =
      !form.layoutId && (gaName || gaPrice || gaCapacity !== undefined)
        ? [
            {
              name: gaName ?? "General admission",
              priceMinor: price("gaPrice", gaPrice),
              ...(gaCapacity === undefined ? {} : { capacity: gaCapacity }),
            },
          ]
        : [];
    return {
      ...(form.organizationId ? { organizationId: form.organizationId } : {}),
      venueId: form.venueId,
      ...(form.layoutId ? { layoutId: form.layoutId } : {}),
      title: form.title,
      description: form.description,
      performers: form.performers,
      category: form.category as EventCategory,
      tags: form.tags,
      startsAt: form.startsAt,
      endsAt: form.endsAt,
      ...(form.onSaleAt ? { onSaleAt: form.onSaleAt } : {}),
      perOrderLimit: form.perOrderLimit,
      holdMinutes: form.holdMinutes,
      queueEnabled: form.queueEnabled,
      currency: form.currency,
      ticketTypes: form.layoutId ? zoneTypes : gaTypes,
    };
  })
  .pipe(createEventInput);

const eventDetailsShape = eventChangesShape.extend({ eventId: z.string().min(1) });
type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** The "Details" form of the edit page: every field is sent. */
export const eventDetailsForm = z
  .strictObject({ eventId: formText, ...formEventFields })
  .transform(({ onSaleAt, ...rest }): z.input<typeof eventDetailsShape> => ({
    ...rest,
    category: rest.category as EventCategory,
    ...(onSaleAt ? { onSaleAt } : {}),
  }))
  .pipe(eventDetailsShape);

const formTicketTypeFields = {
  name: formText,
  price: formText,
  fee: formText.default(""),
  /** Only to read the amounts in the right unit; a type's currency is the event's. */
  currency: formText.default("USD"),
  capacity: optionalFormInt,
  salesStartAt: optionalFormText,
  salesEndAt: optionalFormText,
  minPerOrder: formInt,
  maxPerOrder: optionalFormInt,
  hidden: checkbox,
};

const ticketTypeFormShape = ticketTypeChangesShape
  .extend({ eventId: z.string().min(1), ticketTypeId: z.string().min(1) })
  .refine(orderSizes, orderSizesIssue);
const newTicketTypeShape = z.intersection(z.object({ eventId: z.string().min(1) }), ticketTypeInput);

/** A ticket type row of the edit page: empty sale-window fields clear the window. */
export const ticketTypeForm = z
  .strictObject({ eventId: formText, ticketTypeId: formText, ...formTicketTypeFields })
  .transform((form, ctx): z.input<typeof ticketTypeFormShape> => {
    const { price, fee, currency, capacity, salesStartAt, salesEndAt, maxPerOrder, ...rest } = form;
    return {
      ...rest,
      priceMinor: formAmount(ctx, "price", price, currency),
      feeMinor: formAmount(ctx, "fee", fee, currency, 0),
      ...(capacity === undefined ? {} : { capacity }),
      salesStartAt: salesStartAt ?? null,
      salesEndAt: salesEndAt ?? null,
      maxPerOrder: maxPerOrder ?? null,
    };
  })
  .pipe(ticketTypeFormShape);

/** The "Add a ticket type" form (general admission). */
export const newTicketTypeForm = z
  .strictObject({ eventId: formText, ...formTicketTypeFields })
  .transform((form, ctx): z.input<typeof newTicketTypeShape> => {
    const { price, fee, currency, capacity, salesStartAt, salesEndAt, maxPerOrder, ...rest } = form;
    return {
      ...rest,
      currency,
      priceMinor: formAmount(ctx, "price", price, currency),
      feeMinor: formAmount(ctx, "fee", fee, currency, 0),
      ...(capacity === undefined ? {} : { capacity }),
      ...(salesStartAt ? { salesStartAt } : {}),
      ...(salesEndAt ? { salesEndAt } : {}),
      ...(maxPerOrder === undefined ? {} : { maxPerOrder }),
    };
  })
  .pipe(newTicketTypeShape);

/** Forms that only name an event (publish, unpublish, duplicate, cancel). */
export const eventIdForm = z.strictObject({ eventId: z.string().trim().min(1) });
/** Forms that name a ticket type of an event (delete). */
export const ticketTypeIdForm = z.strictObject({ eventId: z.string().min(1), ticketTypeId: z.string().min(1) });
