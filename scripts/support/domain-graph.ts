import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// The import graph of lib/ by domain: each folder (lib/orders, lib/payments…)
// is one node, each file at the top of lib/ (lib/http.ts…) another. Type-only
// imports count too: a cycle of types is still two modules that cannot be
// understood one without the other.

const IMPORT = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** "orders" for lib/orders/settle.ts, "http" for lib/http.ts, null outside lib/. */
function domainOf(libDir: string, file: string): string | null {
  const relative = path.relative(libDir, file);
  if (relative.startsWith("..")) return null;
  const [first, ...rest] = relative.split(path.sep);
  return rest.length ? first! : first!.replace(/\.tsx?$/, "");
}

export function domainGraph(root: string): Map<string, Set<string>> {
  const libDir = path.join(root, "lib");
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(libDir)) {
    const from = domainOf(libDir, file)!;
    const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      const target = specifier.startsWith("@/")
        ? path.join(root, specifier.slice(2))
        : specifier.startsWith(".")
          ? path.resolve(path.dirname(file), specifier)
          : null;
      const to = target && domainOf(libDir, target);
      if (to && to !== from && to !== "generated") edges.add(to);
    }
  }
  return graph;
}

/** Every cycle between domains, each as the path that closes it (["orders", "payments", "orders"]). */
export function domainCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
