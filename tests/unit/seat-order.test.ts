import { describe, expect, it } from "vitest";
import { groupOrdersByEvent } from "@/lib/orders/fan-tickets";
import { compareSeatLabels, inSeatOrder, seatName } from "@/lib/seat-order";

const seat = (section: string, row: string, number: string) => ({ section, row, number });
const ticket = (code: string, s: ReturnType<typeof seat> | null) => ({ code, seat: s });

describe("seat order", () => {
  it("sorts by section, row and seat number, numbers as numbers", () => {
    const seats = [
      seat("102", "10", "1"),
      seat("102", "2", "11"),
      seat("102", "2", "2"),
      seat("101", "B", "7"),
      seat("101", "A", "12"),
      seat("1010", "1", "1"),
    ];
    expect([...seats].sort(compareSeatLabels).map(seatName)).toEqual([
      "Section 101, Row A, Seat 12",
      "Section 101, Row B, Seat 7",
      "Section 102, Row 2, Seat 2",
      "Section 102, Row 2, Seat 11",
      "Section 102, Row 10, Seat 1",
      "Section 1010, Row 1, Seat 1",
    ]);
  });

  it("puts general admission after the seats, keeping its order, and leaves the input alone", () => {
    const tickets = [
      ticket("ga-1", null),
      ticket("s10", seat("A", "1", "10")),
      ticket("ga-2", null),
      ticket("s2", seat("A", "1", "2")),
    ];
    expect(inSeatOrder(tickets).map((t) => t.code)).toEqual(["s2", "s10", "ga-1", "ga-2"]);
    expect(tickets[0]!.code).toBe("ga-1");
  });
});

describe("My tickets, one entry per event", () => {
  it("groups a fan's orders by event, in the order the events come, each order's tickets in seat order", () => {
    const arena = { id: "e1", title: "Arena show" };
    const club = { id: "e2", title: "Club night" };
    const grouped = groupOrdersByEvent([
      {
        id: "o1",
        number: 10421,
        event: arena,
        tickets: [ticket("a", seat("A", "10", "1")), ticket("b", seat("A", "2", "1"))],
      },
      { id: "o2", number: 10422, event: club, tickets: [ticket("c", null)] },
      { id: "o3", number: 10423, event: arena, tickets: [ticket("d", seat("A", "2", "2"))] },
    ]);
    expect(grouped).toEqual([
      {
        event: arena,
        ticketCount: 3,
        orders: [
          { id: "o1", number: 10421, tickets: [ticket("b", seat("A", "2", "1")), ticket("a", seat("A", "10", "1"))] },
          { id: "o3", number: 10423, tickets: [ticket("d", seat("A", "2", "2"))] },
        ],
      },
      { event: club, ticketCount: 1, orders: [{ id: "o2", number: 10422, tickets: [ticket("c", null)] }] },
    ]);
  });
});
