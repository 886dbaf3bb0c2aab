// Reuses the .next build when no source file is newer than it; otherwise runs `next build` as the e2e server does.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

// What a build depends on (package.json only through the lock file: a new npm script needs no rebuild).
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the build must be made again, or null when .next/BUILD_ID is newer than every source. */
export function staleBuildReason(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no .next build";
  const built = statSync(buildId).mtimeMs;
  const newer = SOURCES.find((s) => newestMtime(path.join(root, s)) > built);
  return newer ? `${newer} changed since the last build` : null;
}

export function ensureBuild(root: string, env: NodeJS.ProcessEnv, skip: boolean): "skipped" | "reused" | "built" {
  if (skip) {
    if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("--skip-build: there is no .next build");
  }
  const reason = skip ? null : staleBuildReason(root);
  if (reason) {
    console.log(`Building (${reason})…`);
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  }
  // The data cache outlives builds; entries from an earlier database would name rows that no longer exist.
  rmSync(path.join(root, ".next", "cache", "fetch-cache"), { recursive: true, force: true });
  return skip ? "skipped" : reason ? "built" : "reused";
}

/** A file under /_next/static to fetch: the largest JavaScript chunk under 100 kB (a typical page chunk). */
export function staticAssetPath(root: string): { path: string; bytes: number } {
  const dir = path.join(root, ".next", "static", "chunks");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({ f, bytes: statSync(path.join(dir, f)).size }))
    .filter((x) => x.bytes < 100_000)
    .sort((a, b) => b.bytes - a.bytes || a.f.localeCompare(b.f));
  if (!files[0]) throw new Error(`No JavaScript chunk in ${dir}`);
  return { path: `/_next/static/chunks/${files[0].f}`, bytes: files[0].bytes };
}
