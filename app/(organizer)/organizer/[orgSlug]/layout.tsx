import { DashboardNav } from "@/components/organizer/dashboard-nav";
import { organizationsOf } from "@/lib/auth/memberships";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { services } from "@/lib/services";

type Props = { children: React.ReactNode; params: Promise<{ orgSlug: string }> };

// Navigation only: every page below checks access itself (a layout does not re-run on client navigation).
export default async function OrganizationLayout({ children, params }: Props) {
  const { orgSlug } = await params;
  const { actor, organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}`, [
    "OWNER",
    "MANAGER",
    "CHECK_IN",
  ]);
  const organizations = await organizationsOf(services().db, actor);
  return (
    <>
      <DashboardNav current={organization} organizations={organizations} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </>
  );
}
