import { handlers } from "@/lib/auth/next-auth";

/**
 * Signs in through Auth.js's own endpoints, as a browser form posting to the credentials callback
 * would: where it sent the browser, and the session cookie it set (null when it set none).
 */
export async function callbackSignIn(email: string, password: string, ip: string) {
  const csrf = await handlers.GET(new Request("http://localhost:3000/api/auth/csrf") as never);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await handlers.POST(
    new Request("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": ip },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "http://localhost:3000/account" }),
    }) as never,
  );
  const location = new URL(response.headers.get("location") ?? "", "http://localhost:3000");
  const sessionCookie =
    response.headers
      .getSetCookie()
      .find((c) => c.startsWith("authjs.session-token="))
      ?.split(";")[0] ?? null;
  return { location, session: sessionCookie !== null, sessionCookie };
}
