"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useId, useRef, useState } from "react";
import type { Suggestion } from "@/lib/search/engine";

const KIND_LABEL: Record<Suggestion["kind"], string> = { event: "Event", performer: "Artist", venue: "Venue" };

/** The label with the typed words in bold, built as elements so no HTML is ever injected. */
function Highlighted({ label, query }: { label: string; query: string }) {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 1);
  if (words.length === 0) return <>{label}</>;
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
  return (
    <>
      {label.split(pattern).map((part, i) =>
        words.includes(part.toLowerCase()) ? (
          <mark key={i} className="bg-amber-200 text-slate-900">
            {part}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

/**
 * The header search: a plain GET form to /search (works without JavaScript),
 * enhanced with as-you-type suggestions in an ARIA combobox. On the results
 * page it holds the query the results are for, so it can be refined.
 */
export function SearchBox({ defaultValue }: { defaultValue?: string }) {
  // The URL's query is known only at request time: statically rendered pages show the empty box until then.
  return (
    <Suspense fallback={<SearchField initial={defaultValue ?? ""} />}>
      <SearchBoxForPage defaultValue={defaultValue} />
    </Suspense>
  );
}

function SearchBoxForPage({ defaultValue }: { defaultValue?: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const initial = pathname === "/search" ? (params.get("q") ?? "") : (defaultValue ?? "");
  // A new search (or leaving the results) starts the field afresh; typing in between is kept.
  return <SearchField key={`${pathname}?${initial}`} initial={initial} />;
}

function SearchField({ initial }: { initial: string }) {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState(initial);
  // The results page's query is not being typed: no suggestions pop open until it is edited.
  const [edited, setEdited] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!edited || q.length < 2) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(q)}&limit=8`).catch(() => null);
      const body = response?.ok ? ((await response.json()) as { items: Suggestion[] }) : { items: [] };
      // Answers can arrive out of order; only the newest query's may show.
      if (ticket !== latest.current) return;
      setSuggestions(body.items);
      setActive(-1);
      setOpen(true);
    }, 150);
    return () => clearTimeout(timer);
  }, [query, edited]);

  const visible = open && query.trim().length >= 2 && suggestions.length > 0;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (!visible) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      // -1 is the text field itself; moving past either end wraps through it.
      setActive((i) => {
        const next = i + step;
        return next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
      });
    } else if (event.key === "Enter" && active >= 0 && suggestions[active]) {
      event.preventDefault();
      setOpen(false);
      router.push(suggestions[active].href);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <form action="/search" role="search" className="relative flex">
      <label htmlFor="site-search" className="sr-only">
        Search events, artists, teams and venues
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        role="combobox"
        aria-expanded={visible}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={visible && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setEdited(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
        placeholder="Search events, artists, venues"
        className="w-full rounded-l-lg border-0 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500"
      />
      <button type="submit" className="rounded-r-lg bg-amber-400 px-4 font-semibold text-slate-900 hover:bg-amber-300">
        Search
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!visible}
        className="absolute top-full right-0 left-0 z-20 mt-1 overflow-hidden rounded-lg border border-slate-200 bg-white text-slate-900 shadow-lg"
      >
        {suggestions.map((s, i) => (
          <li
            key={`${s.kind}-${s.href}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`flex cursor-pointer items-center justify-between gap-3 px-3 py-2 ${i === active ? "bg-brand-50" : ""}`}
            onMouseDown={(e) => {
              e.preventDefault();
              setOpen(false);
              router.push(s.href);
            }}
          >
            <span className="min-w-0 truncate">
              <Highlighted label={s.label} query={query} />
              {s.detail && (
                <span className="text-sm text-slate-600" data-testid="suggestion-detail">
                  {" · "}
                  {s.detail}
                </span>
              )}
            </span>
            <span className="shrink-0 text-xs text-slate-600">{KIND_LABEL[s.kind]}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
