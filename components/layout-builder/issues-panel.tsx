"use client";

import type { LayoutIssue } from "@/lib/events/layout/validate";
import { Panel, buttonClass } from "./fields";

type Props = {
  issues: readonly LayoutIssue[];
  /** Section labels by index, to name the section an issue points at. */
  sectionLabels: readonly string[];
  orphanCount: number;
  onShowSection: (index: number) => void;
  onDropOrphans: () => void;
};

/** The section an issue's path points at ("sections.3.rows.count" → 3), if any. */
export function sectionIndexOf(path: string): number | null {
  const match = /^sections\.(\d+)(\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}

/** Issues of one place together: twenty overlapping seats of one section are one problem to fix. */
export function groupByPath(issues: readonly LayoutIssue[]) {
  const groups: { path: string; messages: string[] }[] = [];
  for (const issue of issues) {
    const group = groups.find((g) => g.path === issue.path);
    if (group) group.messages.push(issue.message);
    else groups.push({ path: issue.path, messages: [issue.message] });
  }
  return groups;
}

/** What stops the layout from being saved, each with a way to get to it. */
export function IssuesPanel({ issues, sectionLabels, orphanCount, onShowSection, onDropOrphans }: Props) {
  const groups = groupByPath(issues);
  if (issues.length === 0) {
    return (
      <section aria-labelledby="issues-heading" className="rounded-xl border border-green-200 bg-green-50 p-3">
        <h2 id="issues-heading" tabIndex={-1} className="text-sm font-semibold text-green-900">
          No problems: this layout can be saved.
        </h2>
      </section>
    );
  }
  return (
    <Panel
      id="issues-heading"
      title={
        <span className="text-red-800">
          {groups.length} {groups.length === 1 ? "problem" : "problems"} to fix before saving
        </span>
      }
    >
      <ul className="flex flex-col gap-2 text-sm" data-testid="layout-issues">
        {groups.map(({ path, messages }, i) => {
          const index = sectionIndexOf(path);
          const label = index === null ? undefined : sectionLabels[index];
          const [first, ...more] = messages;
          return (
            <li
              key={`${path}-${i}`}
              className="flex flex-wrap items-start justify-between gap-2 border-l-4 border-red-600 pl-2"
            >
              <div className="min-w-0 flex-1">
                <p>{first}</p>
                {more.length > 0 && (
                  <details className="text-slate-700">
                    <summary className="cursor-pointer text-xs font-medium">and {more.length} more like it</summary>
                    <ul className="mt-1 list-disc pl-4 text-xs">
                      {more.map((message, j) => (
                        <li key={j}>{message}</li>
                      ))}
                    </ul>
                  </details>
                )}
                {path && <p className="font-mono text-xs text-slate-600">{path}</p>}
              </div>
              {index !== null && label !== undefined && (
                <button type="button" className={buttonClass} onClick={() => onShowSection(index)}>
                  Edit section {label}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {orphanCount > 0 && (
        <button type="button" className={`${buttonClass} self-start`} onClick={onDropOrphans}>
          Drop the marks of {orphanCount} {orphanCount === 1 ? "seat" : "seats"} that no longer exist
        </button>
      )}
    </Panel>
  );
}
