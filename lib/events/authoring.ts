import "server-only";
import { randomBytes } from "node:crypto";
import { changedFields, snapshot } from "@/lib/audit/changes";
import type { Actor } from "@/lib/auth/actor";
import { requireOrganizationRole } from "@/lib/auth/memberships";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authoredEvent } from "./authoring-view";
import { auditEventChange, authorizeEvent, changeEvent, type AuthoringDeps } from "./event-access";
import type { CreateEventInput, EventChanges } from "./event-schemas";
import { eventDateIssues, invalidFields, resolveTimes } from "./event-times";
import { enqueueSearchSync } from "./search-sync";
import { copyLayoutSeats, expandSavedLayout, venueLayoutVersion, type ExpandedLayout } from "./seat-copy";
import { planTicketTypes, type PlannedTicketType } from "./ticket-type-plan";

// Creating, editing and duplicating events. Publishing is in publishing.ts, ticket types
// in ticket-types.ts; all of them run through `changeEvent` (event-access.ts) or, for a
// new event, the same steps by hand: authorize, one transaction with the search-sync
// outbox message and the audit entry, then expire the event page's cache.

/** What the audit log keeps of a new event. */
const CREATED_FIELDS = ["title", "startsAt", "endsAt", "onSaleAt", "venueId", "layoutId"] as const;

/** "Summer Nights: Live!" → "summer-nights-live-k3x9q2": readable, and unique without a lookup. */
export function eventSlug(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const suffix = randomBytes(5).readUIntBE(0, 5).toString(36).padStart(8, "0").slice(0, 8);
  return base ? `${base}-${suffix}` : `event-${suffix}`;
}

/** Creates ticket types and, with a seat map, the event's own copy of its seats. */
async function writeInventory(
  tx: Tx,
  options: { eventId: string; types: PlannedTicketType[]; layout: ExpandedLayout | null },
) {
  const created = await tx.ticketType.createManyAndReturn({
    data: options.types.map((t) => ({ ...t, eventId: options.eventId })),
    select: { id: true, kind: true, zone: true },
  });
  const byZone = new Map(created.filter((t) => t.kind === "RESERVED" && t.zone).map((t) => [t.zone!, t.id]));
  if (options.layout) {
    await copyLayoutSeats(tx, { eventId: options.eventId, seats: options.layout.seats, ticketTypeIdByZone: byZone });
  }
}

async function venueForNewEvent(deps: AuthoringDeps, actor: Actor, input: CreateEventInput) {
  const venue = await deps.db.venue.findUnique({
    where: { id: input.venueId },
    select: { id: true, organizationId: true, timeZone: true },
  });
  const notFound = new AppError("NOT_FOUND", "No such venue.");
  if (!venue || (input.organizationId !== undefined && input.organizationId !== venue.organizationId)) throw notFound;
  try {
    await requireOrganizationRole(deps.db, actor, venue.organizationId);
  } catch (error) {
    throw error instanceof AppError && error.code === "NOT_FOUND" ? notFound : error;
  }
  return venue;
}

/**
 * Creates a draft event on a venue of the actor's organization. With `layoutId` its seats
 * are copied from that layout version (see seat-copy.ts) and every zone must be priced;
 * without, it is general admission only.
 */
export async function createEvent(deps: AuthoringDeps, options: { actor: Actor; input: CreateEventInput }) {
  const { input } = options;
  const venue = await venueForNewEvent(deps, options.actor, input);
  const layout = input.layoutId
    ? await venueLayoutVersion(deps.db, { venueId: venue.id, layoutId: input.layoutId })
    : null;
  const now = deps.clock();

  const { times, issues } = resolveTimes(input, ["startsAt", "endsAt", "onSaleAt"] as const, venue.timeZone);
  const plan = planTicketTypes(input.ticketTypes, { layout, currency: input.currency, timeZone: venue.timeZone });
  issues.push(...plan.issues);
  if (times.startsAt && times.endsAt) {
    issues.push(
      ...eventDateIssues({ startsAt: times.startsAt, endsAt: times.endsAt, onSaleAt: times.onSaleAt ?? now }),
    );
  }
  if (issues.length) throw invalidFields("The event cannot be created as sent.", issues);

  const event = await deps.db.$transaction(
    async (tx) => {
      const row = await tx.event.create({
        data: {
          organizationId: venue.organizationId,
          venueId: venue.id,
          layoutId: layout?.id ?? null,
          slug: eventSlug(input.title),
          title: input.title,
          description: input.description,
          performers: input.performers,
          category: input.category,
          tags: input.tags,
          startsAt: times.startsAt!,
          endsAt: times.endsAt!,
          onSaleAt: times.onSaleAt ?? now,
          perOrderLimit: input.perOrderLimit,
          holdMinutes: input.holdMinutes,
          queueEnabled: input.queueEnabled,
        },
        select: {
          id: true,
          organizationId: true,
          title: true,
          startsAt: true,
          endsAt: true,
          onSaleAt: true,
          venueId: true,
          layoutId: true,
        },
      });
      await writeInventory(tx, { eventId: row.id, types: plan.types, layout });
      await enqueueSearchSync(tx, row.id);
      await auditEventChange(tx, options.actor, row, {
        action: "event.created",
        after: { ...snapshot(row, CREATED_FIELDS), ticketTypes: plan.types.map((t) => t.name) },
      });
      return row;
    },
    { timeout: 30_000 },
  );
  return authoredEvent(deps.db, event.id);
}

