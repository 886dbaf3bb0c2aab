import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// Calling pages and server actions directly, as Next.js does, in the list-driven access tests
// (organizer-page-access.test.ts, admin-page-access.test.ts).

/** Every file called `name` under `dir`, at any depth. */
export function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return entry === name ? [full] : [];
  });
}

/** The URL pattern of a file's folder under `appDir`, route groups left out: …/admin/users/[userId]. */
export function routeOf(appDir: string, file: string): string {
  return (
    "/" +
    path
      .relative(appDir, path.dirname(file))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .join("/")
  );
}

/**
 * Which of Next's control-flow errors a page or action threw, as a comparable string, or null for
 * any other error (`redirect()` and `notFound()` throw errors whose digest says where to).
 */
export function controlFlow(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  // NEXT_REDIRECT;<push|replace>;<url>;<status>;
  if (digest.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.split(";").slice(2, -2).join(";")}`;
  // NEXT_HTTP_ERROR_FALLBACK;404 (notFound), 403 (forbidden), 401 (unauthorized)
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) {
    const status = digest.split(";")[1];
    return status === "404" ? "not found" : `http ${status}`;
  }
  return null;
}

/** A route pattern with its parameters filled in. */
export const pathOf = (route: string, params: Record<string, string>) =>
  route.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? `[${name}]`);
