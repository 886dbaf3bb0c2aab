// Money is integer minor units of an ISO 4217 currency. The rules about it live
// here once, for server and client code alike (this module imports nothing).

export type Priced = { priceMinor: number; feeMinor: number };

/** What a fan pays for one ticket: the price plus every fee. The only price Marquee ever shows. */
export function allInPriceMinor(ticketType: Priced): number {
  return ticketType.priceMinor + ticketType.feeMinor;
}

/** The same rule in SQL, over the ticket_types row named `alias` in the query. */
export function allInPriceSql(alias: string): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return `(${alias}."priceMinor" + ${alias}."feeMinor")`;
}

/** How many digits a currency's minor unit has: 2 for USD and EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 18450 USD cents → 184.5; 1200 JPY → 1200. For formats that want major units (JSON-LD, display). */
export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitDigits(currency);
}
