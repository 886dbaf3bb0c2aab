import "server-only";
import { changedFields, snapshot } from "@/lib/audit/changes";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authoredEvent } from "./authoring-view";
import { changeEvent, type AuthoringDeps } from "./event-access";
import type { TicketTypeChanges, TicketTypeInput } from "./event-schemas";
import { invalidFields, resolveTimes, saleWindowIssues, type TimeIssue } from "./event-times";
import { expandSavedLayout } from "./seat-copy";
import { ticketTypeRow } from "./ticket-type-plan";

// Ticket types after an event exists. The rules organizers expect:
// - a new price applies to sales from now on (orders keep the unit prices they were sold at);
// - a capacity never goes below what is sold and held (checked in the UPDATE itself);
// - a type that sold or holds tickets cannot be deleted, nor a reserved type (its seats
//   need a price): hide it or change its price instead;
// - a published event always keeps one visible type.
// Every change is on the audit log as a change to the ticket type (its price, above all).

/** What the audit log keeps of a ticket type that is created or deleted. */
const AUDITED_FIELDS = ["name", "kind", "zone", "priceMinor", "feeMinor", "currency", "capacity", "hidden"] as const;

async function eventForTypes(tx: Tx, eventId: string) {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      status: true,
      perOrderLimit: true,
      venue: { select: { timeZone: true } },
      layout: { select: { id: true, version: true, document: true } },
      ticketTypes: { select: { id: true, currency: true, hidden: true } },
    },
  });
  if (event.status === "CANCELLED") throw new AppError("CONFLICT", "A cancelled event can no longer be changed.");
  return event;
}

async function typeOf(tx: Tx, eventId: string, ticketTypeId: string) {
  const type = await tx.ticketType.findFirst({ where: { id: ticketTypeId, eventId } });
  if (!type) throw new AppError("NOT_FOUND", "No such ticket type.");
  return type;
}

/** Adds a general-admission ticket type (zones of a seat map are priced when the event is created). */
export async function addTicketType(
  deps: AuthoringDeps,
  options: { actor: Actor; eventId: string; input: TicketTypeInput },
) {
  const created = await changeEvent(deps, options, async (tx, _now, audit) => {
    const event = await eventForTypes(tx, options.eventId);
    const currency = event.ticketTypes[0]?.currency ?? options.input.currency ?? "USD";
    const { row, issues } = ticketTypeRow(options.input, {
      currency,
      timeZone: event.venue.timeZone,
      sortOrder: event.ticketTypes.length * 10,
      path: "",
    });
    if (options.input.zone !== undefined) {
      issues.push({ path: ".zone", message: "zones are priced when the event is created; edit that zone's type" });
    }
    if (issues.length) {
      throw invalidFields(
        "The ticket type is not valid.",
        issues.map((i) => ({ ...i, path: i.path.slice(1) })),
      );
    }
    const type = await tx.ticketType.create({
      data: { ...row, eventId: options.eventId, kind: "GENERAL_ADMISSION", capacity: options.input.capacity! },
    });
    await audit({
      action: "ticket_type.created",
      entityType: "ticket_type",
      entityId: type.id,
      after: snapshot(type, AUDITED_FIELDS),
      details: { eventId: options.eventId },
    });
    return type;
  });
  return { ticketTypeId: created.id, event: await authoredEvent(deps.db, options.eventId) };
}

/** Changes a ticket type; see the rules at the top of this file. */
export async function updateTicketType(
  deps: AuthoringDeps,
  options: { actor: Actor; eventId: string; ticketTypeId: string; changes: TicketTypeChanges },
) {
  await changeEvent(deps, options, async (tx, now, audit) => {
    const event = await eventForTypes(tx, options.eventId);
    const type = await typeOf(tx, options.eventId, options.ticketTypeId);
    const { capacity, salesStartAt, salesEndAt, ...rest } = options.changes;
    const { times, issues } = resolveTimes(
      { salesStartAt, salesEndAt },
      ["salesStartAt", "salesEndAt"] as const,
      event.venue.timeZone,
    );
    const window = {
      salesStartAt: times.salesStartAt === undefined ? type.salesStartAt : times.salesStartAt,
      salesEndAt: times.salesEndAt === undefined ? type.salesEndAt : times.salesEndAt,
    };
    issues.push(...saleWindowIssues(window));
    const min = rest.minPerOrder ?? type.minPerOrder;
    const max = rest.maxPerOrder === undefined ? type.maxPerOrder : rest.maxPerOrder;
    if (max !== null && min > max) issues.push({ path: "maxPerOrder", message: "must not be below the minimum" });
    if (capacity !== undefined) issues.push(...(await capacityIssues(deps, tx, event, type, capacity, now)));
    if (issues.length) throw invalidFields("The changes are not valid.", issues);

    if (rest.hidden && !type.hidden && event.status === "PUBLISHED") {
      assertAnotherVisibleType(event.ticketTypes, type.id, "hidden");
    }
    if (capacity !== undefined && capacity !== type.capacity) {
      // Sales do not take the event's lock; the guard in the statement is what makes this safe.
      const changed = await tx.$executeRaw`
        UPDATE ticket_types SET capacity = ${capacity} WHERE id = ${type.id} AND sold + held <= ${capacity}`;
      if (changed !== 1) throw capacityTooLow(type.sold + type.held);
    }
    const data = {
      ...rest,
      ...(salesStartAt === undefined ? {} : { salesStartAt: window.salesStartAt }),
      ...(salesEndAt === undefined ? {} : { salesEndAt: window.salesEndAt }),
    };
    await tx.ticketType.update({ where: { id: type.id }, data });
    await audit({
      action: "ticket_type.updated",
      entityType: "ticket_type",
      entityId: type.id,
      ...changedFields(type, { ...data, capacity }),
      details: { eventId: options.eventId, name: type.name },
    });
  });
  return authoredEvent(deps.db, options.eventId);
}

