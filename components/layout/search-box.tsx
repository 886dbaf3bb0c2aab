export function SearchBox({ defaultValue }: { defaultValue?: string }) {
  return (
    <form action="/search" role="search" className="flex">
      <label htmlFor="site-search" className="sr-only">
        Search events, artists, teams and venues
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search events, artists, venues"
        className="w-full rounded-l-lg border-0 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500"
      />
      <button type="submit" className="rounded-r-lg bg-amber-400 px-4 font-semibold text-slate-900 hover:bg-amber-300">
        Search
      </button>
    </form>
  );
}
