import "server-only";
import { MANAGING_ROLES, MEMBER_ROLES, STAFF_ADMIN_ROLES } from "./memberships";
import type { MembershipRole } from "@/lib/generated/prisma/enums";

export type DashboardSection = { path: string; label: string };

/**
 * The dashboard's sections and who may open each: the role lists their pages pass to
 * `requireOrganizationPage`, so the navigation never links a member to the "not allowed" page
 * (tests/integration/organizer-page-access.test.ts checks the two agree).
 */
const SECTIONS: readonly (DashboardSection & { roles: readonly MembershipRole[] })[] = [
  { path: "", label: "Overview", roles: MEMBER_ROLES },
  { path: "/events", label: "Events", roles: MANAGING_ROLES },
  { path: "/orders", label: "Orders", roles: MANAGING_ROLES },
  { path: "/venues", label: "Venues", roles: MANAGING_ROLES },
  { path: "/reports", label: "Reports", roles: MANAGING_ROLES },
  { path: "/tokens", label: "API tokens", roles: MANAGING_ROLES },
  { path: "/staff", label: "Staff", roles: MANAGING_ROLES },
  { path: "/audit", label: "Audit log", roles: STAFF_ADMIN_ROLES },
];

/** The sections a member with `role` may open (admins: all of them). */
export function dashboardSections(role: MembershipRole | "ADMIN"): DashboardSection[] {
  return SECTIONS.filter((s) => role === "ADMIN" || s.roles.includes(role)).map(({ path, label }) => ({
    path,
    label,
  }));
}
