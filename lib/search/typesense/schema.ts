import type { CollectionCreateSchema, CollectionFieldSchema } from "typesense";
import type { SearchDocument } from "../document";

type FieldSpec = Pick<CollectionFieldSchema, "type" | "facet" | "index" | "optional" | "sort">;

/**
 * Keyed by SearchDocument so that a field added there fails to compile until
 * it is indexed here. `id` is Typesense's implicit document id: declaring it
 * is ignored. Fields only displayed are stored but not indexed (Typesense
 * requires those to be optional).
 */
const FIELDS: { [K in Exclude<keyof SearchDocument, "id">]: FieldSpec } = {
  slug: { type: "string", index: false, optional: true },
  title: { type: "string" },
  performers: { type: "string[]" },
  description: { type: "string" },
  tags: { type: "string[]" },
  category: { type: "string", facet: true },
  categoryWords: { type: "string[]" },
  status: { type: "string" },
  startsAt: { type: "int64", sort: true },
  onSaleAt: { type: "int64", index: false, optional: true },
  venueName: { type: "string" },
  city: { type: "string", facet: true },
  // Filtered on: a date filter is a range per venue time zone.
  timeZone: { type: "string" },
  location: { type: "geopoint" },
  minPriceMinor: { type: "int32", sort: true },
  maxPriceMinor: { type: "int32", sort: true },
  prices: { type: "int32[]" },
  currency: { type: "string", index: false, optional: true },
  priceBand: { type: "string", facet: true },
  available: { type: "bool" },
};

/** The definition of one events collection (reindexAll creates a new one each time). */
export function collectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    fields: Object.entries(FIELDS).map(([field, spec]) => ({ name: field, ...spec })),
    default_sorting_field: "startsAt",
  };
}
