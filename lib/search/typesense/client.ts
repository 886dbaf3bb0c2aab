import "server-only";
import { Client } from "typesense";
import type { Db } from "@/lib/db";

export type TypesenseOptions = {
  db: Db;
  /** A Typesense node, e.g. https://search.example.com:443 (TYPESENSE_URL). */
  url: string;
  apiKey: string;
  /** The alias searches and writes go through; reindexAll points it at a fresh collection. */
  alias?: string;
};

export const DEFAULT_ALIAS = "events";

export function createClient(url: string, apiKey: string): Client {
  const node = new URL(url);
  const protocol = node.protocol.replace(/:$/, "");
  return new Client({
    nodes: [
      {
        host: node.hostname,
        port: node.port ? Number(node.port) : protocol === "https" ? 443 : 80,
        protocol,
        // Typesense behind a reverse proxy under a path prefix.
        path: node.pathname.replace(/\/+$/, ""),
      },
    ],
    apiKey,
    connectionTimeoutSeconds: 5,
    numRetries: 2,
    retryIntervalSeconds: 0.1,
    // The client logs every retry as a warning on the console; failures reach the caller as errors.
    logLevel: "error",
  });
}
