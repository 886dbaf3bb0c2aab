import pg from "pg";

/**
 * The e2e server's own throwaway database (scripts/support/e2e-server.ts starts embedded
 * PostgreSQL on E2E_PORT + 10,000), for the few specs that must change data behind the
 * running server's back — as a restore or a reseed would.
 */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const port = Number(process.env.E2E_PORT ?? 3100) + 10_000;
  const client = new pg.Client({
    connectionString: `postgresql://postgres:marquee-embedded@127.0.0.1:${port}/marquee`,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
