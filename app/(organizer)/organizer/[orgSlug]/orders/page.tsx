import type { Metadata } from "next";
import { OrderListView } from "@/components/orders/order-list-view";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { listOrders, orderListQuery } from "@/lib/orders/order-list";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Orders" };

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string>> };

/** Every order of the organization, across its events: search, filters, pages. */
export default async function OrganizationOrdersPage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const search = await searchParams;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/orders`);
  const parsed = orderListQuery.safeParse(search);
  const page = parsed.success
    ? await listOrders(services().db, { organizationId: organization.id }, parsed.data)
    : null;
  const base = `/organizer/${orgSlug}/orders`;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Orders</h1>
        <p className="text-slate-600">{organization.name} · all events</p>
      </div>
      <OrderListView parsed={parsed} page={page} searchParams={search} listPath={base} orderBase={base} showEvent />
    </div>
  );
}
