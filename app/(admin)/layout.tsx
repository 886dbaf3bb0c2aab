import { AdminNav } from "@/components/admin/admin-nav";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { currentActor } from "@/lib/auth/page-actor";
import { serviceModes } from "@/lib/config";

// Navigation only: every page and action checks the ADMIN role itself (a layout does not re-run on
// client navigation).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <>
      <SiteHeader />
      {actor?.role === "ADMIN" && <AdminNav devMailbox={serviceModes().email === "dev-mailbox"} />}
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
      <SiteFooter />
    </>
  );
}