function capacityTooLow(minimum: number) {
  return invalidFields("The capacity is below what is already sold and held.", [
    { path: "capacity", message: `must be at least ${minimum}: that many are sold or held` },
  ]);
}

async function capacityIssues(
  deps: AuthoringDeps,
  tx: Tx,
  event: Awaited<ReturnType<typeof eventForTypes>>,
  type: Awaited<ReturnType<typeof typeOf>>,
  capacity: number,
  now: Date,
): Promise<TimeIssue[]> {
  if (type.kind === "RESERVED") {
    return [{ path: "capacity", message: "of a reserved type is its seats on the map; it cannot be changed" }];
  }
  if (type.zone && event.layout) {
    const area = expandSavedLayout(event.layout).zones.find((z) => z.key === type.zone);
    if (area && capacity > area.standingCapacity) {
      return [{ path: "capacity", message: `must not exceed the standing area's ${area.standingCapacity} places` }];
    }
  }
  // Redis holds are not in ticket_types.held: count them from the hold store as well.
  const liveHeld = (await deps.holds.heldQuantities(tx, type.eventId, now)).get(type.id) ?? 0;
  const minimum = type.sold + Math.max(type.held, liveHeld);
  return capacity < minimum
    ? [{ path: "capacity", message: `must be at least ${minimum}: that many are sold or held` }]
    : [];
}

function assertAnotherVisibleType(types: { id: string; hidden: boolean }[], except: string, verb: string) {
  if (!types.some((t) => t.id !== except && !t.hidden)) {
    throw new AppError(
      "CONFLICT",
      `A published event needs at least one visible ticket type, so this one cannot be ${verb}.`,
    );
  }
}

/** Deletes a ticket type that never sold or held anything; reserved types price seats and stay. */
export async function deleteTicketType(
  deps: AuthoringDeps,
  options: { actor: Actor; eventId: string; ticketTypeId: string },
) {
  await changeEvent(deps, options, async (tx, now, audit) => {
    const event = await eventForTypes(tx, options.eventId);
    const type = await typeOf(tx, options.eventId, options.ticketTypeId);
    if (type.kind === "RESERVED") {
      throw new AppError(
        "CONFLICT",
        "This type prices seats of the seat map and cannot be deleted. Change its price or hide it instead.",
      );
    }
    const liveHeld = (await deps.holds.heldQuantities(tx, options.eventId, now)).get(type.id) ?? 0;
    const used = await tx.ticketType.count({
      where: { id: type.id, OR: [{ holdItems: { some: {} } }, { orderItems: { some: {} } }] },
    });
    if (type.sold > 0 || type.held > 0 || liveHeld > 0 || used > 0) {
      throw new AppError(
        "CONFLICT",
        "Tickets of this type have been sold or held, so it cannot be deleted. Hide it to stop selling it.",
        { sold: type.sold, held: Math.max(type.held, liveHeld) },
      );
    }
    if (event.status === "PUBLISHED" && !type.hidden) assertAnotherVisibleType(event.ticketTypes, type.id, "deleted");
    await tx.ticketType.delete({ where: { id: type.id } });
    await audit({
      action: "ticket_type.deleted",
      entityType: "ticket_type",
      entityId: type.id,
      before: snapshot(type, AUDITED_FIELDS),
      details: { eventId: options.eventId },
    });
  });
  return authoredEvent(deps.db, options.eventId);
}
