import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchDocumentFor } from "@/lib/search/document";
import { collectionSchema } from "@/lib/search/typesense";
import { createOrganizationWithEvents, createUserWithToken } from "../support/factories";

describe("collectionSchema", () => {
  it("declares every document field with its type, facets, the geopoint and the default sort", async () => {
    const { user } = await createUserWithToken("ORGANIZER");
    const {
      events: [event],
    } = await createOrganizationWithEvents(user.id, 1);
    const document = (await searchDocumentFor(db, event!.id))!;

    const schema = collectionSchema("events_123");

    expect(schema.name).toBe("events_123");
    expect(schema.default_sorting_field).toBe("startsAt");
    // `id` is implicit in Typesense.
    expect(["id", ...schema.fields.map((f) => f.name)].sort()).toEqual(Object.keys(document).sort());
    const field = (name: string) => schema.fields.find((f) => f.name === name);
    expect(schema.fields.filter((f) => f.facet).map((f) => f.name)).toEqual(["category", "city", "priceBand"]);
    expect(field("location")).toMatchObject({ type: "geopoint" });
    expect(field("startsAt")).toMatchObject({ type: "int64", sort: true });
    expect(field("performers")).toMatchObject({ type: "string[]" });
    expect(field("available")).toMatchObject({ type: "bool" });
    // Date filters are ranges per venue time zone; category words are matched like text.
    expect(field("timeZone")).toEqual({ name: "timeZone", type: "string" });
    expect(field("categoryWords")).toMatchObject({ type: "string[]" });
    // Stored for display only: Typesense wants those optional.
    for (const name of ["slug", "currency"]) expect(field(name)).toMatchObject({ index: false, optional: true });
  });
});
