import "server-only";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Actor } from "./actor";
import { authorize, type Access } from "./authorize";
import { auth } from "./next-auth";
import { findActiveUser } from "./users";
import { AppError } from "@/lib/errors";

/** The signed-in user of a page or server action, re-read from the database; null when signed out. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const user = session?.user?.id ? await findActiveUser(db, session.user.id) : null;
  return user && { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

/**
 * Guards a page: signed-out visitors go to sign-in and come back, users
 * without the role see the "not allowed" page. Call it in every protected
 * page, not only in a layout (layouts do not re-run on client navigation).
 */
export async function requirePageActor(access: Exclude<Access, "public">, returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  try {
    authorize(actor, access);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") {
      redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
    }
    redirect("/forbidden");
  }
  return actor as Actor;
}
