import "server-only";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { SearchEngine } from "./engine";
import { postgresSearch } from "./postgres";
import { typesenseSearch } from "./typesense";

/** The search engine for a deployment: Typesense when configured, PostgreSQL otherwise. */
export function searchEngineFor(config: Config, db: Db): SearchEngine {
  return config.TYPESENSE_URL && config.TYPESENSE_API_KEY
    ? typesenseSearch({ db, url: config.TYPESENSE_URL, apiKey: config.TYPESENSE_API_KEY })
    : postgresSearch(db);
}
