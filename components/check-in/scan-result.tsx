import type { Answer } from "./types";

// The answer to the last scan, big enough to read at arm's length in a dark doorway: colour, a word, and
// what staff need to act on it (who checked the ticket in, when, at which device).

export type Shown =
  | { kind: "answer"; answer: Answer }
  | { kind: "queued"; code: string }
  | { kind: "undone"; code: string }
  | { kind: "problem"; message: string };

const STYLES = {
  green: "border-green-700 bg-green-600 text-white",
  amber: "border-amber-600 bg-amber-400 text-slate-950",
  red: "border-red-800 bg-red-700 text-white",
  slate: "border-slate-300 bg-slate-100 text-slate-900",
} as const;

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** The words the panel shows, and what screen readers hear. */
export function describe(shown: Shown): { tone: keyof typeof STYLES; title: string; lines: string[]; code?: string } {
  if (shown.kind === "queued") {
    return { tone: "slate", title: "Saved offline", lines: ["Will sync when the network is back."], code: shown.code };
  }
  if (shown.kind === "undone") return { tone: "slate", title: "Check-in undone", lines: [], code: shown.code };
  if (shown.kind === "problem") return { tone: "red", title: "Not checked", lines: [shown.message] };
  const { answer } = shown;
  switch (answer.result) {
    case "VALID":
      return {
        tone: "green",
        title: "Valid",
        lines: [answer.ticket.ticketType, answer.ticket.seat].filter((l): l is string => !!l),
        code: answer.ticket.code,
      };
    case "ALREADY_CHECKED_IN":
      return {
        tone: "amber",
        title: "Already checked in",
        lines: [
          `at ${time(answer.checkIn.at)}${answer.checkIn.by ? ` by ${answer.checkIn.by}` : ""}`,
          `on ${answer.checkIn.deviceId}`,
        ],
        code: answer.ticket.code,
      };
    case "VOID":
      return {
        tone: "red",
        title: "Void",
        lines: ["Refunded or transferred: do not admit."],
        code: answer.ticket.code,
      };
    case "WRONG_EVENT":
      return {
        tone: "red",
        title: "Wrong event",
        lines: [`For ${answer.event.title}, ${new Date(answer.event.startsAt).toLocaleDateString()}`],
        code: answer.ticket.code,
      };
    case "NOT_FOUND":
      return { tone: "red", title: "Not found", lines: ["No ticket of ours has this code."], code: answer.code };
  }
}

export function ScanResult({ shown }: { shown: Shown | null }) {
  if (!shown) {
    return (
      <div className={`rounded-2xl border-2 px-4 py-8 text-center ${STYLES.slate}`} data-testid="scan-result">
        <p className="text-lg font-semibold">Ready to scan</p>
        <p className="text-sm">Point the camera at a ticket, or type its code.</p>
      </div>
    );
  }
  const { tone, title, lines, code } = describe(shown);
  return (
    <div
      className={`rounded-2xl border-2 px-4 py-6 text-center ${STYLES[tone]}`}
      data-testid="scan-result"
      data-result={shown.kind === "answer" ? shown.answer.result : shown.kind.toUpperCase()}
    >
      <p className="text-4xl font-black tracking-tight uppercase">{title}</p>
      {lines.map((line, i) => (
        <p key={i} className={i === 0 ? "mt-2 text-lg font-semibold" : "text-base"}>
          {line}
        </p>
      ))}
      {code && <p className="mt-1 font-mono text-sm break-all">{code}</p>}
    </div>
  );
}
