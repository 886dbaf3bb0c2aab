import type { ArenaEvent } from "../harness/arena";
import type { Direct } from "../harness/direct";
import type { FanPool } from "../harness/fans";
import type { PhaseResult } from "../harness/load";
import type { ScenarioName, StoreName } from "../harness/options";
import type { Services } from "../harness/stack";
import type { QueueChecks } from "../harness/table";

/** What every scenario of one store's run gets. */
export type RunContext = {
  root: string;
  baseUrl: string;
  store: StoreName;
  services: Services;
  /** The bench's own database client and hold store, built as the app builds them. */
  direct: Direct;
  warmupMs: number;
  durationMs: number;
  fans: FanPool;
  /** The two arena shows: [0] for holds, polls and the page; [1] is sold by the checkout scenario. */
  arena: [ArenaEvent, ArenaEvent];
  staticAsset: string;
  /** How many of the selected stores still have their checkout run ahead, this one included (they share event [1]'s seats). */
  checkoutRunsLeft: number;
  /** Holds answered 201 with fewer items than requested, and the waiting room's checks, over the whole bench run. */
  counters: { answeredShort: number; queue: QueueChecks };
};

/** Figures a scenario reports besides its rows (saved in the JSON results). */
export type ScenarioResult = PhaseResult & { notes?: string[]; metrics?: Record<string, number> };

export type Scenario = {
  name: ScenarioName;
  title: string;
  /** "each": once per hold store; "first": only with the first store (nothing in it depends on the store). */
  stores: "each" | "first";
  run(ctx: RunContext): Promise<ScenarioResult>;
};
