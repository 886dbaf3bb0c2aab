// Runs once when a Next.js server starts: a bad configuration stops it here,
// with a message naming each variable, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/config");
  config();
}
