import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { auditEventChange, authorizeEvent } from "@/lib/events/event-access";
import type { QueueControl, QueueStore } from "./store";

export type QueueOrganizerDeps = {
  db: Db;
  queue: QueueStore;
  clock: () => Date;
  config: { CHECKOUT_SESSIONS_PER_SECOND: number };
};

/** PATCH …/queue/control: pause or resume, and set the rate (null: back to the admission loop's own). */
export const queueControlChanges = z
  .strictObject({
    paused: z.boolean().optional(),
    ratePerMinute: z.number().int().min(1).max(600_000).nullable().optional(),
  })
  .refine((changes) => changes.paused !== undefined || changes.ratePerMinute !== undefined, {
    message: "Send paused, ratePerMinute or both.",
  });

export type QueueControlChanges = z.infer<typeof queueControlChanges>;

/** What the organizer's live view shows. */
export type QueueOverview = QueueControl & {
  eventId: string;
  queueEnabled: boolean;
  waiting: number;
  /** Admitted fans whose turn is live and who have not held yet. */
  admitted: number;
  /** The rate the loop uses when the organizer sets none: the event's share of the Checkout Session limit at most. */
  defaultRatePerMinute: number;
};

async function overview(deps: QueueOrganizerDeps, eventId: string): Promise<QueueOverview> {
  const now = deps.clock();
  const [event, stats, control] = await Promise.all([
    deps.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { queueEnabled: true } }),
    deps.queue.stats(eventId, { now, since: now }),
    deps.queue.control(eventId),
  ]);
  return {
    ...control,
    eventId,
    queueEnabled: event.queueEnabled,
    waiting: stats.waiting,
    admitted: stats.outstanding,
    defaultRatePerMinute: deps.config.CHECKOUT_SESSIONS_PER_SECOND * 60,
  };
}

/** The event's waiting room as it stands (owners and managers of its organization, admins). */
export async function queueOverview(deps: QueueOrganizerDeps, options: { actor: Actor; eventId: string }) {
  const event = await authorizeEvent(deps.db, options.actor, options.eventId);
  return overview(deps, event.id);
}

/** Pauses, resumes or re-paces the room; audited on the organization's log. */
export async function changeQueueControl(
  deps: QueueOrganizerDeps,
  options: { actor: Actor; eventId: string; changes: QueueControlChanges },
) {
  const event = await authorizeEvent(deps.db, options.actor, options.eventId);
  const before = await deps.queue.control(event.id);
  await deps.queue.setControl(event.id, options.changes);
  // The control may live in Redis, outside any transaction of ours: the entry follows the change it records.
  await deps.db.$transaction((tx) =>
    auditEventChange(tx, options.actor, event, {
      action: "event.queue-changed",
      before: { paused: before.paused, ratePerMinute: before.ratePerMinute },
      after: { ...options.changes },
    }),
  );
  return overview(deps, event.id);
}
