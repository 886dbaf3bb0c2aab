// How a hold is named to the fan, the same on the event page's banner and at checkout.

export type HeldWords = {
  /** "2 seats", "1 ticket" */
  text: string;
  count: number;
  /** "is" or "are", to agree with the count. */
  verb: "is" | "are";
};

/** Seats when every item is a seat, tickets otherwise (general admission, or a mix). */
export function heldWords(items: readonly { seat: unknown; quantity: number }[]): HeldWords {
  const count = items.reduce((sum, item) => sum + item.quantity, 0);
  const noun = items.length > 0 && items.every((item) => item.seat) ? "seat" : "ticket";
  return { text: `${count} ${noun}${count === 1 ? "" : "s"}`, count, verb: count === 1 ? "is" : "are" };
}
