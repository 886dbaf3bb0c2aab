import { describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/v1/events/route";
import { GET as suggestRoute } from "@/app/api/v1/search/suggest/route";
import { db } from "@/lib/db";
import { updateEvent } from "@/lib/events/authoring";
import { cancelEvent } from "@/lib/orders/cancellation";
import { services } from "@/lib/services";
import { actorOf } from "../support/actors";
import { createUserWithToken } from "../support/factories";
import { call } from "../support/http";
import { createSearchCatalogue } from "../support/search-catalogue";

describe("GET /api/v1/events", () => {
  it("answers { items, total, page, pageSize, facets } with all-in prices", async () => {
    await createSearchCatalogue(db);
    const { status, json } = await call(searchRoute, { path: "/?q=eras+tour&pageSize=5" });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 5,
      facets: { category: [{ value: "CONCERT", count: 1 }] },
    });
    expect(json.items[0]).toMatchObject({
      title: "Taylor Swift | The Eras Tour",
      fromPrice: { amountMinor: 15_000, currency: "USD" },
    });
  });

  it.each([
    ["?page=0", "page"],
    ["?pageSize=1000", "pageSize"],
    ["?category=opera", "category"],
    ["?from=yesterday", "from"],
    ["?from=2027-02-01&to=2027-01-01", "to"],
    ["?minPrice=50&maxPrice=10", "maxPrice"],
    ["?near=91,0", "near"],
    ["?sort=random", "sort"],
    ["?unknown=1", ""],
  ])("refuses %s with a 400 naming %s", async (query, field) => {
    const { status, json } = await call(searchRoute, { path: `/${query}` });
    expect(status).toBe(400);
    expect(json.error.code).toBe("VALIDATION_FAILED");
    if (field) expect(json.error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it("takes hostile text without a 500", async () => {
    for (const q of ["%_%", "\\", "'or 1=1--", "a:*&!|", "x".repeat(10_000)]) {
      const { status } = await call(searchRoute, { path: `/?q=${encodeURIComponent(q)}` });
      expect(status).toBe(200);
    }
  });

  it("suggests as one types", async () => {
    await createSearchCatalogue(db);
    const { status, json } = await call(suggestRoute, { path: "/?q=coldp" });
    expect(status).toBe(200);
    expect(json.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "performer", label: "Coldplay" })]),
    );
    expect((await call(suggestRoute, { path: "/" })).status).toBe(400);
  });
});

describe("search freshness with the PostgreSQL engine", () => {
  it("finds an edit at once and drops a cancelled event, and queues the change for external indexes", async () => {
    const catalogue = await createSearchCatalogue(db);
    const id = catalogue.miserables!.id;
    const { user: admin } = await createUserWithToken("ADMIN");
    await updateEvent(services(), {
      actor: actorOf(admin),
      eventId: id,
      changes: { title: "Les Misérables: Quillfeather Revival" },
    });
    const edited = await call(searchRoute, { path: "/?q=quillfeather" });
    expect(edited.json.items.map((i: { id: string }) => i.id)).toEqual([id]);

    await cancelEvent(services(), { eventId: id });
    expect((await call(searchRoute, { path: "/?q=quillfeather" })).json.total).toBe(0);
    expect(
      await db.outboxMessage.count({
        where: { topic: "search.sync-event", payload: { path: ["eventId"], equals: id } },
      }),
    ).toBe(2);
  });
});
