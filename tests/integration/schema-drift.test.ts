import { readFile } from "node:fs/promises";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/scripts/support/migrations";
import { diffSchemas } from "@/scripts/support/schema-diff";
import { isolatedDatabase } from "../support/services";

// What the migrations add on purpose beyond what schema.prisma can say.
const EXTRAS_BEYOND_PRISMA = [
  "constraint events_hold_minutes_check",
  "constraint events_per_order_limit_check",
  "constraint events_schedule_check",
  "constraint hold_items_quantity_check",
  "constraint invitations_accepted_or_revoked",
  "constraint order_items_quantity_check",
  "constraint order_notes_body_check",
  "constraint orders_currency_check",
  "constraint orders_money_check",
  "constraint organizer_applications_decision_check",
  "constraint payments_amount_check",
  "constraint refunds_amount_check",
  "constraint refunds_idempotency_check",
  "constraint ticket_types_capacity_check",
  "constraint ticket_types_currency_check",
  "constraint ticket_types_money_check",
  "constraint ticket_types_order_size_check",
  "constraint ticket_types_sales_window_check",
  "constraint users_email_lowercase_check",
  "constraint venue_layouts_counts_check",
  "constraint venues_coordinates_check",
  "index check_ins_live_ticket_key",
  "index events_published_performers_idx",
  "index events_published_venue_idx",
  "index orders_email_trgm_idx",
  "index orders_pending_hold_key",
  "index organizer_applications_pending_user_key",
  "index queue_entries_waiting_idx",
  "index search_events_public_city_idx",
  "index search_events_public_idx",
  "index search_events_public_venue_idx",
  "index search_terms_term_prefix_idx",
  "index search_terms_term_trgm_idx",
  "index tickets_live_seat_key",
  "index venues_city_normalized_idx",
  "index venues_name_normalized_idx",
];

const CATALOG_QUERIES = {
  column: `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  index: `SELECT indexname AS item, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  constraint: `SELECT c.conname AS item, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
               JOIN pg_namespace n ON n.oid = c.connamespace JOIN pg_class r ON r.oid = c.conrelid
               WHERE n.nspname = 'public' AND r.relname <> '_prisma_migrations'`,
  enum: `SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS item
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
};

async function catalog(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const entries = new Map<string, string>();
    for (const [kind, sql] of Object.entries(CATALOG_QUERIES)) {
      const { rows } = await client.query<{ item: string; def?: string }>(sql);
      for (const row of rows) entries.set(`${kind} ${row.item}`, row.def ?? "");
    }
    return entries;
  } finally {
    await client.end();
  }
}

async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const database = await isolatedDatabase(inject("adminDatabaseUrl"), "drift", { migrate: false });
  try {
    return await run(database.url);
  } finally {
    await database.drop();
  }
}

describe("migrations", () => {
  it("build exactly the schema that schema.prisma describes, plus the listed database-only guards", async () => {
    const schema = await readFile(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
    const fromPrisma = await withDatabase(async (url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(await diffSchemas("empty", { schema }));
      await client.end();
      return catalog(url);
    });
    const fromMigrations = await withDatabase(async (url) => {
      await applyMigrations(url);
      return catalog(url);
    });

    const missing = [...fromPrisma.keys()].filter((k) => !fromMigrations.has(k));
    const different = [...fromPrisma.keys()].filter(
      (k) => fromMigrations.has(k) && fromMigrations.get(k) !== fromPrisma.get(k),
    );
    const extra = [...fromMigrations.keys()].filter((k) => !fromPrisma.has(k)).sort();
    expect({ missing, different }).toEqual({ missing: [], different: [] });
    expect(extra).toEqual(EXTRAS_BEYOND_PRISMA);
  });

  it("are recorded in _prisma_migrations with Prisma's checksums and are not applied twice", async () => {
    await withDatabase(async (url) => {
      const first = await applyMigrations(url);
      expect(first.length).toBeGreaterThan(0);
      expect(await applyMigrations(url)).toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`);
      await client.end();
      expect(rows.map((r) => r.migration_name)).toEqual(first);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
      }
    });
  });
});
