import "server-only";
import { csvRow, type CsvValue } from "./csv";

/** Rows per database read: a page is all an export ever holds in memory. */
export const CSV_PAGE_SIZE = 1_000;

export type KeysetCsv<Row, Key> = {
  header: readonly string[];
  /** The next page after `after` (null: the first), at most `limit` rows, in key order. */
  page: (after: Key | null, limit: number) => Promise<Row[]>;
  keyOf: (row: Row) => Key;
  cells: (row: Row) => readonly CsvValue[];
};

/**
 * A CSV file streamed page by page: each `pull` (the reader asking for more) reads one keyset
 * page and sends it as one chunk, so a slow download holds one page, not the export, and a
 * cancelled download stops reading the database.
 */
export function keysetCsvStream<Row, Key>(source: KeysetCsv<Row, Key>, pageSize = CSV_PAGE_SIZE) {
  const encoder = new TextEncoder();
  let after: Key | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(csvRow(source.header)));
          return;
        }
        const rows = await source.page(after, pageSize);
        if (rows.length > 0) {
          controller.enqueue(encoder.encode(rows.map((row) => csvRow(source.cells(row))).join("")));
          after = source.keyOf(rows.at(-1)!);
        }
        if (rows.length < pageSize) controller.close();
      },
    },
    // One chunk queued ahead at most: the next page is read only when the last one has gone out.
    { highWaterMark: 1 },
  );
}

/** The download response: no caching (it is personal data), a file name, and the stream. */
export function csvResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
