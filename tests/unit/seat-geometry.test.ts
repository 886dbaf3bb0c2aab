import { randomUUID } from "node:crypto";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { geometryFile, responseEncoding, seatGeometryResponse } from "@/lib/events/seat-geometry";
import { decodeSeatGeometry, encodeSeatGeometry, type GeometrySeat } from "@/lib/events/seat-geometry-format";
import { arenaSeats } from "../support/arena-seats";

// The demo arena as an event stores it: random UUIDs per seat, one ticket type per zone.
const seats: GeometrySeat[] = arenaSeats().map((seat, i) => ({
  id: randomUUID(),
  section: seat.section,
  row: seat.row,
  number: seat.number,
  x: seat.x,
  y: seat.y,
  ticketTypeId: `type-${seat.zone}`,
  accessibility: i % 500 === 0 ? "wheelchair" : i % 500 === 1 ? "companion" : null,
}));

describe("seat-map geometry encoding", () => {
  it("round-trips every seat of the arena (positions to 0.01 map units), in section, row, seat order", () => {
    const decoded = decodeSeatGeometry(JSON.parse(JSON.stringify(encodeSeatGeometry("event-1", seats))));
    expect(decoded?.eventId).toBe("event-1");
    expect(decoded?.seats).toHaveLength(5660);
    const byId = new Map(decoded!.seats.map((seat) => [seat.id, seat]));
    for (const seat of seats) {
      const back = byId.get(seat.id)!;
      expect({ ...back, x: 0, y: 0 }).toEqual({ ...seat, x: 0, y: 0 });
      expect(Math.abs(back.x - seat.x)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(back.y - seat.y)).toBeLessThanOrEqual(0.005);
    }
    const rowTen = decoded!.seats.filter((s) => s.section === seats[0]!.section && s.row === seats[0]!.row);
    expect(rowTen.map((s) => Number(s.number))).toEqual([...rowTen].map((s) => Number(s.number)).sort((a, b) => a - b));
  });

  it("refuses documents of another format or with ragged columns", () => {
    const doc = encodeSeatGeometry("e", seats.slice(0, 3));
    expect(decodeSeatGeometry({ ...doc, format: 2 })).toBeNull();
    expect(decodeSeatGeometry({ ...doc, x: [1] })).toBeNull();
    expect(decodeSeatGeometry("nope")).toBeNull();
  });

  it("is the same file, and version, whatever order the database returns the seats in", () => {
    const a = geometryFile("e", seats);
    const b = geometryFile("e", [...seats].reverse());
    expect(b.version).toBe(a.version);
    expect(b.body.equals(a.body)).toBe(true);
    expect(geometryFile("other", seats).version).not.toBe(a.version);
  });

  it("compresses the arena's seat ids, labels and positions to well under the old 1 MB", () => {
    const file = geometryFile("e", seats);
    const [gz, br] = [gzipSync(file.body).length, brotliCompressSync(file.body).length];
    console.info(`arena geometry: ${file.body.length} B JSON, ${gz} B gzip, ${br} B brotli`);
    expect(gz).toBeLessThan(160_000);
  });
});

describe("seat-map geometry responses", () => {
  const file = geometryFile("e", seats.slice(0, 50));
  const request = (over: Partial<Parameters<typeof seatGeometryResponse>[1]> = {}) =>
    seatGeometryResponse(file, {
      version: file.version,
      acceptEncoding: "gzip, deflate, br",
      ifNoneMatch: null,
      ...over,
    });

  it("names the encoding next start will apply: gzip, then deflate, then none, nothing under 1 kB", () => {
    expect(responseEncoding("gzip, deflate, br, zstd", 5000)).toBe("gzip");
    expect(responseEncoding("br, deflate", 5000)).toBe("deflate");
    expect(responseEncoding("gzip;q=0, br", 5000)).toBe("identity");
    expect(responseEncoding(null, 5000)).toBe("identity");
    expect(responseEncoding("*", 5000)).toBe("gzip");
    expect(responseEncoding("gzip", 500)).toBe("identity");
  });

  it("is immutable for a year under the current version, with a strong ETag per encoding", async () => {
    const response = await request();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("etag")).toBe(`"${file.version}-gzip"`);
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const plain = await request({ acceptEncoding: null });
    expect(plain.headers.get("etag")).toBe(`"${file.version}"`);
    expect(JSON.parse(await plain.text()).eventId).toBe("e");
  });

  it("must be revalidated under any other version, and answers 304 to a matching If-None-Match", async () => {
    expect((await request({ version: undefined })).headers.get("cache-control")).toBe("public, no-cache");
    expect((await request({ version: "1-old" })).headers.get("cache-control")).toBe("public, no-cache");
    const notModified = await request({ ifNoneMatch: `"x", "${file.version}-gzip"` });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect((await request({ ifNoneMatch: `"${file.version}"` })).status).toBe(200);
  });
});
