import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { publicEventId } from "./queries";
import {
  SEAT_GEOMETRY_FORMAT,
  SEAT_MAP_VERSION_HEADER,
  encodeSeatGeometry,
  type GeometrySeat,
} from "./seat-geometry-format";

// The seat map's geometry (ids, labels, positions, ticket types) of one event, served as
// a separate immutable resource: an event's seats are copied from a layout version when
// the event is created and never change, so the document is built once per event and
// process, and its URL carries a hash of its content.

export type SeatGeometryFile = {
  eventId: string;
  /** A hash of the document: the URL's `v` and (per encoding) the strong ETag. */
  version: string;
  seats: number;
  body: Buffer;
};

export const seatGeometryPath = (eventId: string, version: string) =>
  `/api/v1/events/${encodeURIComponent(eventId)}/seat-map?v=${version}`;

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

/** The file for these seats: the encoded document and its version. */
export function geometryFile(eventId: string, seats: readonly GeometrySeat[]): SeatGeometryFile {
  const body = Buffer.from(JSON.stringify(encodeSeatGeometry(eventId, seats)));
  const version = `${SEAT_GEOMETRY_FORMAT}-${createHash("sha256").update(body).digest("base64url").slice(0, 20)}`;
  return { eventId, version, seats: seats.length, body };
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

export type GeometryEncoding = "gzip" | "deflate" | "identity";

/** What `next start` compresses at least (the `compression` middleware's threshold). */
const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * The encoding the response will go out in. Next.js drops a route handler's own
 * `Content-Encoding` (send-response.ts) and compresses JSON itself (`compress`, on by
 * default: gzip, else deflate, else none, by the request's Accept-Encoding; nothing under
 * 1 kB), so the handler returns the document as is and names the encoding in its ETag.
 */
export function responseEncoding(acceptEncoding: string | null, bytes: number): GeometryEncoding {
  if (bytes < COMPRESSION_THRESHOLD_BYTES) return "identity";
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("gzip")) return "gzip";
  if (ok("deflate")) return "deflate";
  return "identity";
}

/**
 * The HTTP response for a geometry request: the document with a strong ETag per encoding,
 * `immutable` for a year when the URL names the current version (anything else must
 * revalidate), and 304 when the client already has it.
 */
export function seatGeometryResponse(
  file: SeatGeometryFile,
  request: { version: string | undefined; acceptEncoding: string | null; ifNoneMatch: string | null },
): Response {
  const encoding = responseEncoding(request.acceptEncoding, file.body.length);
  const etag = `"${file.version}${encoding === "identity" ? "" : `-${encoding}`}"`;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    etag,
    [SEAT_MAP_VERSION_HEADER]: file.version,
    vary: "Accept-Encoding",
    "cache-control": request.version === file.version ? "public, max-age=31536000, immutable" : "public, no-cache",
  };
  if (request.ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(file.body), { status: 200, headers });
}
