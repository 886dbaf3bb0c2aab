import type { Metadata } from "next";
import { DangerButton, InviteForm, MemberRoleForm } from "@/components/organizer/staff-forms";
import { listMembers, MANAGING_ROLES } from "@/lib/auth/memberships";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { services } from "@/lib/services";
import { listOpenInvitations } from "@/lib/staff/invitations";
import { ROLE_LABELS } from "@/lib/staff/role-labels";
import { changeRoleAction, inviteAction, removeMemberAction, revokeInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Staff" };

type Props = { params: Promise<{ orgSlug: string }> };

/** Who works for the organization. Owners (and admins) invite, change roles and remove; managers only look. */
export default async function StaffPage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/staff`, MANAGING_ROLES);
  const canChange = role === "OWNER" || role === "ADMIN";
  const { db, clock } = services();
  const [members, invitations] = await Promise.all([
    listMembers(db, organization.id),
    listOpenInvitations(db, { organizationId: organization.id, now: clock() }),
  ]);
  const organizationId = organization.id;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Staff</h1>
        <p className="text-slate-700">
          {canChange
            ? `Invite people to ${organization.name}, change what they may do, or remove them. An organization always keeps at least one owner.`
            : `Who works for ${organization.name}. Only owners can invite people or change roles.`}
        </p>
      </div>

      <section aria-labelledby="members-heading" className="flex flex-col gap-2">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members ({members.length})
        </h2>
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" data-testid="members">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="font-medium break-all">{m.user.name}</p>
                <p className="text-sm break-all text-slate-600">
                  {m.user.email}
                  {canChange ? "" : ` · ${ROLE_LABELS[m.role]}`}
                </p>
              </div>
              {canChange && (
                <div className="flex flex-wrap items-center gap-2">
                  <MemberRoleForm
                    action={changeRoleAction}
                    organizationId={organizationId}
                    membershipId={m.id}
                    role={m.role}
                    who={m.user.email}
                  />
                  <DangerButton
                    action={removeMemberAction}
                    fields={{ organizationId, membershipId: m.id }}
                    label="Remove"
                    busyLabel="Removing…"
                    ariaLabel={`Remove ${m.user.email}`}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invitations-heading" className="flex flex-col gap-2">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          Open invitations
        </h2>
        {invitations.length === 0 ? (
          <p className="text-slate-600">None.</p>
        ) : (
          <ul
            className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
            data-testid="invitations"
          >
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium break-all">{i.email}</p>
                  <p className="text-sm text-slate-600">
                    {ROLE_LABELS[i.role]} · {i.state === "expired" ? "expired" : "expires"}{" "}
                    {i.expiresAt.toISOString().slice(0, 10)}
                    {i.invitedBy ? ` · invited by ${i.invitedBy.name}` : ""}
                  </p>
                </div>
                {canChange && (
                  <DangerButton
                    action={revokeInvitationAction}
                    fields={{ organizationId, invitationId: i.id }}
                    label="Revoke"
                    busyLabel="Revoking…"
                    ariaLabel={`Revoke the invitation of ${i.email}`}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canChange && (
        <section aria-labelledby="invite-heading" className="flex flex-col gap-2">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite someone
          </h2>
          <InviteForm action={inviteAction} organizationId={organizationId} />
        </section>
      )}
    </div>
  );
}