/** Edits an event's details. Times are checked together with the ones not sent. */
export async function updateEvent(
  deps: AuthoringDeps,
  options: { actor: Actor; eventId: string; changes: EventChanges },
) {
  await changeEvent(deps, options, async (tx, _now, audit) => {
    const { venue, ...event } = await tx.event.findUniqueOrThrow({
      where: { id: options.eventId },
      include: { venue: { select: { timeZone: true } } },
    });
    if (event.status === "CANCELLED") throw new AppError("CONFLICT", "A cancelled event can no longer be edited.");
    const { startsAt, endsAt, onSaleAt, ...rest } = options.changes;
    const { times, issues } = resolveTimes(
      { startsAt, endsAt, onSaleAt },
      ["startsAt", "endsAt", "onSaleAt"] as const,
      venue.timeZone,
    );
    const merged = {
      startsAt: times.startsAt ?? event.startsAt,
      endsAt: times.endsAt ?? event.endsAt,
      onSaleAt: times.onSaleAt ?? event.onSaleAt,
    };
    issues.push(...eventDateIssues(merged));
    if (issues.length) throw invalidFields("The changes are not valid.", issues);
    const data = { ...rest, ...(startsAt || endsAt || onSaleAt ? merged : {}) };
    await tx.event.update({ where: { id: options.eventId }, data });
    await audit({ action: "event.updated", ...changedFields(event, data) });
  });
  return authoredEvent(deps.db, options.eventId);
}

/**
 * A new draft copy of an event: its details and ticket types (nothing sold), and its seats
 * copied afresh from the same layout version — never from the original's seats, whose
 * status belongs to the original's sales.
 */
export async function duplicateEvent(deps: AuthoringDeps, options: { actor: Actor; eventId: string }) {
  await authorizeEvent(deps.db, options.actor, options.eventId);
  const source = await deps.db.event.findUniqueOrThrow({
    where: { id: options.eventId },
    include: {
      layout: { select: { id: true, version: true, document: true } },
      ticketTypes: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] },
    },
  });
  const layout = source.layout ? expandSavedLayout(source.layout) : null;
  const title = `${source.title} (copy)`.slice(0, 200);
  const copy = await deps.db.$transaction(
    async (tx) => {
      const row = await tx.event.create({
        data: {
          organizationId: source.organizationId,
          venueId: source.venueId,
          layoutId: source.layoutId,
          slug: eventSlug(source.title),
          title,
          description: source.description,
          performers: source.performers,
          category: source.category,
          tags: source.tags,
          startsAt: source.startsAt,
          endsAt: source.endsAt,
          onSaleAt: source.onSaleAt,
          perOrderLimit: source.perOrderLimit,
          holdMinutes: source.holdMinutes,
          queueEnabled: source.queueEnabled,
          imagePath: source.imagePath,
        },
        select: { id: true, organizationId: true },
      });
      const types: PlannedTicketType[] = source.ticketTypes.map((t) => ({
        name: t.name,
        kind: t.kind,
        zone: t.zone,
        priceMinor: t.priceMinor,
        feeMinor: t.feeMinor,
        currency: t.currency,
        // A reserved type's capacity is its zone's seats on the map, whatever was sold of the original.
        capacity:
          t.kind === "RESERVED" && t.zone
            ? (layout?.zones.find((z) => z.key === t.zone)?.sellableSeats ?? t.capacity)
            : t.capacity,
        salesStartAt: t.salesStartAt,
        salesEndAt: t.salesEndAt,
        minPerOrder: t.minPerOrder,
        maxPerOrder: t.maxPerOrder,
        hidden: t.hidden,
        sortOrder: t.sortOrder,
      }));
      await writeInventory(tx, { eventId: row.id, types, layout });
      await enqueueSearchSync(tx, row.id);
      await auditEventChange(tx, options.actor, row, {
        action: "event.duplicated",
        after: { title },
        details: { sourceEventId: source.id, sourceTitle: source.title },
      });
      return row;
    },
    { timeout: 30_000 },
  );
  // A new draft has no public page, so there is no cached page to expire (nor for createEvent).
  return authoredEvent(deps.db, copy.id);
}
