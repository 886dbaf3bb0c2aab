import { beforeEach, describe, expect, it } from "vitest";
import {
  fetchSeatGeometry,
  forgetPrefetchedGeometry,
  prefetchSeatGeometry,
} from "@/components/ticket-picker/panel-api";
import { SEAT_MAP_VERSION_HEADER, encodeSeatGeometry, type GeometrySeat } from "@/lib/events/seat-geometry-format";

const seat: GeometrySeat = {
  id: "s1",
  ticketTypeId: "t1",
  section: "A",
  row: "1",
  number: "1",
  x: 1,
  y: 2,
  accessibility: null,
};

/** A fetch that answers every geometry URL with one seat under `version`, and records what was asked. */
function geometryServer(version: string) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return new Response(JSON.stringify(encodeSeatGeometry("e1", [seat])), {
      headers: { "content-type": "application/json", [SEAT_MAP_VERSION_HEADER]: version },
    });
  }) as typeof fetch;
  return { asked, fetcher };
}

describe("the seat map read by slug alongside the live panel", () => {
  beforeEach(() => forgetPrefetchedGeometry());

  it("stands in for the versioned URL when the versions match: one request, not two in a row", async () => {
    const server = geometryServer("1-abc");
    prefetchSeatGeometry("arena-show", server.fetcher);
    prefetchSeatGeometry("arena-show", server.fetcher);
    const seats = await fetchSeatGeometry("/api/v1/events/e1/seat-map?v=1-abc", undefined, server.fetcher);
    expect(seats?.map((s) => s.id)).toEqual(["s1"]);
    expect(server.asked).toEqual(["/api/v1/events/arena-show/seat-map"]);
  });

  it("fetches the versioned URL when the slug's version is another (the layout changed in between)", async () => {
    const server = geometryServer("1-old");
    prefetchSeatGeometry("arena-show", server.fetcher);
    await fetchSeatGeometry("/api/v1/events/e1/seat-map?v=1-new", undefined, server.fetcher);
    expect(server.asked).toEqual(["/api/v1/events/arena-show/seat-map", "/api/v1/events/e1/seat-map?v=1-new"]);
  });

  it("falls back to the versioned URL when the read by slug failed", async () => {
    const asked: string[] = [];
    const failing = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      if (String(input).endsWith("/seat-map")) throw new TypeError("network down");
      return geometryServer("1-abc").fetcher(input);
    }) as typeof fetch;
    prefetchSeatGeometry("arena-show", failing);
    expect(await fetchSeatGeometry("/api/v1/events/e1/seat-map?v=1-abc", undefined, failing)).toHaveLength(1);
    expect(asked).toHaveLength(2);
  });
});
