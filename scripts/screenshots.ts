// Refreshes the README's screenshots from a production build with the demo catalogue:
//   docs/screenshot.png        the arena show's event page on a desktop: the whole map, two seats picked, Hold;
//   docs/screenshot-phone.png  the same show on a Pixel 7: one section's seats at tap size, two picked.
//
//   npx next build && npm run screenshots        (SCREENSHOT_PORT, default 3912; BASE_URL to use a running app)
//
// Starts the e2e server (scripts/support/e2e-server.ts: a throwaway database, the demo data, `next start`)
// unless BASE_URL is given. Not a test: nothing runs it in CI, and it only writes the two images.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, devices, type Browser, type Page } from "@playwright/test";

const port = process.env.SCREENSHOT_PORT ?? "3912";
const baseURL = process.env.BASE_URL ?? `http://127.0.0.1:${port}`;
const SECTION = "107";

const answers = () =>
  fetch(`${baseURL}/api/health`).then(
    (r) => r.ok,
    () => false,
  );

async function startServer(): Promise<ChildProcess | null> {
  if (process.env.BASE_URL) return null;
  // Another app on the port (the e2e server also takes the next one) would be photographed instead of this build.
  if (await answers()) throw new Error(`something already answers on ${baseURL}; pick another SCREENSHOT_PORT`);
  const server = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/support/e2e-server.ts"],
    { env: { ...process.env, E2E_PORT: port, E2E_SKIP_BUILD: "1" }, stdio: ["ignore", "inherit", "inherit"] },
  );
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error("the e2e server stopped; is the port (or the next one) taken?");
    if (await answers()) return server;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  server.kill("SIGTERM");
  throw new Error(`the app did not answer on ${baseURL}`);
}

async function arenaShowPath(): Promise<string> {
  const list = await (await fetch(`${baseURL}/api/v1/events?q=Velvet%20Comets%20Hudson%20Arena&pageSize=5`)).json();
  return `/events/${(list.items as { slug: string }[])[0]!.slug}`;
}

/** Two free neighbouring seats of the section nearest the middle of what the map shows, as points on screen. */
function twoSeatsInView(page: Page, section: string) {
  return page.evaluate((name) => {
    const frame = document.querySelector("[data-testid=seat-map]")!.getBoundingClientRect();
    const middle = { x: frame.left + frame.width / 2, y: Math.max(frame.top, 0) + frame.height / 3 };
    const seats = [
      ...document.querySelectorAll(`[data-seat-id][aria-label^="Section ${name}, "]:not([aria-disabled="true"])`),
    ]
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      })
      .filter((s) => s.y > 0 && s.y < window.innerHeight && s.x > frame.left && s.x < frame.right)
      .sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y));
    const first = seats[0]!;
    const next = seats
      .slice(1)
      .sort((a, b) => Math.hypot(a.x - first.x, a.y - first.y) - Math.hypot(b.x - first.x, b.y - first.y))[0]!;
    return [first, next];
  }, section);
}

async function desktop(browser: Browser, path: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1620 } });
  await page.goto(`${baseURL}${path}`);
  const map = page.getByTestId("seat-map");
  await map.waitFor();
  for (const seat of await twoSeatsInView(page, SECTION)) await page.mouse.click(seat.x, seat.y);
  await page.getByRole("button", { name: "Hold 2 seats" }).waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshot.png" });
  await page.close();
}

async function phone(browser: Browser, path: string) {
  const { defaultBrowserType: _browser, ...pixel7 } = devices["Pixel 7"];
  const context = await browser.newContext(pixel7);
  const page = await context.newPage();
  await page.goto(`${baseURL}${path}`);
  const label = page.getByTestId("section-overview-map").locator("text", { hasText: new RegExp(`^${SECTION}$`) });
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByTestId("seat-map").scrollIntoViewIfNeeded();
  for (const seat of await twoSeatsInView(page, SECTION)) await page.touchscreen.tap(seat.x, seat.y);
  await page.getByRole("button", { name: "Hold 2 seats" }).waitFor();
  await page.screenshot({ path: "docs/screenshot-phone.png" });
  await context.close();
}

const server = await startServer();
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({
  ...(existsSync(executablePath) ? { executablePath } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const path = await arenaShowPath();
  await desktop(browser, path);
  await phone(browser, path);
  console.log("wrote docs/screenshot.png and docs/screenshot-phone.png");
} finally {
  await browser.close();
  server?.kill("SIGTERM");
}
