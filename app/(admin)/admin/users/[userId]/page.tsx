import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Timestamp } from "@/components/admin/ui";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { userForAdmin } from "@/lib/auth/user-admin";
import { services } from "@/lib/services";
import { changeRoleAction, setDisabledAction } from "../actions";

export const metadata: Metadata = { title: "User · Site admin" };

type Props = { params: Promise<{ userId: string }> };

export default async function AdminUserPage({ params }: Props) {
  const { userId } = await params;
  const admin = await requirePageActor(ADMIN_ACCESS, `/admin/users/${userId}`);
  const user = await userForAdmin(services().db, userId);
  if (!user) notFound();
  const self = admin.userId === user.id;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/users" className="text-sm text-brand-700 underline">
          Users
        </Link>
        <h1 className="text-2xl font-bold break-all">{user.email}</h1>
        <p className="text-slate-600">
          {user.name} · {user.role.toLowerCase()} · joined <Timestamp at={user.createdAt} /> · {user._count.orders}{" "}
          orders · {user._count.apiTokens} live API tokens
        </p>
        {user.disabledAt && (
          <p className="mt-2 font-semibold text-red-800" data-testid="disabled-since">
            Disabled since <Timestamp at={user.disabledAt} />: cannot sign in, sessions and tokens refused.
          </p>
        )}
      </div>

      <section className="flex flex-col gap-2" aria-labelledby="role-heading">
        <h2 id="role-heading" className="text-lg font-semibold">
          Site role
        </h2>
        {self ? (
          <p className="text-slate-700">This is your own account: another admin can change its role.</p>
        ) : (
          <ActionForm action={changeRoleAction} submit="Change role" pendingLabel="Saving…">
            <input type="hidden" name="userId" value={user.id} />
            <label className="flex flex-col gap-1 text-sm font-medium">
              Role
              <select
                name="role"
                defaultValue={user.role}
                className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
              >
                <option value="FAN">Fan</option>
                <option value="ORGANIZER">Organizer</option>
                <option value="ADMIN">Admin</option>
              </select>
            </label>
          </ActionForm>
        )}
      </section>

      <section className="flex flex-col gap-2" aria-labelledby="access-heading">
        <h2 id="access-heading" className="text-lg font-semibold">
          Access
        </h2>
        {self ? (
          <p className="text-slate-700">You cannot disable your own account.</p>
        ) : (
          <ActionForm
            action={setDisabledAction}
            submit={user.disabledAt ? "Enable account" : "Disable account"}
            pendingLabel="Saving…"
            tone={user.disabledAt ? "primary" : "danger"}
          >
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={user.disabledAt ? "false" : "true"} />
          </ActionForm>
        )}
      </section>

      <section className="flex flex-col gap-2" aria-labelledby="orgs-heading">
        <h2 id="orgs-heading" className="text-lg font-semibold">
          Organizations
        </h2>
        {user.memberships.length === 0 ? (
          <p className="text-slate-700">None.</p>
        ) : (
          <ul className="list-disc pl-5">
            {user.memberships.map((m) => (
              <li key={m.organization.id}>
                <Link href={`/admin/organizations/${m.organization.id}`} className="text-brand-700 underline">
                  {m.organization.name}
                </Link>{" "}
                · {m.role.toLowerCase().replace("_", "-")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
