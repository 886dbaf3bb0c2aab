import type { Metadata } from "next";
import Link from "next/link";
import { EventGrid } from "@/components/events/event-card";
import { activeFilterCount, FilterBar, hrefWith, type UrlParams } from "@/components/search/filter-bar";
import { FilterDisclosure } from "@/components/search/filter-disclosure";
import { services } from "@/lib/services";
import type { SearchResult } from "@/lib/search/engine";
import { searchParamsInput, toSearchQuery } from "@/lib/search/schemas";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(raw: Record<string, string | string[] | undefined>): UrlParams {
  return Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined || first === "" ? [] : [[key, first]];
    }),
  );
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = firstValues(await searchParams);
  return { title: q ? `“${q.slice(0, 60)}” — events` : "Find events" };
}

/**
 * "Showing results for luna marquez — search instead for luna marqz" when the results are for a
 * correction; "Did you mean luna marquez?" when the words as typed were searched and found nothing.
 */
function Correction({ url, typed, result }: { url: UrlParams; typed: string; result: SearchResult }) {
  const link = "font-semibold text-brand-700 underline";
  if (!result.didYouMean) return null;
  if (!result.corrected) {
    return (
      <p className="mt-1" data-testid="did-you-mean">
        Did you mean{" "}
        <Link href={hrefWith(url, { q: result.didYouMean, exact: undefined })} className={link}>
          {result.didYouMean}
        </Link>
        ?
      </p>
    );
  }
  return (
    <p className="mt-1" data-testid="showing-results-for">
      Showing results for <strong>{result.didYouMean}</strong> — search instead for{" "}
      <Link href={hrefWith(url, { q: typed, exact: "1" })} className={link}>
        {typed}
      </Link>
    </p>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const url = firstValues(await searchParams);
  const parsed = searchParamsInput.safeParse(url);
  if (!parsed.success) {
    return (
      <div className="mx-auto max-w-lg py-10 text-center">
        <h1 className="text-2xl font-bold">That search link is not quite right</h1>
        <p className="mt-2 text-slate-700">
          {parsed.error.issues.map((i) => `${i.path.join(".") || "search"} ${i.message}`).join("; ")}.
        </p>
        <Link href="/search" className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
          Start a new search
        </Link>
      </div>
    );
  }
  const params = parsed.data;
  const now = services().clock();
  const result = await services().search.search(toSearchQuery(params, now));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{params.q ? `Events matching “${params.q}”` : "All upcoming events"}</h1>
          <p className="text-slate-600" aria-live="polite" data-testid="result-count">
            {result.total} {result.total === 1 ? "event" : "events"}
          </p>
          {result.didYouMean && <Correction url={url} typed={params.q ?? ""} result={result} />}
        </div>
        <form action="/search" className="flex items-center gap-2 text-sm">
          {Object.entries(url)
            .filter(([key]) => key !== "sort" && key !== "page")
            .map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
          <label htmlFor="sort">Sort by</label>
          <select
            id="sort"
            name="sort"
            defaultValue={params.sort}
            className="rounded border border-slate-300 bg-white px-2 py-1"
          >
            <option value="relevance">Best match</option>
            <option value="date">Date</option>
            <option value="price">Lowest price</option>
          </select>
          <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1">
            Apply
          </button>
        </form>
      </div>

      <FilterDisclosure activeCount={activeFilterCount(params)}>
        <FilterBar params={params} url={url} facets={result.facets} />
      </FilterDisclosure>

      <h2 className="sr-only">Results</h2>
      {result.items.length ? (
        <EventGrid events={result.items} now={now} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">
          <p className="font-semibold">Nothing matches that yet.</p>
          <p>Try an artist, a team, a venue or a city, fewer filters, or browse what is coming up:</p>
          <p className="mt-2 flex flex-wrap gap-2">
            {["concert", "sports", "theatre", "comedy", "family"].map((category) => (
              <Link
                key={category}
                href={`/search?category=${category}`}
                className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm"
              >
                {category.charAt(0).toUpperCase() + category.slice(1)}
              </Link>
            ))}
          </p>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-center gap-4">
          {params.page > 1 && (
            <Link
              href={hrefWith(url, { page: String(params.page - 1) })}
              className="rounded border border-slate-300 bg-white px-3 py-1"
              rel="prev"
            >
              Previous
            </Link>
          )}
          <span className="text-sm text-slate-700">
            Page {params.page} of {pages}
          </span>
          {params.page < pages && (
            <Link
              href={hrefWith(url, { page: String(params.page + 1) })}
              className="rounded border border-slate-300 bg-white px-3 py-1"
              rel="next"
            >
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
