import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationForm } from "@/components/organizer/application-form";
import { organizationsOf } from "@/lib/auth/memberships";
import { currentActor } from "@/lib/auth/page-actor";
import { latestApplication } from "@/lib/organizations/applications";
import { services } from "@/lib/services";
import { applyAction } from "./actions";

export const metadata: Metadata = { title: "For organizers" };

/**
 * Where "For organizers" leads people without an organization: sell tickets on Marquee by applying;
 * an admin answers (by e-mail, and here). Members of an organization get a link to its dashboard.
 */
export default async function ForOrganizersPage() {
  const actor = await currentActor();
  const { db } = services();
  const [organizations, application] = actor
    ? await Promise.all([organizationsOf(db, actor), latestApplication(db, actor.userId)])
    : [[], null];
  const pending = application?.status === "PENDING";
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col gap-4 px-4 py-8">
      <h1 className="text-2xl font-bold">Sell tickets on Marquee</h1>
      <p className="text-slate-700">
        Run concerts, shows or matches? Tell us about your organization. Once an admin approves it, you get a dashboard
        to set up venues and events and sell tickets. If your organization is already here, ask its owner to add you
        instead.
      </p>
      {organizations.length > 0 && (
        <p className="rounded-xl border border-slate-200 bg-white p-4">
          You are already a member of {organizations.map((o) => o.name).join(", ")}.{" "}
          <Link href="/organizer" className="font-semibold text-brand-700 underline">
            Open the dashboard
          </Link>
        </p>
      )}
      {application && (
        <section
          aria-labelledby="application-heading"
          className="rounded-xl border border-slate-200 bg-white p-4"
          data-testid="application-status"
        >
          <h2 id="application-heading" className="font-semibold">
            Your application for {application.organizationName}
          </h2>
          {application.status === "PENDING" && <p>Waiting for an admin. We&apos;ll e-mail you the answer.</p>}
          {application.status === "APPROVED" && application.organization && (
            <p>
              Approved.{" "}
              <Link
                href={`/organizer/${application.organization.slug}`}
                className="font-semibold text-brand-700 underline"
              >
                Open {application.organization.name}&apos;s dashboard
              </Link>
            </p>
          )}
          {application.status === "REJECTED" && (
            <p>Not approved: {application.rejectionReason} You may apply again below.</p>
          )}
        </section>
      )}
      {!actor ? (
        <p>
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent("/for-organizers")}`}
            className="font-semibold text-brand-700 underline"
          >
            Sign in
          </Link>{" "}
          or{" "}
          <Link href="/signup" className="font-semibold text-brand-700 underline">
            create an account
          </Link>{" "}
          to apply.
        </p>
      ) : (
        !pending && application?.status !== "APPROVED" && <ApplicationForm action={applyAction} />
      )}
    </main>
  );
}
