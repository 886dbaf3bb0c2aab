import { defineConfig } from "prisma/config";

// Prisma 7's CLI wants a native schema engine from Prisma's CDN even for
// `generate`, which is pure WASM. Where no engine was installed, point it at a
// stub so generation works offline; migrations run through scripts/migrate.ts.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = new URL(
    "./scripts/support/schema-engine-stub.sh",
    import.meta.url,
  ).pathname;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/marquee" },
});
