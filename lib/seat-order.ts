// Seat order as people read it: section, row, then seat number, with the numbers inside each
// compared as numbers ("Row 2" before "Row 10", "Section 101" before "Section 1010"). Pure:
// shared by the order page, the tickets page, e-mails and the seat-map geometry.

export type SeatLabel = { section: string; row: string; number: string };

const natural = new Intl.Collator("en", { numeric: true });

export function compareSeatLabels(a: SeatLabel, b: SeatLabel): number {
  return natural.compare(a.section, b.section) || natural.compare(a.row, b.row) || natural.compare(a.number, b.number);
}

/**
 * Items in seat order; those without a seat (general admission) keep their order after the seated
 * ones. Returns a new array.
 */
export function inSeatOrder<T extends { seat: SeatLabel | null }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (a.item.seat && b.item.seat) return compareSeatLabels(a.item.seat, b.item.seat) || a.index - b.index;
      if (a.item.seat) return -1;
      if (b.item.seat) return 1;
      return a.index - b.index;
    })
    .map(({ item }) => item);
}

/** "Section 101, Row 2, Seat 5": a seat as printed on a ticket. */
export function seatName(seat: SeatLabel): string {
  return `Section ${seat.section}, Row ${seat.row}, Seat ${seat.number}`;
}
