import { spawn, type ChildProcess } from "node:child_process";
import { createPrismaClient } from "@/lib/db-client";
import { demoAccounts, DEMO_PASSWORD, organizations, staffAccounts } from "@/prisma/demo/catalog";
import { seedDemoDataIfEmpty } from "@/prisma/demo/seed-data";
import { ConfigError, prepareLocalEnvironment } from "./support/local-env";

// `npm run dev`: embedded PostgreSQL (unless DATABASE_URL is set), migrations,
// demo data on first start, then the worker and `next dev` side by side.

const say = (line: string) => console.log(`[marquee] ${line}`);
const port = process.env.PORT || "3000";

let prepared: Awaited<ReturnType<typeof prepareLocalEnvironment>>;
try {
  prepared = await prepareLocalEnvironment({ pgDir: "postgres", pgPort: 54329, database: "marquee", log: say });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const { env, config, modes, stopDatabase } = prepared;

const db = createPrismaClient(config.DATABASE_URL, 2);
if (await seedDemoDataIfEmpty(db)) say("Seeded the demo catalogue.");
await db.$disconnect();

const children: ChildProcess[] = [];
function run(name: string, command: string, args: string[]) {
  const child = spawn(command, args, { env: { NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: port }, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (!shuttingDown) {
      say(`${name} exited (${signal ?? code}); stopping.`);
      void shutdown(code ?? 1);
    }
  });
  children.push(child);
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  await stopDatabase();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

run("worker", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"]);
run("next", process.execPath, ["node_modules/next/dist/bin/next", "dev", "--port", port]);

say(`Marquee is starting on http://localhost:${port}`);
say(
  `Services: holds=${modes.holds} search=${modes.search} payments=${modes.payments} email=${modes.email} uploads=${modes.uploads}`,
);
say(`Demo logins (password "${DEMO_PASSWORD}"):`);
say(`  admin      ${demoAccounts.admin.email}`);
say(`  fan        ${demoAccounts.fan.email}`);
for (const org of organizations) say(`  organizer  ${org.owner.email}  (${org.name})`);
for (const staff of staffAccounts) {
  const roles = staff.memberships.map((m) => `${m.role.toLowerCase().replace("_", "-")} at ${m.org}`).join(", ");
  say(`  staff      ${staff.email}  (${roles})`);
}
