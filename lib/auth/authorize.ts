import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

/** Who may call an entry point: anyone, any signed-in user, or users with one of these roles. */
export type Access = "public" | "signed-in" | readonly UserRole[];

export function authorize(actor: Actor | null, access: Access): void {
  if (access === "public") return;
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in or send an API token to do this.");
  if (access !== "signed-in" && !access.includes(actor.role)) {
    throw new AppError("FORBIDDEN", "Your account is not allowed to do this.", { requiredRole: access });
  }
}

export const ORGANIZER_ACCESS = ["ORGANIZER", "ADMIN"] as const satisfies readonly UserRole[];
export const ADMIN_ACCESS = ["ADMIN"] as const satisfies readonly UserRole[];
