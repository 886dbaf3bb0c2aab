// Seat-map layouts at arena scale: how long the server's checks take on every save and event copy
// (expandLayout, validateLayout), and how long the builder's preview takes per edit (buildPreview, with its
// per-section cache). Pure CPU, no database. How to read the output: docs/performance.md.
// Usage: npm run bench:layout
import os from "node:os";
import { performance } from "node:perf_hooks";
import { builderReducer } from "@/components/layout-builder/builder-state";
import { buildPreview, createPreviewCache } from "@/components/layout-builder/preview-model";
import { expandLayout } from "@/lib/events/layout/expand";
import { layoutInput, type LayoutInput, type LayoutSection } from "@/lib/events/layout/format";
import { validateLayout } from "@/lib/events/layout/validate";
import { arenaLayout } from "@/prisma/demo/arena-layout";
import { twentyThousandSeatLayout } from "@/tests/support/big-layout";

const RUNS = 30;

function median(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!.toFixed(2);
}

function time(run: () => unknown): number[] {
  for (let i = 0; i < 5; i++) run(); // warm the JIT
  return Array.from({ length: RUNS }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
}

/** One edit after another to the same section (seats per row ±1), as the builder's number field makes them. */
function previewEdits(input: LayoutInput, sectionIndex: number): number[] {
  let layout = layoutInput.parse(input);
  const cache = createPreviewCache();
  buildPreview(layout, cache);
  return time(() => {
    const section = layout.sections[sectionIndex] as Extract<LayoutSection, { kind: "block" | "arc" }>;
    const perRow = section.seats.perRow === 10 ? 11 : 10;
    layout = builderReducer(layout, {
      type: "updateSection",
      id: section.id,
      section: { ...section, seats: { ...section.seats, perRow } },
    });
    buildPreview(layout, cache);
  });
}

const rows: [string, string][] = [];
for (const [name, input] of [
  ["demo arena (5,660 seats, 24 sections)", arenaLayout()],
  ["generated (20,000 seats, 100 sections)", twentyThousandSeatLayout()],
] as const) {
  const parsed = layoutInput.parse(input);
  rows.push([`${name}: expandLayout`, median(time(() => expandLayout(parsed)))]);
  rows.push([`${name}: validateLayout (parse, expand, every check)`, median(time(() => validateLayout(input)))]);
  rows.push([`${name}: builder preview per edit`, median(previewEdits(input, 10))]);
}
console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load ${os.loadavg()[0]!.toFixed(1)}`,
);
console.log(`median of ${RUNS} runs, ms`);
for (const [label, value] of rows) console.log(`${value.padStart(8)}  ${label}`);
