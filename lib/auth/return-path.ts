// Where sign-in and sign-up send someone afterwards. Only a path on this site: an open redirect after
// sign-in is a phishing tool ("sign in to Marquee" that lands on a look-alike). Pure, so the header
// (a client component), the pages and the server actions all apply the same rule.

const MAX_LENGTH = 500;
const PROBE_ORIGIN = "http://return-path.invalid";

/**
 * The path itself when it is a same-origin path ("/events/x?y=1#z"), else `fallback`.
 * "//host" and "/\host" are other sites to a browser, so are refused, as are control
 * characters (a newline inside a path is how header injection starts).
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  return url.origin === PROBE_ORIGIN ? url.pathname + url.search + url.hash : fallback;
}

const ACCOUNT_PAGES = new Set(["/signin", "/signup"]);

/**
 * The link to sign in (or sign up) that comes back to `here`. From the sign-in or sign-up page
 * itself it carries that page's own destination on, instead of returning to the form.
 */
export function accountPageHref(page: "signin" | "signup", here: { pathname: string; search: string }): string {
  const target = ACCOUNT_PAGES.has(here.pathname)
    ? safeReturnPath(new URLSearchParams(here.search).get("callbackUrl"))
    : safeReturnPath(here.pathname + here.search);
  return target === "/" ? `/${page}` : `/${page}?callbackUrl=${encodeURIComponent(target)}`;
}
