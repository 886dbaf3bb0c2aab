import { DashboardNav } from "@/components/organizer/dashboard-nav";
import { dashboardSections } from "@/lib/auth/dashboard-sections";
import { organizationsOf } from "@/lib/auth/memberships";
import { currentActor } from "@/lib/auth/page-actor";
import { services } from "@/lib/services";

type Props = { children: React.ReactNode; params: Promise<{ orgSlug: string }> };

// Navigation only: the sections the member's role there may open. Access is checked by every page itself
// (a layout does not re-run on client navigation, and only the page knows its own path to come back to
// after signing in).
export default async function OrganizationLayout({ children, params }: Props) {
  const { orgSlug } = await params;
  const actor = await currentActor();
  const organizations = actor ? await organizationsOf(services().db, actor) : [];
  const current = organizations.find((o) => o.slug === orgSlug);
  return (
    <>
      {current && (
        <DashboardNav current={current} organizations={organizations} sections={dashboardSections(current.role)} />
      )}
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </>
  );
}
