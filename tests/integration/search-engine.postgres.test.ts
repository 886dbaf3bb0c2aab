import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { postgresSearch } from "@/lib/search/postgres";
import { isolatedDatabase } from "../support/services";
import { searchEngineContract } from "./search-engine.contract";

searchEngineContract("PostgreSQL", async () => {
  const database = await isolatedDatabase(inject("adminDatabaseUrl"), "search");
  const db = createPrismaClient(database.url, 4);
  return {
    engine: postgresSearch(db),
    db,
    teardown: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
});
