import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ADMISSION_WINDOW_MS, joinQueue } from "@/lib/queue/waiting-room";
import { services } from "@/lib/services";
import { createFans } from "../support/queue-fixtures";
import { createSaleEvent } from "../support/inventory-fixtures";

/** A queued event going on sale `onSaleInMs` from now (negative: already on sale), and a new and an old account. */
async function queuedEventWithFans(onSaleInMs: number) {
  const sale = await createSaleEvent({ seatCount: 2 });
  await db.event.update({
    where: { id: sale.event.id },
    data: { queueEnabled: true, onSaleAt: new Date(Date.now() + onSaleInMs) },
  });
  const [young, old] = (await createFans(2)) as [string, string];
  await db.user.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 2 * 24 * 3600_000) } });
  return { eventId: sale.event.id, young, old };
}

describe("accounts made minutes before they queue", () => {
  it("draw a lobby place with a smaller weight: the same draw puts them further back", async () => {
    const { eventId, young, old } = await queuedEventWithFans(3600_000);
    const deps = { ...services(), random: () => 0.5 };
    await joinQueue(deps, { eventId, userId: young });
    await joinQueue(deps, { eventId, userId: old });
    const admitted = await services().queue.admit(eventId, {
      count: 2,
      now: new Date(),
      windowMs: ADMISSION_WINDOW_MS,
    });
    expect(admitted).toEqual([old, young]);
  });

  it("let later arrivals ahead after the on-sale, and are still let in", async () => {
    const { eventId, young, old } = await queuedEventWithFans(-60_000);
    expect((await joinQueue(services(), { eventId, userId: young })).position).toBe(1);
    expect((await joinQueue(services(), { eventId, userId: old })).position).toBe(1);
    const admitted = await services().queue.admit(eventId, {
      count: 2,
      now: new Date(),
      windowMs: ADMISSION_WINDOW_MS,
    });
    expect(admitted).toEqual([old, young]);
  });
});
