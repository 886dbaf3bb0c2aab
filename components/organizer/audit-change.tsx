import type { Prisma } from "@/lib/generated/prisma/client";

// An audit entry's data, readably: "field: before → after" for what changed, then any details.

type JsonObject = Record<string, Prisma.JsonValue>;

const isObject = (value: Prisma.JsonValue | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function show(value: Prisma.JsonValue | undefined): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v)).join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** "priceMinor" → "price minor": field names as words. */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

export function AuditChange({ data }: { data: Prisma.JsonValue }) {
  if (!isObject(data)) return null;
  const { before, after, ...details } = data;
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const detailKeys = Object.keys(details);
  if (fields.length === 0 && detailKeys.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      {fields.map((field) => (
        <div key={`f-${field}`} className="contents">
          <dt className="text-slate-600">{words(field)}</dt>
          <dd className="break-words">
            {field in b && field in a ? (
              <>
                <del className="text-slate-500">{show(b[field])}</del> →{" "}
                <ins className="no-underline">{show(a[field])}</ins>
              </>
            ) : field in a ? (
              show(a[field])
            ) : (
              <del className="text-slate-500">{show(b[field])}</del>
            )}
          </dd>
        </div>
      ))}
      {detailKeys.map((key) => (
        <div key={`d-${key}`} className="contents">
          <dt className="text-slate-600">{words(key)}</dt>
          <dd className="break-words">{show(details[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
