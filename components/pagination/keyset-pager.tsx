import Link from "next/link";

/** A search-params object without the page's own cursor, plus `key=cursor`. */
function pageHref(path: string, query: Record<string, string | undefined>, key: "after" | "before", cursor: string) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && name !== "after" && name !== "before") params.set(name, value);
  }
  params.set(key, cursor);
  return `${path}?${params}`;
}

/**
 * The links of a keyset-paginated list (lib/keyset.ts): the previous page (`newer`) and the next
 * (`older`), keeping the list's other search parameters. Nothing when the list fits on one page.
 */
export function KeysetPager({
  path,
  query,
  newer,
  older,
  labels = { newer: "Newer", older: "Older" },
}: {
  path: string;
  query: Record<string, string | undefined>;
  newer: string | null;
  older: string | null;
  labels?: { newer: string; older: string };
}) {
  if (!newer && !older) return null;
  const link = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="flex justify-between gap-2">
      {newer ? (
        <Link href={pageHref(path, query, "before", newer)} className={link} rel="prev">
          ← {labels.newer}
        </Link>
      ) : (
        <span />
      )}
      {older && (
        <Link href={pageHref(path, query, "after", older)} className={link} rel="next">
          {labels.older} →
        </Link>
      )}
    </nav>
  );
}
