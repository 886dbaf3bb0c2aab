import type { IncomingHttpHeaders } from "node:http";
import { startRecordingServer } from "./recording-server";

// A stand-in for a Typesense node (v27–v29 API) on loopback. Collections,
// aliases and document writes are kept in memory the way Typesense keeps
// them, so reindexing and syncing can be checked by their effect; searches
// answer what a test configures, since nothing here actually searches.

export type RecordedRequest = {
  method: string;
  /** Decoded, without the query string, e.g. /collections/events/documents/search. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names, as Node gives them. */
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON, or undefined when it is not JSON (imports are JSON lines). */
  json: unknown;
};

export type FakeResponse = {
  status?: number;
  /** Sent as JSON, unless it is a string. */
  body: unknown;
  /** Typesense answers JSON, except imports, which it answers as text/plain JSON lines. */
  contentType?: string;
};

export type FakeHandler = (request: RecordedRequest, match: RegExpMatchArray) => FakeResponse;

export type StoredDocument = Record<string, unknown> & { id: string };

export type CollectionSchemaInput = {
  name: string;
  fields?: { name: string; type: string; optional?: boolean }[];
  default_sorting_field?: string;
};

export type FakeCollection = {
  schema: { name: string; fields: { name: string; type: string; optional?: boolean }[] } & Record<string, unknown>;
  documents: Map<string, StoredDocument>;
};

export type FakeTypesense = {
  /** The node's URL, as TYPESENSE_URL would hold it. */
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  collections: Map<string, FakeCollection>;
  /** Alias name → collection name. */
  aliases: Map<string, string>;
  /** Creates a collection directly (as if created earlier), holding `documents`. */
  addCollection(schema: CollectionSchemaInput, documents?: StoredDocument[]): FakeCollection;
  /** Answers `method` requests whose path matches, ahead of the built-in behaviour; the latest registration wins. */
  respond(method: string, pathPattern: string | RegExp, handler: FakeHandler): void;
  close(): Promise<void>;
};

/** Typesense's error body: `{ "message": … }`. */
export function typesenseError(status: number, message: string): FakeResponse {
  return { status, body: { message } };
}

/** Typesense's answer to an import: one JSON object per line, in the order of the documents sent. */
export function importResponse(lines: Record<string, unknown>[]): FakeResponse {
  return {
    body: lines.map((line) => JSON.stringify(line)).join("\n"),
    contentType: "text/plain; charset=utf8",
  };
}

/** The documents of an import request body (JSON lines). */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export type FacetCounts = { field_name: string; counts: { value: string; count: number }[] };

/** A search response shaped like Typesense's, with the fields a test does not care about filled in. */
export function searchResponse(
  request: RecordedRequest,
  result: { found: number; hits: Record<string, unknown>[]; facets?: FacetCounts[]; outOf?: number },
): FakeResponse {
  const perPage = Number(request.query.per_page ?? 10);
  return {
    body: {
      facet_counts: (result.facets ?? []).map((facet) => ({
        field_name: facet.field_name,
        sampled: false,
        stats: { total_values: facet.counts.length },
        counts: facet.counts.map((c) => ({ ...c, highlighted: c.value })),
      })),
      found: result.found,
      hits: result.hits,
      out_of: result.outOf ?? result.found,
      page: Number(request.query.page ?? 1),
      request_params: {
        collection_name: request.path.split("/")[2],
        first_q: request.query.q,
        per_page: perPage,
        q: request.query.q,
      },
      search_cutoff: false,
      search_time_ms: 1,
    },
  };
}

/**
 * `text` with the words that start with one of `tokens` (case-insensitive)
 * marked the way Typesense marks them: the matched prefix wrapped in the
 * request's highlight tags (default <mark>), nothing escaped.
 */
export function highlight(request: RecordedRequest, text: string, tokens: string[]): string {
  const start = request.query.highlight_start_tag ?? "<mark>";
  const end = request.query.highlight_end_tag ?? "</mark>";
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const token = tokens.find((t) => word.toLowerCase().startsWith(t.toLowerCase()));
    return token ? `${start}${word.slice(0, token.length)}${end}${word.slice(token.length)}` : word;
  });
}

