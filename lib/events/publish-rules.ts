import { eventDateIssues, saleWindowIssues } from "./event-times";

// What an event needs before fans may see it. Pure, so the rules are tested without a
// database and the dashboard can list every problem at once instead of one per click.

export type PublishProblem = { path: string; message: string };

export type PublishSnapshot = {
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  onSaleAt: Date;
  perOrderLimit: number;
  /** The price zones of the event's seat map (null for general admission only). */
  zones: { key: string; name: string; seats: number; standingCapacity: number }[] | null;
  ticketTypes: {
    name: string;
    kind: "GENERAL_ADMISSION" | "RESERVED";
    zone: string | null;
    hidden: boolean;
    currency: string;
    salesStartAt: Date | null;
    salesEndAt: Date | null;
    minPerOrder: number;
  }[];
};

export function publishProblems(event: PublishSnapshot, now: Date): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (event.status === "PUBLISHED") problems.push({ path: "status", message: "The event is already published." });
  if (event.status === "CANCELLED")
    problems.push({ path: "status", message: "A cancelled event cannot be published." });

  if (!event.ticketTypes.some((t) => !t.hidden)) {
    problems.push({ path: "ticketTypes", message: "Add at least one ticket type that is not hidden." });
  }
  for (const zone of event.zones ?? []) {
    const priced = (kind: PublishSnapshot["ticketTypes"][number]["kind"]) =>
      event.ticketTypes.some((t) => t.kind === kind && t.zone === zone.key);
    if (zone.seats > 0 && !priced("RESERVED")) {
      problems.push({ path: `zones.${zone.key}`, message: `The seats of zone ${zone.name} have no price.` });
    }
    if (zone.standingCapacity > 0 && !priced("GENERAL_ADMISSION")) {
      problems.push({ path: `zones.${zone.key}`, message: `The standing area of zone ${zone.name} has no price.` });
    }
  }
  if (new Set(event.ticketTypes.map((t) => t.currency)).size > 1) {
    problems.push({ path: "ticketTypes", message: "All ticket types of an event must use one currency." });
  }

  if (event.startsAt <= now) problems.push({ path: "startsAt", message: "The event must start in the future." });
  const label: Record<string, string> = { endsAt: "The end", onSaleAt: "The on-sale time" };
  problems.push(...eventDateIssues(event).map((i) => ({ path: i.path, message: `${label[i.path]} ${i.message}.` })));
  event.ticketTypes.forEach((t) => {
    for (const issue of saleWindowIssues(t)) {
      problems.push({ path: `ticketTypes.${t.name}`, message: `${t.name}: the sale end ${issue.message}.` });
    }
    if (t.salesStartAt && t.salesStartAt >= event.startsAt) {
      problems.push({ path: `ticketTypes.${t.name}`, message: `${t.name}: sales open only after the event starts.` });
    }
    if (t.minPerOrder > event.perOrderLimit) {
      problems.push({
        path: `ticketTypes.${t.name}`,
        message: `${t.name}: its minimum order (${t.minPerOrder}) is above the per-fan limit (${event.perOrderLimit}).`,
      });
    }
  });
  return problems;
}
