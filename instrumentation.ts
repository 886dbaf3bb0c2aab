// Runs once when a Next.js server starts: a bad configuration stops it here,
// with a message naming each variable, instead of failing on the first request.
// Throwing is not enough (Next logs it and keeps serving), so the process exits.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config, ConfigError } = await import("@/lib/config");
  try {
    config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
