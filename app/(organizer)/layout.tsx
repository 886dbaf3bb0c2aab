import Link from "next/link";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

export default function OrganizerLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <div className="border-b border-slate-200 bg-white">
        <nav aria-label="Dashboard" className="mx-auto flex max-w-6xl gap-4 px-4 py-2 text-sm font-medium">
          <Link href="/organizer" className="text-brand-700">
            Events
          </Link>
        </nav>
      </div>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
      <SiteFooter />
    </>
  );
}
