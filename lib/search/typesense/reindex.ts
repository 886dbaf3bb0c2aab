import "server-only";
import { Errors, type Client } from "typesense";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { searchDocumentFor, type SearchDocument } from "../document";
import { createClient, DEFAULT_ALIAS, type TypesenseOptions } from "./client";
import { collectionSchema } from "./schema";

export type ReindexOptions = TypesenseOptions & { batchSize?: number; now?: Date };

export type ReindexResult = { collection: string; indexed: number; dropped: string[] };

const DEFAULT_BATCH_SIZE = 500;

async function aliasTarget(client: Client, alias: string): Promise<string | null> {
  try {
    return (await client.aliases(alias).retrieve()).collection_name;
  } catch (error) {
    if (error instanceof Errors.ObjectNotFound) return null;
    throw error;
  }
}

async function dropCollection(client: Client, name: string): Promise<void> {
  try {
    await client.collections(name).delete();
  } catch (error) {
    if (!(error instanceof Errors.ObjectNotFound)) throw error;
  }
}

async function importBatch(client: Client, collection: string, batch: SearchDocument[]): Promise<void> {
  const results = await client
    .collections<SearchDocument>(collection)
    .documents()
    // Failed lines are checked below, with the event ids in the message.
    .import(batch, { action: "upsert", return_id: true, throwOnFail: false });
  const failures = results.flatMap((result, index) =>
    result.success ? [] : [`${result.id ?? batch[index]?.id ?? `line ${index + 1}`}: ${result.error}`],
  );
  if (failures.length > 0) {
    throw new Error(
      `Typesense refused ${failures.length} of ${batch.length} events in ${collection}: ${failures.slice(0, 5).join("; ")}`,
    );
  }
  if (results.length !== batch.length) {
    throw new Error(`Typesense answered ${results.length} import results for ${batch.length} events in ${collection}`);
  }
}

/** Every public event into `collection`, reading the events in id order, `batchSize` at a time. */
async function importAllEvents(db: Db, client: Client, collection: string, batchSize: number): Promise<number> {
  let indexed = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.event.findMany({
      where: { status: { not: "DRAFT" }, ...(after === undefined ? {} : { id: { gt: after } }) },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return indexed;
    // searchDocumentFor is the one mapping from event to document; null when the event went draft meanwhile.
    const batch = (await Promise.all(rows.map((row) => searchDocumentFor(db, row.id)))).filter(
      (document): document is SearchDocument => document !== null,
    );
    if (batch.length > 0) await importBatch(client, collection, batch);
    indexed += batch.length;
    if (rows.length < batchSize) return indexed;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Rebuilds the index without a moment of it being empty or partial: fills a
 * new collection, points the alias at it in one step, then drops the
 * collection the alias pointed to before. A failed import drops the new
 * collection and leaves the alias alone. Changes synced while it runs land in
 * the old collection, so run it when writes are quiet (or sync again after).
 */
export async function reindexAll(options: ReindexOptions): Promise<ReindexResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const client = createClient(options.url, options.apiKey);
  const alias = options.alias ?? DEFAULT_ALIAS;
  const collection = `${alias}_${(options.now ?? new Date()).getTime()}`;

  await client.collections().create(collectionSchema(collection));
  let indexed: number;
  try {
    indexed = await importAllEvents(options.db, client, collection, batchSize);
  } catch (error) {
    await dropCollection(client, collection).catch((dropError: unknown) =>
      log.error({ err: dropError, collection }, "could not drop the half-built search collection"),
    );
    throw error;
  }

  const previous = await aliasTarget(client, alias);
  await client.aliases().upsert(alias, { collection_name: collection });
  const dropped = previous !== null && previous !== collection ? [previous] : [];
  for (const name of dropped) await dropCollection(client, name);
  return { collection, indexed, dropped };
}
