"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signOutAction } from "@/app/(shop)/(account)/actions";
import { accountPageHref } from "@/lib/auth/return-path";

type Account = { name: string | null; email: string; dashboard: boolean };

/**
 * The header's account links, read in the browser: the header is part of pages served from the
 * full-route cache (the event page), which are the same HTML for everyone. Anonymous visitors cost
 * one call to Auth.js's session endpoint (no database); signed-in ones one more for their name and
 * whether they have a dashboard. Re-read on every navigation, so signing in or out shows at once.
 */
export function AccountNav() {
  const pathname = usePathname();
  const [account, setAccount] = useState<Account | null | "loading">("loading");
  const [here, setHere] = useState({ pathname: "/", search: "" });

  useEffect(() => {
    const controller = new AbortController();
    const settle = (found: Account | null) => {
      setHere({ pathname: window.location.pathname, search: window.location.search });
      setAccount(found);
    };
    readAccount(controller.signal)
      .then(settle)
      .catch(() => controller.signal.aborted || settle(null));
    return () => controller.abort();
  }, [pathname]);

  if (account === "loading") return <span aria-hidden className="h-8 w-32" />;
  if (account === null) {
    return (
      <>
        <Link href={accountPageHref("signin", here)} className="rounded px-2 py-1 hover:bg-white/10">
          Sign in
        </Link>
        <Link
          href={accountPageHref("signup", here)}
          className="rounded bg-amber-400 px-3 py-1 font-semibold text-slate-900 hover:bg-amber-300"
        >
          Sign up
        </Link>
      </>
    );
  }
  return (
    <>
      <Link href="/account/tickets" className="rounded px-2 py-1 hover:bg-white/10">
        My tickets
      </Link>
      {account.dashboard && (
        <Link href="/organizer" className="rounded px-2 py-1 hover:bg-white/10">
          Dashboard
        </Link>
      )}
      <Link href="/account/settings" className="rounded px-2 py-1 hover:bg-white/10" title="Account settings">
        <span className="sm:hidden">Account</span>
        <span className="hidden sm:inline" data-testid="signed-in-as">
          {account.name ?? account.email}
        </span>
      </Link>
      <form
        action={async () => {
          setAccount(null);
          await signOutAction();
        }}
      >
        <button type="submit" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">
          Sign out
        </button>
      </form>
    </>
  );
}

async function readAccount(signal: AbortSignal): Promise<Account | null> {
  const session = await fetch("/api/auth/session", { signal, cache: "no-store" }).then((r) => r.json());
  if (!session?.user) return null;
  const me = await fetch("/api/v1/me", { signal, cache: "no-store" });
  if (!me.ok) return null;
  const { user } = (await me.json()) as { user: Account };
  return user;
}
