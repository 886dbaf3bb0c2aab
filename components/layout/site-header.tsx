import Link from "next/link";
import { AccountNav } from "./account-nav";
import { SearchBox } from "./search-box";

/** The same markup for every visitor (it is part of cached pages); who is signed in is filled in by AccountNav. */
export function SiteHeader() {
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-extrabold tracking-tight">
          Marquee<span className="text-amber-400">.</span>
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <SearchBox />
        </div>
        <nav aria-label="Account" className="ml-auto flex items-center gap-3 text-sm">
          <AccountNav />
        </nav>
      </div>
    </header>
  );
}
