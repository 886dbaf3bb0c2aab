import "server-only";
import type { Db } from "@/lib/db";
import { auditEventChange } from "./event-access";
import { expireEventPage } from "./event-page";

/**
 * Switches an event's waiting room on because its fans arrive faster than
 * checkout can take them (lib/queue/arrival-meter.ts noticed). The guard makes
 * it a no-op when the room is already on (another instance got there first,
 * or the organizer did), and only published events are touched. Recorded on
 * the organization's audit log with no actor, so organizers see why their
 * room came on; the public page's copy is expired so it says so.
 */
export async function switchOnWaitingRoomUnderLoad(
  db: Db,
  options: { eventId: string; arrivalsPerSecond: number; now: Date },
): Promise<boolean> {
  const event = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; organizationId: string; slug: string }[]>`
      UPDATE events SET "queueEnabled" = true, "updatedAt" = ${options.now}
      WHERE id = ${options.eventId} AND NOT "queueEnabled" AND status = 'PUBLISHED'
      RETURNING id, "organizationId", slug`;
    if (!row) return null;
    await auditEventChange(tx, null, row, {
      action: "event.queue-changed",
      before: { queueEnabled: false },
      after: { queueEnabled: true },
      details: { automatic: true, arrivalsPerSecond: Math.round(options.arrivalsPerSecond * 10) / 10 },
    });
    return row;
  });
  if (!event) return false;
  expireEventPage(event.slug);
  return true;
}
