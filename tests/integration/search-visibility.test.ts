import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/v1/events/route";
import { GET as suggestRoute } from "@/app/api/v1/search/suggest/route";
import { db } from "@/lib/db";
import { cancelEvent } from "@/lib/orders/cancellation";
import { services } from "@/lib/services";
import type { EventStatus } from "@/lib/generated/prisma/enums";
import { pruneSearchTerms } from "@/lib/search/prune";
import { uniqueSlug } from "../support/factories";
import { call } from "../support/http";

// Security issue #8: search (suggestions, results, "did you mean", facets) shows only published
// events that have not started. Each test makes up its own words, so other files' events never
// match them and the shared database can be used.

const DAY = 86_400_000;

/** Twelve letters no other event has: one search token, long enough to allow two typos. */
function madeUpWord(): string {
  return randomUUID()
    .replaceAll("-", "")
    .slice(0, 12)
    .replace(/[0-9]/g, (digit) => "ghijklmnop"[Number(digit)]!);
}

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** One adjacent swap, as people type: a misspelling the engine should correct back to `word`. */
function misspelled(word: string): string {
  const at = [...word].findIndex((c, i) => i >= 3 && i < word.length - 1 && c !== word[i + 1]);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

type Secret = {
  id: string;
  slug: string;
  venueId: string;
  word: string;
  performer: string;
  venue: string;
  city: string;
};

/** An event whose title word, performer, venue and city exist nowhere else. */
async function eventWithOwnNames(status: EventStatus, shared?: Pick<Secret, "word" | "performer" | "venueId">) {
  const organization = await db.organization.create({ data: { slug: uniqueSlug("org"), name: "Visibility Org" } });
  const names = {
    word: shared?.word ?? madeUpWord(),
    performer: shared?.performer ?? `${capitalized(madeUpWord())} ${capitalized(madeUpWord())}`,
  };
  const venue = shared
    ? await db.venue.findUniqueOrThrow({ where: { id: shared.venueId } })
    : await db.venue.create({
        data: {
          organizationId: organization.id,
          slug: uniqueSlug("venue"),
          name: `${capitalized(madeUpWord())} Hall`,
          address: "1 Quiet St",
          city: capitalized(madeUpWord()),
          country: "US",
          timeZone: "America/New_York",
          latitude: 40,
          longitude: -74,
        },
      });
  const startsAt = new Date(Date.now() + 20 * DAY);
  const event = await db.event.create({
    data: {
      organizationId: organization.id,
      venueId: venue.id,
      slug: uniqueSlug("event"),
      title: `${capitalized(names.word)} Night`,
      description: "Not announced yet.",
      performers: [names.performer],
      category: "CONCERT",
      tags: [],
      status,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      onSaleAt: new Date(),
    },
  });
  return { ...names, id: event.id, slug: event.slug, venueId: venue.id, venue: venue.name, city: venue.city };
}

// There is no publish function yet (events are published in the database or by the seed); what
// makes terms appear is the database trigger, whichever code path changes the status.
const publish = (id: string) => db.event.update({ where: { id }, data: { status: "PUBLISHED" } });

async function suggestions(q: string) {
  const { status, json } = await call(suggestRoute, { path: `/?q=${encodeURIComponent(q)}&limit=20` });
  expect(status).toBe(200);
  return json.items as { kind: string; label: string; href: string }[];
}

async function search(query: string) {
  const { status, json } = await call(searchRoute, { path: `/?${query}` });
  expect(status).toBe(200);
  return json as {
    items: { id: string }[];
    total: number;
    didYouMean: string | null;
    facets: { city: { value: string }[] };
  };
}

const labels = async (q: string) => (await suggestions(q)).map((s) => `${s.kind}:${s.label}`);
const q = (text: string) => `q=${encodeURIComponent(text)}`;

const termsOf = (secret: Secret) =>
  db.searchTerm.findMany({
    where: {
      OR: [
        { kind: "word", term: secret.word },
        { kind: "performer", term: secret.performer.toLowerCase() },
        { kind: "venue", term: secret.venue.toLowerCase() },
        { kind: "city", term: secret.city.toLowerCase() },
      ],
    },
    select: { kind: true },
    orderBy: { kind: "asc" },
  });

// Generous: another test file may be inserting events (and so terms) in a long transaction.
const prune = () => pruneSearchTerms(db, { now: new Date(), lockWaitMs: 60_000 });

describe("search shows only published, upcoming events (#8)", () => {
  it("never shows a draft's performer, venue, title word or city, and shows them once it is published", async () => {
    const draft = await eventWithOwnNames("DRAFT");

    expect(await labels(draft.performer)).not.toContain(`performer:${draft.performer}`);
    expect(await labels(draft.venue)).not.toContain(`venue:${draft.venue}`);
    expect((await suggestions(draft.word)).map((s) => s.href)).not.toContain(`/events/${draft.slug}`);
    expect(await search(q(draft.word))).toMatchObject({ total: 0, didYouMean: null });
    expect(await search(q(misspelled(draft.word)))).toMatchObject({ total: 0, didYouMean: null });
    expect((await search(`city=${encodeURIComponent(draft.city)}`)).total).toBe(0);
    expect((await search("pageSize=1")).facets.city.map((c) => c.value)).not.toContain(draft.city);

    await publish(draft.id);

    expect(await labels(draft.performer)).toContain(`performer:${draft.performer}`);
    expect(await labels(draft.venue)).toContain(`venue:${draft.venue}`);
    expect((await suggestions(draft.word)).map((s) => s.href)).toContain(`/events/${draft.slug}`);
    expect((await search(q(draft.word))).items.map((i) => i.id)).toEqual([draft.id]);
    const corrected = await search(q(misspelled(draft.word)));
    expect(corrected).toMatchObject({ total: 1, didYouMean: draft.word });
    expect(corrected.facets.city.map((c) => c.value)).toEqual([draft.city]);
  });

  it("drops a cancelled event's names from suggestions at once, never offers its words, and prunes them", async () => {
    const event = await eventWithOwnNames("PUBLISHED");
    expect(await labels(event.performer)).toContain(`performer:${event.performer}`);
    expect(await labels(event.venue)).toContain(`venue:${event.venue}`);

    await cancelEvent(services(), { eventId: event.id });

    expect(await labels(event.performer)).not.toContain(`performer:${event.performer}`);
    expect(await labels(event.venue)).not.toContain(`venue:${event.venue}`);
    // Until the next prune its word is still a term, yet no correction may point to it.
    expect(await termsOf(event)).toHaveLength(4);
    expect(await search(q(misspelled(event.word)))).toMatchObject({ total: 0, didYouMean: null });

    expect((await prune()).deferred).toBe(0);
    expect(await termsOf(event)).toEqual([]);
  });

  it("prunes the terms of an event that has started, and hides its names before that", async () => {
    const event = await eventWithOwnNames("PUBLISHED");
    expect(await termsOf(event)).toHaveLength(4);
    const startedAt = new Date(Date.now() - DAY);
    await db.event.update({
      where: { id: event.id },
      data: { startsAt: startedAt, endsAt: new Date(startedAt.getTime() + 3 * 3_600_000) },
    });

    expect(await labels(event.performer)).not.toContain(`performer:${event.performer}`);
    expect(await labels(event.venue)).not.toContain(`venue:${event.venue}`);
    await prune();
    expect(await termsOf(event)).toEqual([]);
  });

  it("keeps the terms a published event still uses when another event with them is cancelled", async () => {
    const cancelled = await eventWithOwnNames("PUBLISHED");
    await eventWithOwnNames("PUBLISHED", cancelled);
    await cancelEvent(services(), { eventId: cancelled.id });

    await prune();

    expect(await termsOf(cancelled)).toHaveLength(4);
    expect(await labels(cancelled.performer)).toContain(`performer:${cancelled.performer}`);
    expect(await labels(cancelled.venue)).toContain(`venue:${cancelled.venue}`);
    expect(await search(q(misspelled(cancelled.word)))).toMatchObject({ total: 1, didYouMean: cancelled.word });
  });

  it("suggests a renamed venue by its new name only", async () => {
    const event = await eventWithOwnNames("PUBLISHED");
    const renamed = `${capitalized(madeUpWord())} Arena`;
    await db.venue.update({ where: { id: event.venueId }, data: { name: renamed } });

    expect(await labels(renamed)).toContain(`venue:${renamed}`);
    expect(await labels(event.venue)).not.toContain(`venue:${event.venue}`);
  });

  it("keeps the terms of an event published while a prune is deciding what to delete", async () => {
    // The word becomes stale: its only event is cancelled. A draft with the same word is then
    // published in a transaction that is still open while the prune runs.
    const first = await eventWithOwnNames("PUBLISHED");
    await cancelEvent(services(), { eventId: first.id });
    const second = await eventWithOwnNames("DRAFT", first);

    let pruning: ReturnType<typeof prune> | undefined;
    await db.$transaction(
      async (tx) => {
        await tx.event.update({ where: { id: second.id }, data: { status: "PUBLISHED" } });
        const run = prune();
        pruning = run;
        // The prune must wait for this transaction (its lock on search_terms) before deleting.
        let settled = false;
        const settle = () => void (settled = true);
        run.then(settle, settle);
        while (!settled && !(await pruneIsWaiting())) await new Promise((resolve) => setTimeout(resolve, 20));
      },
      { timeout: 120_000 },
    );
    await pruning;

    expect(await termsOf(first)).toHaveLength(4);
    expect(await search(q(misspelled(first.word)))).toMatchObject({ total: 1, didYouMean: first.word });
  });
});

async function pruneIsWaiting(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ waiting: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks WHERE relation = 'search_terms'::regclass AND mode = 'ShareRowExclusiveLock' AND NOT granted
    ) AS waiting`;
  return row!.waiting;
}
