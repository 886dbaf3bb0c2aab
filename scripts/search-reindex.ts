import { config, ConfigError } from "@/lib/config";

// `npm run search:reindex`: rebuilds the Typesense index from the database and
// swaps it in whole (see reindexAll).
let settings: ReturnType<typeof config>;
try {
  settings = config();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const { TYPESENSE_URL: url, TYPESENSE_API_KEY: apiKey } = settings;
if (!url || !apiKey) {
  console.error(
    "search:reindex needs TYPESENSE_URL and TYPESENSE_API_KEY; the default PostgreSQL search reads live data and needs no index",
  );
  process.exit(1);
}

// Imported only once the configuration is known to be valid: these read it on load.
const { db } = await import("@/lib/db");
const { reindexAll } = await import("@/lib/search/typesense");

try {
  const started = Date.now();
  const result = await reindexAll({ db, url, apiKey });
  const dropped = result.dropped.length ? `; dropped ${result.dropped.join(", ")}` : "";
  console.log(
    `Indexed ${result.indexed} events into ${result.collection} in ${((Date.now() - started) / 1000).toFixed(1)} s${dropped}`,
  );
} catch (error) {
  // reindexAll only swaps the alias once the new collection is complete, so searches carry on meanwhile.
  console.error("search:reindex failed:", error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