const notFound = typesenseError(404, "Not Found");

function collectionResponse(collection: FakeCollection) {
  return {
    ...collection.schema,
    created_at: 1_732_400_000,
    num_documents: collection.documents.size,
    num_memory_shards: 4,
  };
}

function withFieldDefaults(schema: FakeCollection["schema"]): FakeCollection["schema"] {
  return {
    ...schema,
    fields: schema.fields.map((field) => ({
      facet: false,
      index: true,
      infix: false,
      locale: "",
      optional: false,
      sort: ["int32", "int64", "float", "bool"].includes(field.type),
      stem: false,
      store: true,
      ...field,
    })),
  };
}

/** Typesense's complaint about a document, or null when the schema takes it. */
function documentProblem(collection: FakeCollection, document: unknown): string | null {
  if (typeof document !== "object" || document === null || Array.isArray(document)) return "Bad JSON.";
  const record = document as Record<string, unknown>;
  if (typeof record.id !== "string") return "Document's `id` field should be a string.";
  for (const field of collection.schema.fields) {
    if (!field.optional && record[field.name] === undefined) {
      return `Field \`${field.name}\` has been declared in the schema, but is not found in the document.`;
    }
  }
  return null;
}

/** The body parsed as JSON when it is sent as JSON (imports are JSON lines, sent as text). */
function jsonBody(headers: IncomingHttpHeaders, rawBody: string): unknown {
  if (!(headers["content-type"] ?? "").startsWith("application/json") || rawBody === "") return undefined;
  try {
    return JSON.parse(rawBody);
  } catch {
    return undefined;
  }
}

