import { createPrismaClient } from "@/lib/db-client";
import { seedDemoDataIfEmpty } from "./demo/seed-data";

// `npm run db:seed`: fills an empty database with the demo catalogue.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is missing: npm run db:seed needs the database to fill (npm run dev seeds its own).");
  process.exit(1);
}
const db = createPrismaClient(url);
try {
  const started = Date.now();
  const seeded = await seedDemoDataIfEmpty(db);
  console.log(
    seeded
      ? `Seeded demo data (${seeded.orders} orders, ${seeded.tickets} tickets) in ${Date.now() - started} ms.`
      : "The database already has users; demo data not seeded.",
  );
} finally {
  await db.$disconnect();
}
