import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { organizationEventCounts, organizationEvents, upcomingEventTotals } from "@/lib/events/authoring-queries";
import { draftEvent, organizationWithCallers } from "../support/access-fixtures";

const DAY = 24 * 3600_000;

/** An organization with `upcoming` published events a day apart from tomorrow, one draft, and `past` ones. */
async function organizationWithEvents(upcoming: number, past: number) {
  const w = await organizationWithCallers();
  const now = new Date();
  const ids = { upcoming: [] as string[], past: [] as string[] };
  for (let i = 0; i < upcoming + past; i++) {
    const { eventId } = await draftEvent(w, "PUBLISHED");
    const isPast = i >= upcoming;
    const startsAt = new Date(now.getTime() + (isPast ? -(i - upcoming + 2) : i + 1) * DAY);
    await db.event.update({
      where: { id: eventId },
      data: { startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), onSaleAt: new Date(now.getTime() - 30 * DAY) },
    });
    ids[isPast ? "past" : "upcoming"].push(eventId);
  }
  const draft = await draftEvent(w);
  return { w, now, ids, draftId: draft.eventId };
}

describe("an organization's events list", () => {
  it("pages through every upcoming event soonest first and every past one latest first, both ways", async () => {
    const { w, now, ids, draftId } = await organizationWithEvents(7, 4);
    const organizationId = w.organization.id;
    // The draft starts in ten days (draftEvent), between the 9th and 10th day: last of the upcoming ones.
    const upcoming = [...ids.upcoming, draftId];
    const walk = async (period: "upcoming" | "past") => {
      const seen: string[] = [];
      let after: string | null = null;
      const cursors: Array<string | null> = [];
      do {
        const page = await organizationEvents(db, { organizationId, now, period, page: { limit: 3, after } });
        seen.push(...page.events.map((e) => e.id));
        cursors.push(page.newer);
        after = page.older;
      } while (after);
      return { seen, cursors };
    };
    const forwards = await walk("upcoming");
    expect(forwards.seen).toEqual(upcoming);
    expect(forwards.cursors[0]).toBeNull();
    expect((await walk("past")).seen).toEqual(ids.past);

    // Back from the last page of upcoming events to the first.
    const last = await organizationEvents(db, {
      organizationId,
      now,
      period: "upcoming",
      page: {
        limit: 3,
        after: (await organizationEvents(db, { organizationId, now, period: "upcoming", page: { limit: 6 } })).older,
      },
    });
    expect(last.events.map((e) => e.id)).toEqual(upcoming.slice(6));
    const previous = await organizationEvents(db, {
      organizationId,
      now,
      period: "upcoming",
      page: { limit: 3, before: last.newer },
    });
    expect(previous.events.map((e) => e.id)).toEqual(upcoming.slice(3, 6));

    const staff = await organizationEvents(db, {
      organizationId,
      now,
      period: "upcoming",
      page: { limit: 50 },
      withDrafts: false,
    });
    expect(staff.events.map((e) => e.id)).toEqual(ids.upcoming);

    expect(await organizationEventCounts(db, { organizationId, now })).toEqual({ upcoming: 8, past: 4 });
    expect(await upcomingEventTotals(db, { organizationId, now })).toEqual({
      live: 7,
      drafts: 1,
      sold: 0,
      capacity: 70,
    });
  });
});
