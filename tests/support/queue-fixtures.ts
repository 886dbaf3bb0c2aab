import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createOrganizationWithEvents, createUserWithToken } from "./factories";

/** An event to queue for (its id is all a queue store needs) and `fans` fresh fan accounts, made in one statement. */
export async function createQueueEvent(fans: number) {
  const { user: organizer } = await createUserWithToken("ORGANIZER");
  const {
    events: [event],
  } = await createOrganizationWithEvents(organizer.id, 1);
  const userIds = await createFans(fans);
  return { eventId: event!.id, userIds };
}

export async function createFans(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `fan-${randomUUID()}`);
  await db.user.createMany({
    data: ids.map((id) => ({
      id,
      email: `${id}@example.test`,
      name: "Queue Fan",
      passwordHash: "x",
      emailVerifiedAt: new Date(),
    })),
  });
  return ids;
}

/** Spearman's rank correlation of two orderings given as the rank of item i in each (no ties). */
export function rankCorrelation(a: number[], b: number[]): number {
  const n = a.length;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) sumSquares += (a[i]! - b[i]!) ** 2;
  return 1 - (6 * sumSquares) / (n * (n * n - 1));
}
