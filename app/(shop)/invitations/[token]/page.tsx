import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/organizer/accept-invitation-form";
import { ROLE_LABELS } from "@/lib/staff/role-labels";
import { currentActor } from "@/lib/auth/page-actor";
import { services } from "@/lib/services";
import { invitationByToken, type InvitationState } from "@/lib/staff/invitations";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

const ENDED: Record<Exclude<InvitationState, "pending">, { title: string; text: string }> = {
  accepted: { title: "This invitation has already been used", text: "Each invitation link works once." },
  revoked: { title: "This invitation was revoked", text: "The organization took it back." },
  expired: { title: "This invitation has expired", text: "Invitation links work for 7 days." },
};

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-16 text-center" data-testid="invitation">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

/**
 * The link of an invitation e-mail. Anyone holding it may see which organization invites which
 * address; only that address, signed in, may accept (the accept action checks it again).
 */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const { db, clock } = services();
  const invitation = await invitationByToken(db, { token, now: clock() });
  if (!invitation) {
    return (
      <Panel title="This invitation link is not valid">
        <p className="text-slate-700">Check that you opened the whole link from the e-mail.</p>
      </Panel>
    );
  }
  if (invitation.state !== "pending") {
    const ended = ENDED[invitation.state];
    return (
      <Panel title={ended.title}>
        <p className="text-slate-700">
          {ended.text} Ask someone who owns {invitation.organization.name} to invite you again.
        </p>
      </Panel>
    );
  }
  const actor = await currentActor();
  const here = `/invitations/${token}`;
  const offer = (
    <p className="text-slate-700">
      You are invited to join <strong>{invitation.organization.name}</strong> as{" "}
      <strong>{ROLE_LABELS[invitation.role].toLowerCase()}</strong>.
    </p>
  );
  if (!actor) {
    const back = encodeURIComponent(here);
    return (
      <Panel title="You have been invited">
        {offer}
        <p className="text-slate-700">
          Sign in or create an account with <strong>{invitation.email}</strong> to accept.
        </p>
        <div className="flex justify-center gap-3">
          <Link
            href={`/signin?callbackUrl=${back}`}
            className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white"
          >
            Sign in
          </Link>
          <Link
            href={`/signup?callbackUrl=${back}`}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold"
          >
            Create an account
          </Link>
        </div>
      </Panel>
    );
  }
  if (actor.email.toLowerCase() !== invitation.email) {
    return (
      <Panel title="This invitation is for another account">
        {offer}
        <p className="text-slate-700">
          It was sent to <strong>{invitation.email}</strong>, and you are signed in as <strong>{actor.email}</strong>.
          Sign out, then sign in or create an account with {invitation.email}.
        </p>
      </Panel>
    );
  }
  return (
    <Panel title="You have been invited">
      {offer}
      <AcceptInvitationForm action={acceptInvitationAction} token={token} />
    </Panel>
  );
}
