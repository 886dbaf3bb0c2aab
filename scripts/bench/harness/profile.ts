// Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and says where the CPU went: self time by
// package and the functions that used most of it. Open the file itself in Chrome DevTools for the whole tree.
import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  busyMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  topFunctions: { name: string; where: string; ms: number; share: number }[];
};

const IDLE = new Set(["(idle)"]);

/** Where a frame's code comes from: a package, Node itself, the bundled app, or V8's own buckets. */
export function packageOf(frame: ProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!.startsWith("@prisma") ? "@prisma" : match[1]!;
  if (url.includes("/.next/server/")) return "app bundle (.next/server)";
  if (url.includes("/lib/generated/prisma")) return "@prisma";
  return "other";
}

export function summarizeProfile(profile: CpuProfile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  let busyMs = 0;
  const packages = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || IDLE.has(frame.functionName)) continue;
    busyMs += ms;
    const pkg = packageOf(frame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const where = frame.url ? `${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}` : pkg;
    const key = `${frame.functionName}@${where}`;
    const entry = functions.get(key) ?? { name: frame.functionName || "(anonymous)", where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const share = (ms: number) => (busyMs > 0 ? ms / busyMs : 0);
  return {
    busyMs,
    byPackage: [...packages].map(([name, ms]) => ({ name, ms, share: share(ms) })).sort((a, b) => b.ms - a.ms),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((f) => ({ ...f, share: share(f.ms) })),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  return [
    `  busy ${(summary.busyMs / 1000).toFixed(1)} s of next start's CPU, self time by package:`,
    ...summary.byPackage.slice(0, 10).map((p) => `    ${pct(p.share)}  ${p.name}`),
    `  functions with the most self time:`,
    ...summary.topFunctions.map((f) => `    ${pct(f.share)}  ${f.name}  (${f.where})`),
  ].join("\n");
}

export function readProfile(file: string): ProfileSummary {
  return summarizeProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
}
