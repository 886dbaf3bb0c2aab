import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateEvent } from "@/lib/events/authoring";
import { cancelEvent } from "@/lib/orders/cancellation";
import { services } from "@/lib/services";
import { SEARCH_SYNC_TOPIC, searchSyncHandler } from "@/lib/events/search-sync";
import { drainOutbox } from "@/lib/notifications/outbox";
import { collectionSchema, typesenseSearch } from "@/lib/search/typesense";
import { actorOf } from "../support/actors";
import { createOrganizationWithEvents, createUserWithToken } from "../support/factories";
import { startFakeTypesense, typesenseError, type FakeTypesense } from "../support/fake-typesense";

describe("index sync to Typesense through the outbox", () => {
  let fake: FakeTypesense;

  beforeEach(async () => {
    fake = await startFakeTypesense();
    fake.addCollection(collectionSchema("events_live"));
    fake.aliases.set("events", "events_live");
  });

  afterEach(async () => {
    await fake.close();
  });

  const drain = () => {
    const engine = typesenseSearch({ db, url: fake.url, apiKey: fake.apiKey });
    return drainOutbox(db, { [SEARCH_SYNC_TOPIC]: searchSyncHandler((id) => engine.syncEvent(id)) }, { limit: 1000 });
  };
  const indexed = (id: string) => fake.collections.get("events_live")!.documents.get(id);

  it("indexes an edit once the worker runs, and marks a cancelled event so searches leave it out", async () => {
    const { user } = await createUserWithToken("ORGANIZER");
    const {
      events: [event],
    } = await createOrganizationWithEvents(user.id, 1);
    await updateEvent(services(), { actor: actorOf(user), eventId: event!.id, changes: { title: "Brand New Title" } });
    expect(indexed(event!.id)).toBeUndefined();

    await drain();
    expect(indexed(event!.id)).toMatchObject({ title: "Brand New Title", status: "PUBLISHED" });

    await cancelEvent(services(), { eventId: event!.id });
    await drain();
    expect(indexed(event!.id)).toMatchObject({ status: "CANCELLED" });
  });

  it("retries when Typesense is down, and catches up when it is back", async () => {
    const { user } = await createUserWithToken("ORGANIZER");
    const {
      events: [event],
    } = await createOrganizationWithEvents(user.id, 1);
    fake.respond("POST", /^\/collections\/events\/documents/, () => typesenseError(503, "Not Ready or Lagging"));
    await updateEvent(services(), { actor: actorOf(user), eventId: event!.id, changes: { title: "Offline Edit" } });
    await drain();
    const message = await db.outboxMessage.findFirstOrThrow({
      where: { topic: SEARCH_SYNC_TOPIC, payload: { path: ["eventId"], equals: event!.id } },
    });
    expect(message).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(message.lastError).toBeTruthy();
    expect(indexed(event!.id)).toBeUndefined();

    // Typesense comes back (a fresh server), and the back-off has passed.
    await db.outboxMessage.update({ where: { id: message.id }, data: { availableAt: new Date() } });
    await fake.close();
    fake = await startFakeTypesense(fake.apiKey);
    fake.addCollection(collectionSchema("events_live"));
    fake.aliases.set("events", "events_live");
    await drain();
    expect(indexed(event!.id)).toMatchObject({ title: "Offline Edit" });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("DONE");
  });
});
