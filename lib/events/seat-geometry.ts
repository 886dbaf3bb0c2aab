import "server-only";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { DbOrTx } from "@/lib/db";
import { publicEventId } from "./queries";
import { SEAT_GEOMETRY_FORMAT, encodeSeatGeometry, type GeometrySeat } from "./seat-geometry-format";

// The seat map's geometry (ids, labels, positions, ticket types) of one event, served as
// a separate immutable resource: an event's seats are copied from a layout version when
// the event is created and never change, so the document is built once per event and
// process, and its URL carries a hash of its content.

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type SeatGeometryFile = {
  eventId: string;
  /** A hash of the uncompressed document: the URL's `v` and (per encoding) the strong ETag. */
  version: string;
  seats: number;
  /** The encodings, compressed off the event loop on first use. */
  identity: Buffer;
  gzip: () => Promise<Buffer>;
  br: () => Promise<Buffer>;
};

export const seatGeometryPath = (eventId: string, version: string) =>
  `/api/v1/events/${encodeURIComponent(eventId)}/seat-map?v=${version}`;

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

async function buildFile(db: DbOrTx, eventId: string): Promise<SeatGeometryFile | null> {
  const rows = await db.seat.findMany({
    where: { eventId },
    select: {
      id: true,
      section: true,
      row: true,
      number: true,
      x: true,
      y: true,
      ticketTypeId: true,
      accessibility: true,
    },
  });
  if (rows.length === 0) return null;
  return geometryFile(
    eventId,
    rows.map((row) => ({
      ...row,
      accessibility:
        row.accessibility === "WHEELCHAIR" ? "wheelchair" : row.accessibility === "COMPANION" ? "companion" : null,
    })),
  );
}

/** The file for these seats: the encoded document, its version, and its compressed forms on demand. */
export function geometryFile(eventId: string, seats: readonly GeometrySeat[]): SeatGeometryFile {
  const identity = Buffer.from(JSON.stringify(encodeSeatGeometry(eventId, seats)));
  const version = `${SEAT_GEOMETRY_FORMAT}-${createHash("sha256").update(identity).digest("base64url").slice(0, 20)}`;
  return {
    eventId,
    version,
    seats: seats.length,
    identity,
    gzip: once(() => gzipAsync(identity, { level: 9 })),
    br: once(() =>
      brotli(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
    ),
  };
}

// Per process, most recently used last. An arena's file is ~250 kB uncompressed plus its
// compressed forms; 64 events is well under 50 MB.
const MAX_FILES = 64;
const files = new Map<string, Promise<SeatGeometryFile | null>>();

/**
 * The geometry file of a public event (published or cancelled), or null for an unknown
 * event, a draft, or an event without seats. Built once per event id and process; the
 * key is the event's id, never its slug, so data recreated under the same slug (a
 * restore, a reseed) is a different entry.
 */
export function seatGeometryFile(db: DbOrTx, eventId: string): Promise<SeatGeometryFile | null> {
  const cached = files.get(eventId);
  if (cached) {
    files.delete(eventId);
    files.set(eventId, cached);
    return cached;
  }
  const building = (async () => {
    const publicId = await publicEventId(db, eventId);
    return publicId ? buildFile(db, publicId) : null;
  })();
  files.set(eventId, building);
  // Only real files are kept: an unknown id or a draft is asked again next time (it may be published).
  building.then(
    (file) => {
      if (!file) files.delete(eventId);
    },
    () => files.delete(eventId),
  );
  while (files.size > MAX_FILES) files.delete(files.keys().next().value!);
  return building;
}

export type GeometryEncoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts (q=0 refuses one), brotli first. */
export function preferredEncoding(acceptEncoding: string | null): GeometryEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

/**
 * The HTTP response for a geometry request: the file in the best accepted encoding with a
 * strong ETag per encoding, `immutable` for a year when the URL names the current version
 * (anything else must revalidate), and 304 when the client already has it.
 */
export async function seatGeometryResponse(
  file: SeatGeometryFile,
  request: { version: string | undefined; acceptEncoding: string | null; ifNoneMatch: string | null },
): Promise<Response> {
  const encoding = preferredEncoding(request.acceptEncoding);
  const etag = `"${file.version}${encoding === "identity" ? "" : `-${encoding}`}"`;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    etag,
    vary: "Accept-Encoding",
    "cache-control": request.version === file.version ? "public, max-age=31536000, immutable" : "public, no-cache",
  };
  if (request.ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  const body = encoding === "br" ? await file.br() : encoding === "gzip" ? await file.gzip() : file.identity;
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  return new Response(new Uint8Array(body), { status: 200, headers });
}
