import { db } from "@/lib/db";
import { postgresSearch } from "@/lib/search/postgres";
import { searchEngineContract } from "./search-engine.contract";

searchEngineContract("PostgreSQL", () => postgresSearch(db));
