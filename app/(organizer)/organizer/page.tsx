import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { organizationsOf } from "@/lib/auth/memberships";
import { requirePageActor } from "@/lib/auth/page-actor";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Organizer dashboard" };

/** The way into the dashboard: straight to one's organization, or a choice between several. */
export default async function OrganizerHomePage() {
  const actor = await requirePageActor("signed-in", "/organizer");
  const organizations = await organizationsOf(services().db, actor);
  // Not a member anywhere yet: the way to become one ("For organizers" in the footer leads here).
  if (organizations.length === 0) redirect("/for-organizers");
  if (organizations.length === 1) redirect(`/organizer/${organizations[0]!.slug}`);
  return (
    <main className="mx-auto w-full max-w-2xl flex-1 px-4 py-8">
      <h1 className="mb-4 text-2xl font-bold">Choose an organization</h1>
      <ul className="flex flex-col gap-2" data-testid="organizations">
        {organizations.map((o) => (
          <li key={o.id}>
            <Link
              href={`/organizer/${o.slug}`}
              className="flex items-center justify-between rounded-xl border border-slate-200 bg-white p-4 hover:shadow"
            >
              <span className="font-semibold">{o.name}</span>
              <span className="text-sm text-slate-600">{o.role.toLowerCase().replace("_", "-")}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
