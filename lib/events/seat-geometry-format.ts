// The seat-map geometry of an event as one compact JSON document, shared by the
// server (which encodes it once per event and serves it as an immutable file) and
// the browser (which decodes it into the seat map's seats). Pure: no server-only,
// no React. An event's seats are copied from a layout when it is created and never
// move, so the document never changes for an event id.
//
// Columnar rather than one object per seat: the keys of 5,660 objects were most of
// the old payload. Ticket type ids and section names are listed once and referred
// to by index; coordinates are rounded to 0.01 map units (seats are ~10 apart).

import { compareSeatLabels } from "@/lib/seat-order";

export const SEAT_GEOMETRY_FORMAT = 1;

/** Names the version of the file in a response, so a read by slug can stand in for the versioned URL. */
export const SEAT_MAP_VERSION_HEADER = "seat-map-version";

export type GeometryAccessibility = "wheelchair" | "companion";

export type GeometrySeat = {
  id: string;
  section: string;
  row: string;
  number: string;
  x: number;
  y: number;
  ticketTypeId: string;
  accessibility: GeometryAccessibility | null;
};

export type EncodedSeatGeometry = {
  format: typeof SEAT_GEOMETRY_FORMAT;
  eventId: string;
  ticketTypeIds: string[];
  sections: string[];
  /** One entry per seat in every array below, in the same order. */
  id: string[];
  section: number[];
  row: string[];
  number: string[];
  x: number[];
  y: number[];
  ticketType: number[];
  /** Seat index → 1 wheelchair, 2 companion; only the few seats that have one. */
  accessibility: Record<string, 1 | 2>;
};

/** Section, row, then seat number, read as people do ("2" before "10"). */
export function compareSeats(a: GeometrySeat, b: GeometrySeat): number {
  return compareSeatLabels(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const round = (value: number) => Math.round(value * 100) / 100;

export function encodeSeatGeometry(eventId: string, seats: readonly GeometrySeat[]): EncodedSeatGeometry {
  const sorted = [...seats].sort(compareSeats);
  const ticketTypeIds: string[] = [];
  const sections: string[] = [];
  const indexOf = (list: string[], value: string) => {
    let index = list.indexOf(value);
    if (index < 0) index = list.push(value) - 1;
    return index;
  };
  const encoded: EncodedSeatGeometry = {
    format: SEAT_GEOMETRY_FORMAT,
    eventId,
    ticketTypeIds,
    sections,
    id: [],
    section: [],
    row: [],
    number: [],
    x: [],
    y: [],
    ticketType: [],
    accessibility: {},
  };
  sorted.forEach((seat, index) => {
    encoded.id.push(seat.id);
    encoded.section.push(indexOf(sections, seat.section));
    encoded.row.push(seat.row);
    encoded.number.push(seat.number);
    encoded.x.push(round(seat.x));
    encoded.y.push(round(seat.y));
    encoded.ticketType.push(indexOf(ticketTypeIds, seat.ticketTypeId));
    if (seat.accessibility) encoded.accessibility[index] = seat.accessibility === "wheelchair" ? 1 : 2;
  });
  return encoded;
}

function isEncoded(value: unknown): value is EncodedSeatGeometry {
  if (typeof value !== "object" || value === null) return false;
  const doc = value as Partial<EncodedSeatGeometry>;
  const n = doc.id?.length;
  return (
    doc.format === SEAT_GEOMETRY_FORMAT &&
    typeof doc.eventId === "string" &&
    Array.isArray(doc.ticketTypeIds) &&
    Array.isArray(doc.sections) &&
    n !== undefined &&
    [doc.section, doc.row, doc.number, doc.x, doc.y, doc.ticketType].every((a) => Array.isArray(a) && a.length === n)
  );
}

/** The seats of an encoded document, in its order; null when it is not one this code can read. */
export function decodeSeatGeometry(value: unknown): { eventId: string; seats: GeometrySeat[] } | null {
  if (!isEncoded(value)) return null;
  const { id, section, row, number, x, y, ticketType, sections, ticketTypeIds, accessibility } = value;
  const seats: GeometrySeat[] = new Array(id.length);
  for (let i = 0; i < id.length; i++) {
    const code = accessibility?.[i];
    seats[i] = {
      id: id[i]!,
      section: sections[section[i]!] ?? "",
      row: row[i]!,
      number: number[i]!,
      x: x[i]!,
      y: y[i]!,
      ticketTypeId: ticketTypeIds[ticketType[i]!] ?? "",
      accessibility: code === 1 ? "wheelchair" : code === 2 ? "companion" : null,
    };
  }
  return { eventId: value.eventId, seats };
}
