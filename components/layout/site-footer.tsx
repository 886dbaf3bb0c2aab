import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:justify-between">
        <p>Marquee — open-source ticketing. Every price shown includes fees.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/search" className="hover:underline">
            All events
          </Link>
          <Link href="/organizer" className="hover:underline">
            For organizers
          </Link>
          <a href="/status" className="hover:underline">
            Status
          </a>
        </nav>
      </div>
    </footer>
  );
}
