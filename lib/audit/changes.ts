import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A value as the audit log keeps it: dates as ISO strings, everything else as plain JSON. */
function asJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value as Prisma.InputJsonValue;
}

const same = (a: unknown, b: unknown) => JSON.stringify(asJson(a)) === JSON.stringify(asJson(b));

/**
 * The fields that differ between two versions of a row, as the `before` and `after` of an audit
 * entry: only what changed, so the log reads "price 10.00 → 12.00" rather than the whole row.
 * Empty (both `{}`) when nothing changed.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject } {
  const keys = Object.keys(after).filter((key) => after[key] !== undefined && !same(before[key], after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, asJson(before[key])])),
    after: Object.fromEntries(keys.map((key) => [key, asJson(after[key])])),
  };
}

/** Chosen fields of a row as plain JSON, for an entry's `after` (a creation) or `before` (a deletion). */
export function snapshot<T extends Record<string, unknown>>(
  row: T,
  keys: readonly (keyof T & string)[],
): Prisma.InputJsonObject {
  return Object.fromEntries(keys.map((key) => [key, asJson(row[key])]));
}
