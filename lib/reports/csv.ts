// CSV as RFC 4180 writes it, safe to open in a spreadsheet. Pure: no server code, so the
// unit tests and any caller can use it.

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, make some
 * readers shift it into one). A buyer's name such as `=HYPERLINK("http://evil", "x")` would
 * otherwise run in the organizer's Excel (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/**
 * One cell: empty for null, a leading `'` when text could start a formula, and quoted (with
 * inner quotes doubled) when it holds a comma, a quote or a line break.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // A number is written by us, never typed by a user: "-5" stays a number.
  if (typeof value === "number") return String(value);
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
