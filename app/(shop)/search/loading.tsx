export default function SearchLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true" aria-label="Loading results">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-28 animate-pulse rounded-2xl bg-slate-200" />
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i} className="h-64 animate-pulse rounded-xl bg-slate-200" />
        ))}
      </ul>
    </div>
  );
}
