import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/support/embedded-postgres";
import { freePort } from "../support/services";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL (the npm run dev database)", () => {
  it("keeps its data across a stop and a start", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "marquee-persist-"));
    chmodSync(dir, 0o755);
    const options = { dataDir: path.join(dir, "data"), port: await freePort(), database: "keep" };
    try {
      const first = await startEmbeddedPostgres(options);
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
      await first.stop();

      const second = await startEmbeddedPostgres(options);
      expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
