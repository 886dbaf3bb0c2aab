import type { MembershipRole } from "@/lib/generated/prisma/enums";

/** How the dashboard names each membership role (shared by server pages and client forms). */
export const ROLE_LABELS = {
  OWNER: "Owner",
  MANAGER: "Manager",
  CHECK_IN: "Check-in staff",
} as const satisfies Record<MembershipRole, string>;
