import { randomUUID } from "node:crypto";
import { Errors } from "typesense";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SearchEngine } from "@/lib/search/engine";
import { createOrganizationWithEvents, createUserWithToken } from "../support/factories";
import { typesenseError, type FakeTypesense } from "../support/fake-typesense";
import { startTypesenseEngine } from "../support/typesense-search";

describe("typesenseSearch against Typesense's HTTP API", () => {
  let fake: FakeTypesense;
  let engine: SearchEngine;

  beforeEach(async () => {
    ({ fake, engine } = await startTypesenseEngine());
  });

  afterEach(async () => {
    await fake.close();
  });

  describe("syncEvent", () => {
    const live = () => fake.collections.get("events_live")!.documents;

    async function publishedEvent() {
      const { user } = await createUserWithToken("ORGANIZER");
      const {
        events: [event],
      } = await createOrganizationWithEvents(user.id, 1);
      await db.ticketType.createMany({
        data: [
          {
            eventId: event!.id,
            name: "Stalls",
            kind: "RESERVED",
            priceMinor: 5_000,
            feeMinor: 500,
            currency: "USD",
            capacity: 2,
            sold: 2,
          },
          {
            eventId: event!.id,
            name: "Standing",
            kind: "GENERAL_ADMISSION",
            priceMinor: 2_500,
            feeMinor: 300,
            currency: "USD",
            capacity: 10,
          },
        ],
      });
      return event!;
    }

    it("upserts a public event's document through the alias", async () => {
      const event = await publishedEvent();

      await engine.syncEvent(event.id);

      expect(fake.requests).toHaveLength(1);
      const [request] = fake.requests;
      expect(request).toMatchObject({
        method: "POST",
        path: "/collections/events/documents",
        query: { action: "upsert" },
      });
      expect(request!.headers["x-typesense-api-key"]).toBe(fake.apiKey);
      const expected = {
        id: event.id,
        slug: event.slug,
        title: "Test Event 0",
        performers: ["Test Band"],
        description: "A test event",
        tags: [],
        category: "CONCERT",
        categoryWords: ["concert", "concerts", "music", "gig", "gigs"],
        status: "PUBLISHED",
        startsAt: Math.floor(event.startsAt.getTime() / 1000),
        onSaleAt: Math.floor(event.onSaleAt.getTime() / 1000),
        venueName: "Test Hall",
        city: "Testville",
        timeZone: "America/New_York",
        location: [40, -74],
        minPriceMinor: 2_800,
        maxPriceMinor: 5_500,
        prices: [5_500, 2_800],
        currency: "USD",
        priceBand: "25-50",
        available: true,
      };
      expect(request!.json).toEqual(expected);
      expect(live().get(event.id)).toEqual(expected);
    });

    it("deletes the document of an event that went back to draft", async () => {
      const event = await publishedEvent();
      await engine.syncEvent(event.id);
      await db.event.update({ where: { id: event.id }, data: { status: "DRAFT" } });

      await engine.syncEvent(event.id);

      expect(fake.requests.at(-1)).toMatchObject({
        method: "DELETE",
        path: `/collections/events/documents/${event.id}`,
      });
      expect(live().has(event.id)).toBe(false);
    });

    it("is done when a removed event was never indexed (Typesense answers 404)", async () => {
      const missing = `evt_${randomUUID()}`;

      await expect(engine.syncEvent(missing)).resolves.toBeUndefined();

      expect(fake.requests).toEqual([
        expect.objectContaining({ method: "DELETE", path: `/collections/events/documents/${missing}` }),
      ]);
    });

    it("throws on any other failure to delete, once the client's two retries are spent", async () => {
      fake.respond("DELETE", /^\/collections\/events\/documents\//, () => typesenseError(503, "Not Ready or Lagging"));

      await expect(engine.syncEvent(`evt_${randomUUID()}`)).rejects.toBeInstanceOf(Errors.ServerError);
      expect(fake.requests).toHaveLength(3);
    });
  });
});
