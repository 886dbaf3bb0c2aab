import Link from "next/link";
import type { FacetCount, SearchFacets } from "@/lib/search/engine";
import type { SearchParams } from "@/lib/search/schemas";
import { NearMeButton } from "./near-me";

const PRICE_LABEL: Record<string, string> = {
  "under-25": "Under $25",
  "25-50": "$25–50",
  "50-100": "$50–100",
  "100-plus": "$100+",
};
const PRICE_RANGE: Record<string, [number | undefined, number | undefined]> = {
  "under-25": [undefined, 24.99],
  "25-50": [25, 49.99],
  "50-100": [50, 99.99],
  "100-plus": [100, undefined],
};
const WHEN_LABEL = { today: "Today", weekend: "This weekend", month: "This month" } as const;

export type UrlParams = Record<string, string>;

/** The page's URL with some parameters changed (undefined removes one); page resets to 1. */
export function hrefWith(current: UrlParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== "" && key !== "page") next.set(key, value);
  }
  if (changes.page) next.set("page", changes.page);
  return `/search?${next}`;
}

/** How many filters are on (a date range, a price range and "near me" count once each). */
export function activeFilterCount(params: SearchParams): number {
  return [
    params.when ?? params.from ?? params.to,
    params.available,
    params.near,
    params.category,
    params.city,
    params.minPrice ?? params.maxPrice,
  ].filter((value) => value !== undefined && value !== false).length;
}

function Chip({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"}`}
    >
      {children}
    </Link>
  );
}

function FacetGroup({
  title,
  counts,
  label,
  param,
  selected,
  url,
}: {
  title: string;
  counts: FacetCount[];
  label: (value: string) => string;
  param: (value: string) => Record<string, string | undefined>;
  selected: (value: string) => boolean;
  url: UrlParams;
}) {
  if (counts.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="mb-1 w-full text-sm font-semibold text-slate-700">{title}</legend>
      {counts.slice(0, 12).map((c) => {
        const active = selected(c.value);
        const clear = Object.fromEntries(Object.keys(param(c.value)).map((k) => [k, undefined]));
        return (
          <Chip key={c.value} href={hrefWith(url, active ? clear : param(c.value))} active={active}>
            {label(c.value)} <span className={active ? "text-brand-100" : "text-slate-500"}>{c.count}</span>
          </Chip>
        );
      })}
    </fieldset>
  );
}

export function FilterBar({ params, url, facets }: { params: SearchParams; url: UrlParams; facets: SearchFacets }) {
  const priceBand = Object.entries(PRICE_RANGE).find(
    ([, [min, max]]) =>
      params.minPrice === (min === undefined ? undefined : Math.round(min * 100)) &&
      params.maxPrice === (max === undefined ? undefined : Math.round(max * 100)),
  )?.[0];
  return (
    <div className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4" data-testid="filters">
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 w-full text-sm font-semibold text-slate-700">When</legend>
        {(Object.keys(WHEN_LABEL) as (keyof typeof WHEN_LABEL)[]).map((when) => (
          <Chip
            key={when}
            href={hrefWith(url, { when: params.when === when ? undefined : when, from: undefined, to: undefined })}
            active={params.when === when}
          >
            {WHEN_LABEL[when]}
          </Chip>
        ))}
        <Chip href={hrefWith(url, { available: params.available ? undefined : "1" })} active={!!params.available}>
          Tickets available
        </Chip>
        <NearMeButton
          active={!!params.near}
          hrefFor={{
            on: hrefWith(url, { near: "__NEAR__", radiusKm: "50", city: undefined }),
            off: hrefWith(url, { near: undefined, radiusKm: undefined }),
          }}
        />
      </fieldset>
      <form action="/search" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Custom dates">
        {Object.entries(url)
          .filter(([key]) => !["from", "to", "when", "page"].includes(key))
          .map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
        <label className="flex flex-col">
          From
          <input
            type="date"
            name="from"
            defaultValue={url.from?.slice(0, 10)}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col">
          To
          <input
            type="date"
            name="to"
            defaultValue={url.to?.slice(0, 10)}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1">
          Apply dates
        </button>
      </form>
      <FacetGroup
        title="Category"
        counts={facets.category}
        label={(v) => v.charAt(0) + v.slice(1).toLowerCase()}
        param={(v) => ({ category: v.toLowerCase() })}
        selected={(v) => params.category === v}
        url={url}
      />
      <FacetGroup
        title="City"
        counts={facets.city}
        label={(v) => v}
        param={(v) => ({ city: v })}
        selected={(v) => params.city?.toLowerCase() === v.toLowerCase()}
        url={url}
      />
      <FacetGroup
        title="Price (all-in, from)"
        counts={facets.priceBand}
        label={(v) => PRICE_LABEL[v] ?? v}
        param={(v) => {
          const [min, max] = PRICE_RANGE[v] ?? [undefined, undefined];
          return { minPrice: min?.toString(), maxPrice: max?.toString() };
        }}
        selected={(v) => priceBand === v}
        url={url}
      />
    </div>
  );
}
