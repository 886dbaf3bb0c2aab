import type { Metadata } from "next";
import { CreateTokenForm, RevokeTokenButton } from "@/components/organizer/token-forms";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { listApiTokens } from "@/lib/auth/tokens";
import { services } from "@/lib/services";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

type Props = { params: Promise<{ orgSlug: string }> };

export default async function TokensPage({ params }: Props) {
  const { orgSlug } = await params;
  const { actor, organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/tokens`);
  const tokens = await listApiTokens(services().db, actor.userId, organization.id);
  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">API tokens</h1>
        <p className="text-slate-700">
          A token acts for you in {organization.name} only. Send it as <code>Authorization: Bearer …</code>; see the API
          documentation for what it can do.
        </p>
      </div>
      <CreateTokenForm action={createTokenAction} organizationId={organization.id} />
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-lg font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-slate-600">No tokens yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" data-testid="tokens">
            {tokens.map((token) => (
              <li key={token.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <div>
                  <p className="font-medium">{token.name}</p>
                  <p className="font-mono text-xs text-slate-600">
                    {token.prefix}… · created {token.createdAt.toISOString().slice(0, 10)}
                    {token.lastUsedAt ? ` · last used ${token.lastUsedAt.toISOString().slice(0, 10)}` : " · never used"}
                  </p>
                </div>
                <RevokeTokenButton action={revokeTokenAction} tokenId={token.id} name={token.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
