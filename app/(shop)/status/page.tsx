import type { Metadata } from "next";
import { connection } from "next/server";
import { currentHealth } from "@/lib/health/current";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Service status" };

const NAMES: Record<string, string> = {
  database: "Database",
  redis: "Seat holds (Redis)",
  search: "Search",
  payments: "Payments",
  email: "E-mail",
  uploads: "Uploads",
};

/** The health report for people; machines read the same report as JSON at /api/health. */
export default async function StatusPage() {
  await connection();
  const report = await currentHealth(services());
  const up = report.status === "ok";
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6 py-6">
      <h1 className="text-2xl font-bold">Service status</h1>
      <p
        role="status"
        className={`rounded-xl px-4 py-3 text-lg font-semibold ${up ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
      >
        {up ? "Everything is working." : "Something is not working. Ticket sales may be affected."}
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Components</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2">
              Component
            </th>
            <th scope="col">State</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.components).map(([name, component]) => (
            <tr key={name} className="border-b border-slate-100">
              <th scope="row" className="py-2 font-medium">
                {NAMES[name] ?? name}
              </th>
              <td className={component.status === "up" ? "text-green-800" : "font-semibold text-red-800"}>
                {component.status === "up" ? "Working" : "Down"}
              </td>
              <td className="text-slate-600">
                {[
                  component.mode,
                  component.latencyMs === undefined ? null : `${component.latencyMs} ms`,
                  component.demo ? "simulated" : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </td>
            </tr>
          ))}
          <tr className="border-b border-slate-100">
            <th scope="row" className="py-2 font-medium">
              Background worker
            </th>
            <td className={report.worker.status === "running" ? "text-green-800" : "font-semibold text-red-800"}>
              {report.worker.status === "running" ? "Working" : "Not running"}
            </td>
            <td className="text-slate-600">
              {report.worker.lastBeatAt ? `last seen ${new Date(report.worker.lastBeatAt).toUTCString()}` : ""}
            </td>
          </tr>
          {report.outbox && (
            <tr>
              <th scope="row" className="py-2 font-medium">
                Queued messages
              </th>
              <td className={report.outbox.failed + report.outbox.stuck === 0 ? "text-green-800" : "text-amber-800"}>
                {report.outbox.failed + report.outbox.stuck === 0 ? "Flowing" : "Need attention"}
              </td>
              <td className="text-slate-600">
                {report.outbox.stuck} stuck · {report.outbox.failed} failed
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="text-sm text-slate-600">
        Checked {new Date(report.checkedAt).toUTCString()}. For monitoring tools:{" "}
        <a className="underline" href="/api/health">
          /api/health
        </a>{" "}
        (JSON).
      </p>
    </div>
  );
}
