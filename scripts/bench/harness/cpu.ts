// CPU seconds used by a process and its descendants, read from /proc (Linux); null elsewhere.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function stats(): Map<number, { ppid: number; ticks: number }> {
  const byPid = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command name (which may contain spaces) start at state: ppid is the 2nd, utime the 12th, stime the 13th.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      byPid.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

/** CPU seconds of each tree, keyed as given; a missing root counts 0. */
export function treeCpuSeconds(roots: Record<string, number | undefined>): Record<string, number> | null {
  let byPid: ReturnType<typeof stats>;
  try {
    byPid = stats();
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of byPid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const result: Record<string, number> = {};
  for (const [key, root] of Object.entries(roots)) {
    let ticks = 0;
    const stack = root ? [root] : [];
    while (stack.length) {
      const pid = stack.pop()!;
      ticks += byPid.get(pid)?.ticks ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    result[key] = ticks / TICKS_PER_SECOND;
  }
  return result;
}
