import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Empty, TabLinks, TextInput, Timestamp } from "@/components/admin/ui";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { slugify } from "@/lib/events/venues";
import type { OrganizerApplicationStatus } from "@/lib/generated/prisma/enums";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { listApplications } from "@/lib/organizations/applications";
import { services } from "@/lib/services";
import { approveApplicationAction, rejectApplicationAction } from "./actions";

export const metadata: Metadata = { title: "Organizer applications · Site admin" };

type Props = { searchParams: Promise<SearchParams> };

const STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const satisfies readonly OrganizerApplicationStatus[];

export default async function AdminApplicationsPage({ searchParams }: Props) {
  await requirePageActor(ADMIN_ACCESS, "/admin/applications");
  const search = await searchParams;
  const status = STATUSES.find((s) => s === searchParam(search, "status")) ?? "PENDING";
  const { items, older, newer } = await listApplications(services().db, {
    status,
    page: pageFromSearch(search, 25),
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Organizer applications</h1>
      <TabLinks
        tabs={STATUSES.map((s) => ({
          href: s === "PENDING" ? "/admin/applications" : `/admin/applications?status=${s}`,
          label: s.charAt(0) + s.slice(1).toLowerCase(),
          current: s === status,
        }))}
      />
      {items.length === 0 ? (
        <Empty>No {status.toLowerCase()} applications.</Empty>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="applications">
          {items.map((application) => (
            <li key={application.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">{application.organizationName}</h2>
                <span className="text-sm text-slate-600">
                  <Timestamp at={application.createdAt} />
                </span>
              </div>
              <p className="text-sm">
                From{" "}
                <Link href={`/admin/users/${application.user.id}`} className="break-all text-brand-700 underline">
                  {application.user.email}
                </Link>{" "}
                ({application.user.name})
                {application.website && (
                  <>
                    {" "}
                    ·{" "}
                    <a href={application.website} rel="noopener noreferrer nofollow" className="break-all underline">
                      {application.website}
                    </a>
                  </>
                )}
              </p>
              <p className="whitespace-pre-wrap text-slate-800">{application.about}</p>
              {application.status === "PENDING" ? (
                <div className="grid gap-3 md:grid-cols-2">
                  <ActionForm action={approveApplicationAction} submit="Approve" pendingLabel="Approving…">
                    <input type="hidden" name="applicationId" value={application.id} />
                    <TextInput
                      name="slug"
                      label="Dashboard address (slug)"
                      defaultValue={slugify(application.organizationName)}
                      required
                    />
                  </ActionForm>
                  <ActionForm action={rejectApplicationAction} submit="Reject" pendingLabel="Rejecting…" tone="danger">
                    <input type="hidden" name="applicationId" value={application.id} />
                    <TextInput name="reason" label="Reason (sent to the applicant)" required />
                  </ActionForm>
                </div>
              ) : (
                <p className="text-sm text-slate-700">
                  {application.status === "APPROVED" && application.organization ? (
                    <>
                      Approved as{" "}
                      <Link href={`/organizer/${application.organization.slug}`} className="underline">
                        {application.organization.name}
                      </Link>
                    </>
                  ) : (
                    <>Rejected: {application.rejectionReason}</>
                  )}{" "}
                  by {application.decidedBy?.email ?? "a former admin"}, <Timestamp at={application.decidedAt} />
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <KeysetPager
        path="/admin/applications"
        query={{ status: status === "PENDING" ? undefined : status }}
        newer={newer}
        older={older}
        labels={status === "PENDING" ? { newer: "Earlier", older: "Later" } : undefined}
      />
    </div>
  );
}
