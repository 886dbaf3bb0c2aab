import { db } from "@/lib/db";
import type { SearchDocument } from "@/lib/search/document";
import type { SearchEngine, SearchQuery } from "@/lib/search/engine";
import { collectionSchema, typesenseSearch } from "@/lib/search/typesense";
import { startFakeTypesense, type FakeTypesense } from "./fake-typesense";

// Shared by the tests of the Typesense engine (tests/integration/typesense-*.test.ts).

export const NOW = new Date("2030-01-01T00:00:00.000Z");
export const NOW_S = NOW.getTime() / 1000;
export const SEARCH_PATH = "/collections/events/documents/search";

export const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  sort: "relevance",
  page: 1,
  pageSize: 10,
  now: NOW,
  ...overrides,
});

/** An indexed event as a search hit carries it (description, tags and category words are left out of hits). */
export function indexedEvent(
  overrides: Partial<SearchDocument> = {},
): Omit<SearchDocument, "description" | "tags" | "categoryWords"> {
  return {
    id: "evt_1",
    slug: "the-beatles-experience",
    title: "The Beatles Experience",
    performers: ["Beatles Tribute Band"],
    category: "CONCERT",
    status: "PUBLISHED",
    startsAt: NOW_S + 86_400,
    onSaleAt: NOW_S - 86_400,
    venueName: "Beacon Theatre",
    city: "New York",
    timeZone: "America/New_York",
    location: [40.7805, -73.9812],
    minPriceMinor: 2_800,
    maxPriceMinor: 9_500,
    prices: [2_800, 9_500],
    currency: "USD",
    priceBand: "25-50",
    available: true,
    ...overrides,
  };
}

export const searches = (fake: FakeTypesense) => fake.requests.filter((r) => r.path === SEARCH_PATH);

/** A fake Typesense node whose `events` alias points at an empty `events_live` collection, and the engine on it. */
export async function startTypesenseEngine(): Promise<{ fake: FakeTypesense; engine: SearchEngine }> {
  const fake = await startFakeTypesense();
  fake.addCollection(collectionSchema("events_live"));
  fake.aliases.set("events", "events_live");
  return { fake, engine: typesenseSearch({ db, url: fake.url, apiKey: fake.apiKey }) };
}
