import "server-only";
import { Errors } from "typesense";
import { searchDocumentFor, type SearchDocument } from "../document";
import type { SearchEngine, SearchResult, Suggestion } from "../engine";
import { createClient, DEFAULT_ALIAS, type TypesenseOptions } from "./client";
import { FACET_FIELDS, facetParams, filterClauses, filtersFor, hitsParams, queryText, suggestParams } from "./query";
import { facetsOf, suggestionsFrom, toHit } from "./results";
import { dateWindowsOf } from "../time-zones";

export type { TypesenseOptions } from "./client";
export { reindexAll, type ReindexOptions, type ReindexResult } from "./reindex";
export { collectionSchema } from "./schema";

/** Typesense behind SearchEngine: searches and writes go through an alias that reindexAll swaps. */
export function typesenseSearch(options: TypesenseOptions): SearchEngine {
  const client = createClient(options.url, options.apiKey);
  const alias = options.alias ?? DEFAULT_ALIAS;
  const documents = () => client.collections<SearchDocument>(alias).documents();

  return {
    kind: "typesense",

    async search(query): Promise<SearchResult> {
      const text = queryText(query.q);
      const filters = filtersFor(query, await dateWindowsOf(options.db, query));
      // Each facet's counts apply the other facets' filters but not its own (as the PostgreSQL engine's
      // do). A facet with no filter selected is counted by the search for hits; each selected one takes
      // a search of its own, without its filter.
      const selected = FACET_FIELDS.filter((field) => filters.faceted[field] !== undefined);
      const unselected = FACET_FIELDS.filter((field) => filters.faceted[field] === undefined);
      const [response, ...facetResponses] = await Promise.all([
        documents().search(hitsParams(query, text, filterClauses(filters), unselected)),
        ...selected.map((field) => documents().search(facetParams(text, filterClauses(filters, field), field))),
      ]);
      return {
        items: (response.hits ?? []).map(toHit),
        total: response.found,
        page: query.page,
        pageSize: query.pageSize,
        facets: facetsOf([response, ...facetResponses]),
        // Typesense corrects typos itself, in search and suggestions alike, and does not say how.
        didYouMean: null,
        corrected: false,
      };
    },

    async suggest(q, { limit, now }): Promise<Suggestion[]> {
      const text = queryText(q);
      if (!text || limit < 1) return [];
      const response = await documents().search(suggestParams(text, limit, now));
      return suggestionsFrom(response.hits ?? [], limit, now);
    },

    async syncEvent(eventId) {
      const document = await searchDocumentFor(options.db, eventId);
      if (document) {
        await documents().upsert(document);
        return;
      }
      try {
        await client.collections(alias).documents(eventId).delete();
      } catch (error) {
        // Never indexed, or already removed.
        if (!(error instanceof Errors.ObjectNotFound)) throw error;
      }
    },
  };
}
