import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchDocumentFor } from "@/lib/search/document";
import { collectionSchema, reindexAll } from "@/lib/search/typesense";
import { createOrganizationWithEvents, createUserWithToken } from "../support/factories";
import { importResponse, jsonLines, startFakeTypesense, type FakeTypesense } from "../support/fake-typesense";

describe("reindexAll against Typesense's HTTP API", () => {
  const now = new Date("2030-05-06T07:08:09.000Z");
  const fresh = `events_${now.getTime()}`;
  let fake: FakeTypesense;

  beforeEach(async () => {
    fake = await startFakeTypesense();
    fake.addCollection(collectionSchema("events_old"), [{ id: "evt_stale", title: "Stale" }]);
    fake.aliases.set("events", "events_old");
  });

  afterEach(async () => {
    await fake.close();
  });

  async function ourEvents() {
    const { user } = await createUserWithToken("ORGANIZER");
    const { events } = await createOrganizationWithEvents(user.id, 3);
    await db.event.update({ where: { id: events[2]!.id }, data: { status: "DRAFT" } });
    return { published: events.slice(0, 2).map((e) => e.id), draft: events[2]!.id };
  }

  const position = (method: string, path: string) =>
    fake.requests.findIndex((r) => r.method === method && r.path === path);

  it("fills a new collection in batches, points the alias at it, then drops the old one", async () => {
    const { published, draft } = await ourEvents();

    const result = await reindexAll({ db, url: fake.url, apiKey: fake.apiKey, batchSize: 2, now });

    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/collections" });
    expect(fake.requests[0]!.json).toEqual(collectionSchema(fresh));

    const imports = fake.requests.filter((r) => r.path === `/collections/${fresh}/documents/import`);
    expect(imports.length).toBeGreaterThanOrEqual(1);
    const ids: string[] = [];
    for (const request of imports) {
      expect(request.method).toBe("POST");
      expect(request.query).toMatchObject({ action: "upsert" });
      expect(request.headers["content-type"]).toMatch(/^text\/plain/);
      const lines = jsonLines(request.rawBody);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(2);
      ids.push(...lines.map((line) => String(line.id)));
    }
    expect(ids).toEqual(expect.arrayContaining(published));
    expect(ids).not.toContain(draft);
    expect(new Set(ids).size).toBe(ids.length);

    expect(result).toEqual({ collection: fresh, indexed: ids.length, dropped: ["events_old"] });
    expect(fake.collections.get(fresh)!.documents.size).toBe(ids.length);
    expect(fake.collections.get(fresh)!.documents.get(published[0]!)).toEqual(
      await searchDocumentFor(db, published[0]!),
    );

    // Swapped only once everything is in, and the old collection dropped only after the swap.
    const lastImport = fake.requests.lastIndexOf(imports.at(-1)!);
    expect(position("GET", "/aliases/events")).toBeGreaterThan(lastImport);
    expect(position("PUT", "/aliases/events")).toBeGreaterThan(position("GET", "/aliases/events"));
    expect(position("DELETE", "/collections/events_old")).toBeGreaterThan(position("PUT", "/aliases/events"));
    expect(fake.requests.find((r) => r.method === "PUT")!.json).toEqual({ collection_name: fresh });
    expect(fake.aliases.get("events")).toBe(fresh);
    expect([...fake.collections.keys()]).toEqual([fresh]);
    for (const request of fake.requests) expect(request.headers["x-typesense-api-key"]).toBe(fake.apiKey);
  });

  it("creates the alias on a first reindex and drops nothing", async () => {
    fake.aliases.clear();
    fake.collections.clear();
    await ourEvents();

    const result = await reindexAll({ db, url: fake.url, apiKey: fake.apiKey, alias: "catalogue", now });

    expect(result.collection).toBe(`catalogue_${now.getTime()}`);
    expect(result.dropped).toEqual([]);
    expect(fake.aliases.get("catalogue")).toBe(result.collection);
    expect(fake.requests.some((r) => r.method === "DELETE")).toBe(false);
  });

  it("drops the new collection and leaves the alias alone when an import line fails", async () => {
    await ourEvents();
    fake.respond("POST", `/collections/${fresh}/documents/import`, (request) =>
      importResponse(
        jsonLines(request.rawBody).map((line, index) =>
          index === 0
            ? {
                code: 400,
                error: "Field `title` must be a string.",
                success: false,
                document: JSON.stringify(line),
                id: line.id,
              }
            : { success: true, id: line.id },
        ),
      ),
    );

    await expect(reindexAll({ db, url: fake.url, apiKey: fake.apiKey, now })).rejects.toThrow(
      /Typesense refused 1 of \d+ events in events_\d+: \S+: Field `title` must be a string\./,
    );

    expect(fake.requests.filter((r) => r.path.endsWith("/documents/import"))).toHaveLength(1);
    expect(position("DELETE", `/collections/${fresh}`)).toBeGreaterThan(0);
    expect(fake.requests.some((r) => r.path.startsWith("/aliases"))).toBe(false);
    expect(fake.aliases.get("events")).toBe("events_old");
    expect([...fake.collections.keys()]).toEqual(["events_old"]);
  });
});