/** A stand-in for a Typesense node on loopback; every request must carry `apiKey`. */
export async function startFakeTypesense(apiKey = "ts_test_marquee_key"): Promise<FakeTypesense> {
  const collections = new Map<string, FakeCollection>();
  const aliases = new Map<string, string>();
  const server = await startRecordingServer<RecordedRequest, FakeResponse>({
    record: ({ method, url, headers, rawBody }) => ({
      method,
      path: url.pathname.split("/").map(decodeURIComponent).join("/"),
      query: Object.fromEntries(url.searchParams),
      headers,
      rawBody,
      json: jsonBody(headers, rawBody),
    }),
    guard: (request) =>
      request.headers["x-typesense-api-key"] === apiKey
        ? undefined
        : typesenseError(401, "Forbidden - a valid `x-typesense-api-key` header must be sent."),
    fallback: () => notFound,
    send: (res, response) => {
      const text = typeof response.body === "string";
      res.writeHead(response.status ?? 200, {
        "content-type": response.contentType ?? (text ? "text/plain; charset=utf8" : "application/json; charset=utf-8"),
      });
      res.end(text ? response.body : JSON.stringify(response.body));
    },
  });
  const route = server.route;

  // Like Typesense, collection paths accept an alias in place of the collection's name.
  const resolve = (name: string) => collections.get(aliases.get(name) ?? name);

  const addCollection = (schema: CollectionSchemaInput, documents: StoredDocument[] = []): FakeCollection => {
    const collection: FakeCollection = {
      schema: withFieldDefaults({ ...schema, fields: schema.fields ?? [] }),
      documents: new Map(documents.map((d) => [d.id, d])),
    };
    collections.set(schema.name, collection);
    return collection;
  };

  route("GET", "/health", () => ({ body: { ok: true } }));

  route("POST", "/collections", (request) => {
    const schema = request.json as CollectionSchemaInput;
    if (collections.has(schema.name)) {
      return typesenseError(409, `A collection with name \`${schema.name}\` already exists.`);
    }
    return { status: 201, body: collectionResponse(addCollection(schema)) };
  });

  route("GET", /^\/collections\/([^/]+)$/, (_request, [, name]) => {
    const collection = resolve(name!);
    return collection ? { body: collectionResponse(collection) } : notFound;
  });

  route("DELETE", /^\/collections\/([^/]+)$/, (_request, [, name]) => {
    const collection = collections.get(name!);
    if (!collection) return typesenseError(404, `No collection with name \`${name}\` found.`);
    collections.delete(name!);
    return { body: collectionResponse(collection) };
  });

  route("GET", "/aliases", () => ({
    body: { aliases: [...aliases].map(([name, collection_name]) => ({ name, collection_name })) },
  }));

  route("GET", /^\/aliases\/([^/]+)$/, (_request, [, name]) => {
    const target = aliases.get(name!);
    return target === undefined ? notFound : { body: { name, collection_name: target } };
  });

  route("PUT", /^\/aliases\/([^/]+)$/, (request, [, name]) => {
    const { collection_name } = request.json as { collection_name: string };
    aliases.set(name!, collection_name);
    return { body: { name, collection_name } };
  });

  route("DELETE", /^\/aliases\/([^/]+)$/, (_request, [, name]) => {
    const target = aliases.get(name!);
    if (target === undefined) return notFound;
    aliases.delete(name!);
    return { body: { name, collection_name: target } };
  });

  route("POST", /^\/collections\/([^/]+)\/documents\/import$/, (request, [, name]) => {
    const collection = resolve(name!);
    if (!collection) return notFound;
    const action = request.query.action ?? "create";
    const returnId = request.query.return_id === "true";
    const lines = request.rawBody.split("\n").filter((line) => line.trim() !== "");
    return importResponse(
      lines.map((line) => {
        let document: unknown;
        try {
          document = JSON.parse(line);
        } catch {
          return { code: 400, error: "Bad JSON.", success: false, document: line };
        }
        const problem = documentProblem(collection, document);
        const id = typeof document === "object" && document !== null ? (document as { id?: unknown }).id : null;
        const idPart = returnId && typeof id === "string" ? { id } : {};
        if (problem) return { code: 400, error: problem, success: false, document: line, ...idPart };
        const stored = document as StoredDocument;
        if (action === "create" && collection.documents.has(stored.id)) {
          return { code: 409, error: `A document with id ${stored.id} already exists.`, success: false, ...idPart };
        }
        collection.documents.set(stored.id, stored);
        return { success: true, ...idPart };
      }),
    );
  });

  route("POST", /^\/collections\/([^/]+)\/documents$/, (request, [, name]) => {
    const collection = resolve(name!);
    if (!collection) return notFound;
    const problem = documentProblem(collection, request.json);
    if (problem) return typesenseError(400, problem);
    const document = request.json as StoredDocument;
    if ((request.query.action ?? "create") === "create" && collection.documents.has(document.id)) {
      return typesenseError(409, `A document with id ${document.id} already exists.`);
    }
    collection.documents.set(document.id, document);
    return { status: 201, body: document };
  });

  route("GET", /^\/collections\/([^/]+)\/documents\/([^/]+)$/, (_request, [, name, id]) => {
    const document = resolve(name!)?.documents.get(id!);
    return document ? { body: document } : typesenseError(404, `Could not find a document with id: ${id}`);
  });

  // After the route above: the later registration wins, and "search" is not a document id.
  route("GET", /^\/collections\/([^/]+)\/documents\/search$/, (request, [, name]) =>
    resolve(name!) ? searchResponse(request, { found: 0, hits: [] }) : notFound,
  );

  route("DELETE", /^\/collections\/([^/]+)\/documents\/([^/]+)$/, (_request, [, name, id]) => {
    const collection = resolve(name!);
    const document = collection?.documents.get(id!);
    if (!collection || !document) return typesenseError(404, `Could not find a document with id: ${id}`);
    collection.documents.delete(id!);
    return { body: document };
  });

  return {
    url: `http://127.0.0.1:${server.port}`,
    apiKey,
    requests: server.requests,
    collections,
    aliases,
    addCollection,
    respond: route,
    close: server.close,
  };
}
