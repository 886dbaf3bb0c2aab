import "server-only";
import type { DbOrTx } from "@/lib/db";

/** What the queue page shows around the fan's place: the event, found by slug, if published with a waiting room. */
export async function queuePageEvent(db: DbOrTx, slug: string) {
  return db.event.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      title: true,
      startsAt: true,
      onSaleAt: true,
      queueEnabled: true,
      venue: { select: { name: true, city: true, timeZone: true } },
    },
  });
}
