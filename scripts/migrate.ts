import { applyMigrations } from "./support/migrations";

// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, offline.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "DATABASE_URL is missing: set it to the database to migrate (npm run dev migrates its embedded one itself).",
  );
  process.exit(1);
}
const applied = await applyMigrations(url, console.log);
console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
