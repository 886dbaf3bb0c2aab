import Link from "next/link";
import { signOutAction } from "@/app/(shop)/(account)/actions";
import { currentActor } from "@/lib/auth/page-actor";
import { SearchBox } from "./search-box";

export async function SiteHeader() {
  const actor = await currentActor();
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
          {actor ? (
            <>
              {(actor.role === "ORGANIZER" || actor.role === "ADMIN") && (
                <Link href="/organizer" className="rounded px-2 py-1 hover:bg-white/10">
                  Dashboard
                </Link>
              )}
              <span className="hidden sm:inline" data-testid="signed-in-as">
                {actor.name}
              </span>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className="rounded px-2 py-1 hover:bg-white/10">
                Sign in
              </Link>
              <Link
                href="/signup"
                className="rounded bg-amber-400 px-3 py-1 font-semibold text-slate-900 hover:bg-amber-300"
              >
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
