import type { UserRole } from "@/lib/generated/prisma/enums";

/** Who is calling: a signed-in user, by session cookie or API token. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  via: "session" | "token";
  /** Set when the caller used a token made for one organization: it acts for that organization only. */
  tokenOrganizationId?: string;
};
