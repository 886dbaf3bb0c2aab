import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { Empty, TabLinks, Timestamp } from "@/components/admin/ui";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { countOutboxViews, listOutboxMessages, type OutboxView } from "@/lib/notifications/outbox";
import { services } from "@/lib/services";
import { retryOutboxAction } from "./actions";

export const metadata: Metadata = { title: "Outbox · Site admin" };

type Props = { searchParams: Promise<SearchParams> };

const VIEWS: Array<{ view: OutboxView; label: string }> = [
  { view: "trouble", label: "Needs attention" },
  { view: "PENDING", label: "Pending" },
  { view: "FAILED", label: "Failed" },
  { view: "DONE", label: "Delivered" },
];

export default async function AdminOutboxPage({ searchParams }: Props) {
  await requirePageActor(ADMIN_ACCESS, "/admin/outbox");
  const search = await searchParams;
  const view = VIEWS.find((v) => v.view === searchParam(search, "view"))?.view ?? "trouble";
  const { db, clock } = services();
  const now = clock();
  const [{ items, older, newer }, counts] = await Promise.all([
    listOutboxMessages(db, { view, now, page: pageFromSearch(search, 50) }),
    countOutboxViews(db, now),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="text-slate-600">
        E-mails, refunds and index updates the worker delivers after their change commits. Needing attention: failed for
        good, retrying after an error, or pending long past when they were due (is the worker running?).
      </p>
      <TabLinks
        tabs={VIEWS.map((v) => ({
          href: v.view === "trouble" ? "/admin/outbox" : `/admin/outbox?view=${v.view}`,
          label: `${v.label} (${counts[v.view].toLocaleString("en-US")})`,
          current: v.view === view,
        }))}
      />
      {items.length === 0 ? (
        <Empty>Nothing here.</Empty>
      ) : (
        <ul
          className="flex flex-col divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
          data-testid="outbox"
        >
          {items.map((message) => (
            <li key={message.id} className="flex flex-col gap-1 px-4 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-mono text-sm font-semibold">{message.topic}</span>
                <span className="text-sm">
                  <span className={message.status === "FAILED" ? "font-semibold text-red-800" : ""}>
                    {message.status.toLowerCase()}
                  </span>{" "}
                  · {message.attempts} attempts · created <Timestamp at={message.createdAt} />
                </span>
              </div>
              <p className="text-sm text-slate-600">
                {message.status === "DONE" ? (
                  <>
                    Delivered <Timestamp at={message.processedAt} />
                  </>
                ) : (
                  <>
                    Due <Timestamp at={message.availableAt} />
                  </>
                )}
              </p>
              {message.lastError && (
                <pre className="overflow-x-auto rounded bg-red-50 p-2 text-xs whitespace-pre-wrap text-red-900">
                  {message.lastError}
                </pre>
              )}
              {message.status !== "DONE" && (
                <ActionForm action={retryOutboxAction} submit="Retry now" pendingLabel="Queuing…" tone="plain">
                  <input type="hidden" name="messageId" value={message.id} />
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <KeysetPager
        path="/admin/outbox"
        query={{ view: view === "trouble" ? undefined : view }}
        newer={newer}
        older={older}
      />
    </div>
  );
}
