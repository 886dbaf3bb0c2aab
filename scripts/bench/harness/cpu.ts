// CPU used by process trees (a process and its descendants), read from /proc on Linux; empty elsewhere.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readStats(): Map<number, { ppid: number; seconds: number }> {
  const byPid = new Map<number, { ppid: number; seconds: number }>();
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return byPid;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      // After the command name (which may hold spaces) come state, ppid, …; utime and stime are the 12th and 13th.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      byPid.set(Number(name), {
        ppid: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      });
    } catch {
      // ended meanwhile
    }
  }
  return byPid;
}

export type CpuSample = Record<string, Map<number, number>>;

/** CPU seconds so far of every process in each tree, by pid. */
export function sampleCpu(roots: Record<string, number | undefined>): CpuSample {
  const byPid = readStats();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of byPid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const sample: CpuSample = {};
  for (const [key, root] of Object.entries(roots)) {
    const seconds = new Map<number, number>();
    const stack = root && byPid.has(root) ? [root] : [];
    while (stack.length) {
      const pid = stack.pop()!;
      seconds.set(pid, byPid.get(pid)!.seconds);
      stack.push(...(children.get(pid) ?? []).filter((child) => byPid.has(child)));
    }
    sample[key] = seconds;
  }
  return sample;
}

/**
 * Average use between two samples, in % of one core, per tree. Processes that ended in between are left out (their
 * last seconds are lost, which undercounts a little) rather than subtracted; processes that started count in full.
 */
export function cpuPercent(before: CpuSample, after: CpuSample, wallSeconds: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, pids] of Object.entries(after)) {
    let used = 0;
    for (const [pid, seconds] of pids) used += seconds - (before[key]?.get(pid) ?? 0);
    result[key] = (100 * used) / wallSeconds;
  }
  return result;
}
