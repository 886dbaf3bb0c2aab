import { spawn } from "node:child_process";
import net from "node:net";
import { expect, test } from "./fixtures";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe("payments on a production server", () => {
  test("without Stripe and without PAYMENT_PROVIDER=simulator, next start refuses to start and says why", async () => {
    test.setTimeout(60_000);
    const port = await freePort();
    // The e2e server's own build; only the environment differs.
    const child = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: "postgresql://marquee@127.0.0.1:1/unused",
          AUTH_SECRET: "a-production-secret-of-at-least-32-chars",
        },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exitCode = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill("SIGKILL"), resolve(null)), 45_000);
      child.on("exit", (code) => (clearTimeout(timer), resolve(code)));
    });
    expect(output).toContain("STRIPE_SECRET_KEY is missing: a production server takes real payments");
    expect(output).toContain("PAYMENT_PROVIDER=simulator");
    expect(exitCode).not.toBe(0);
    expect(exitCode).not.toBeNull();
  });

  test("with PAYMENT_PROVIDER=simulator every page and /api/health say payments are simulated @mobile", async ({
    page,
    request,
  }) => {
    for (const path of ["/", "/search", "/signin"]) {
      await page.goto(path);
      await expect(page.getByTestId("demo-banner")).toContainText("payments are simulated");
    }
    const health = await (await request.get("/api/health")).json();
    expect(health.components.payments).toMatchObject({ mode: "simulator", demo: true });
  });
});
