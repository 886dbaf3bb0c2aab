import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { HoldContents, HoldStore } from "@/lib/inventory/hold-store";
import { createOrganizationWithEvents, createUserWithToken } from "./factories";

/** A published, on-sale event with `seatCount` reserved seats (one row) and one GA type of `gaCapacity`. */
export async function createSaleEvent(
  options: { seatCount?: number; gaCapacity?: number; perOrderLimit?: number } = {},
) {
  const { user: organizer, token: organizerToken } = await createUserWithToken("ORGANIZER");
  const {
    events: [event],
  } = await createOrganizationWithEvents(organizer.id, 1);
  await db.event.update({ where: { id: event!.id }, data: { perOrderLimit: options.perOrderLimit ?? 8 } });
  const seatCount = options.seatCount ?? 10;
  const reserved = await db.ticketType.create({
    data: {
      eventId: event!.id,
      name: "Stalls",
      kind: "RESERVED",
      priceMinor: 5_000,
      feeMinor: 500,
      currency: "USD",
      capacity: seatCount,
    },
  });
  const ga = await db.ticketType.create({
    data: {
      eventId: event!.id,
      name: "Standing",
      kind: "GENERAL_ADMISSION",
      priceMinor: 2_500,
      feeMinor: 300,
      currency: "USD",
      capacity: options.gaCapacity ?? 10,
      sortOrder: 1,
    },
  });
  await db.seat.createMany({
    data: Array.from({ length: seatCount }, (_, i) => ({
      eventId: event!.id,
      ticketTypeId: reserved.id,
      section: "A",
      row: "1",
      number: String(i + 1),
      x: i * 10,
      y: 0,
    })),
  });
  const seats = await db.seat.findMany({ where: { eventId: event!.id }, orderBy: { x: "asc" } });
  return { event: event!, organizer, organizerToken, reserved, ga, seats };
}

export type SaleEvent = Awaited<ReturnType<typeof createSaleEvent>>;

async function gaCapacities(tx: Tx, items: HoldContents["generalAdmission"]) {
  const types = await tx.ticketType.findMany({
    where: { id: { in: items.map((i) => i.ticketTypeId) } },
    select: { id: true, capacity: true, sold: true },
  });
  return new Map(types.map((t) => [t.id, { capacity: t.capacity, sold: t.sold }]));
}

/** Records a hold the way lib/inventory does (holds + hold_items rows) and takes it in `store`. */
export async function takeHold(
  store: HoldStore,
  event: SaleEvent,
  options: { seatIds?: string[]; ga?: number; ttlMs?: number; holdId?: string; userId?: string },
): Promise<HoldContents> {
  const userId = options.userId ?? (await createUserWithToken("FAN")).user.id;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? 60_000));
  const seats = (options.seatIds ?? []).map((seatId) => ({ seatId, ticketTypeId: event.reserved.id }));
  const generalAdmission = options.ga ? [{ ticketTypeId: event.ga.id, quantity: options.ga }] : [];
  const holdId = options.holdId ?? randomUUID();
  const contents: HoldContents = { holdId, eventId: event.event.id, userId, seats, generalAdmission };
  await db.$transaction(
    async (tx) => {
      await tx.hold.create({ data: { id: holdId, eventId: event.event.id, userId, expiresAt } });
      await tx.holdItem.createMany({
        data: [
          ...seats.map((s) => ({
            holdId,
            ticketTypeId: s.ticketTypeId,
            seatId: s.seatId,
            quantity: 1,
            unitPriceMinor: event.reserved.priceMinor,
            unitFeeMinor: event.reserved.feeMinor,
          })),
          ...generalAdmission.map((g) => ({
            holdId,
            ticketTypeId: g.ticketTypeId,
            quantity: g.quantity,
            unitPriceMinor: event.ga.priceMinor,
            unitFeeMinor: event.ga.feeMinor,
          })),
        ],
      });
      await store.acquire(tx, { ...contents, expiresAt, now, capacities: await gaCapacities(tx, generalAdmission) });
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
  return contents;
}

export async function releaseHold(store: HoldStore, hold: HoldContents) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.hold.updateMany({
      where: { id: hold.holdId, status: "ACTIVE" },
      data: { status: "RELEASED" },
    });
    if (count === 1) await store.release(tx, hold);
  });
}

export async function retake(store: HoldStore, hold: HoldContents, ttlMs = 60_000) {
  const now = new Date();
  await db.$transaction(async (tx) =>
    store.retakeForSale(tx, {
      ...hold,
      now,
      expiresAt: new Date(now.getTime() + ttlMs),
      capacities: await gaCapacities(tx, hold.generalAdmission),
    }),
  );
}

/** The AppError details of a refused hold, or null when it was granted. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    const e = error as {
      code?: string;
      details?: { unavailableSeatIds: string[]; unavailableTicketTypeIds: string[] };
    };
    if (e.code !== "SEAT_UNAVAILABLE") throw error;
    return e.details!;
  }
}
