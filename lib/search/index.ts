import "server-only";
import { db } from "@/lib/db";
import type { SearchEngine } from "./engine";
import { postgresSearch } from "./postgres";

let engine: SearchEngine | undefined;

/** This process's search engine. */
export function searchEngine(): SearchEngine {
  engine ??= postgresSearch(db);
  return engine;
}
