import type { Metadata } from "next";
import Link from "next/link";
import { Empty, Rows, SearchForm, TextInput, Timestamp } from "@/components/admin/ui";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { searchUsers } from "@/lib/auth/user-admin";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Users · Site admin" };

type Props = { searchParams: Promise<SearchParams> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requirePageActor(ADMIN_ACCESS, "/admin/users");
  const search = await searchParams;
  const query = searchParam(search, "q");
  const { items, older, newer } = await searchUsers(services().db, {
    ...(query ? { query } : {}),
    page: pageFromSearch(search, 50),
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Users</h1>
      <SearchForm action="/admin/users">
        <TextInput name="q" label="E-mail or name" defaultValue={query} />
      </SearchForm>
      {items.length === 0 ? (
        <Empty>No accounts match.</Empty>
      ) : (
        <Rows testId="users">
          {items.map((user) => (
            <li key={user.id}>
              <Link
                href={`/admin/users/${user.id}`}
                className="grid gap-1 px-4 py-3 hover:bg-slate-50 md:grid-cols-[2fr_1fr_auto] md:items-center md:gap-4"
              >
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{user.email}</span>
                  <span className="block truncate text-sm text-slate-600">{user.name}</span>
                </span>
                <span className="text-sm">
                  {user.role.toLowerCase()}
                  {user.disabledAt && <span className="ml-2 font-semibold text-red-800">disabled</span>}
                </span>
                <span className="text-sm text-slate-600">
                  Joined <Timestamp at={user.createdAt} />
                </span>
              </Link>
            </li>
          ))}
        </Rows>
      )}
      <KeysetPager path="/admin/users" query={{ q: query }} newer={newer} older={older} />
    </div>
  );
}
