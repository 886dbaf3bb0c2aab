import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { SearchEngine } from "./engine";
import { postgresSearch } from "./postgres";
import { typesenseSearch } from "./typesense";

let engine: SearchEngine | undefined;

/** This process's search engine: Typesense when configured, PostgreSQL otherwise. */
export function searchEngine(): SearchEngine {
  const c = config();
  engine ??=
    c.TYPESENSE_URL && c.TYPESENSE_API_KEY
      ? typesenseSearch({ db, url: c.TYPESENSE_URL, apiKey: c.TYPESENSE_API_KEY })
      : postgresSearch(db);
  return engine;
}
