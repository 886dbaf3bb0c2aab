import { randomUUID } from "node:crypto";
import { twentyThousandSeatLayout } from "../support/big-layout";
import { demo, expect, signIn, test } from "./fixtures";

// How long an edit of a 20,000-seat layout takes to reach the screen: from the
// key press that changes one section's seats per row to the next painted
// frame, in Chromium. Logged, never asserted (see CONTRIBUTING: no timing
// thresholds in tests); the figures are in docs/performance.md.

const RUNS = 12;

test("measures edit-to-paint time on a 20,000-seat layout", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto("/signin?callbackUrl=/organizer/northstar-live/venues/new");
  await signIn(page, demo.organizer);
  await page.getByLabel("Name").fill(`Big Arena ${randomUUID().slice(0, 6)}`);
  await page.getByLabel("Street address").fill("1 Arena Way");
  await page.getByLabel("City").fill("Atlanta");
  await page.getByLabel("Country code").fill("US");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByLabel("Latitude").fill("33.757");
  await page.getByLabel("Longitude").fill("-84.396");
  await page.getByRole("button", { name: "Create venue" }).click();
  await page.getByRole("link", { name: "Draw the seat map" }).click();

  await page.getByLabel("Or paste layout JSON").fill(JSON.stringify(twentyThousandSeatLayout()));
  const loadStart = Date.now();
  await page.getByRole("button", { name: "Load pasted JSON" }).click();
  await expect(page.getByTestId("layout-figures")).toContainText("20,000 seats");
  const loadMs = Date.now() - loadStart;
  await expect(page.locator("[data-seat-id]")).toHaveCount(20_000);

  await page.getByRole("button", { name: /^Section 43 · block/ }).click();
  // A CSS locator: getByLabel would make Playwright scan the 20,000-seat page on the main thread between presses.
  const perRow = page.locator('input[id$="-seats.perRow"]');
  await expect(perRow).toHaveValue("10");

  // Three marks per key press, all on the page's own clock: the seat map's DOM changed (React committed),
  // the next animation frame began, and a task queued from that frame ran (after the frame was painted).
  // Chromium's Event Timing gives its own key-down-to-next-paint figure, in 8 ms steps.
  await perRow.evaluate((input) => {
    type Sample = { start: number; commit?: number; frame?: number; painted?: number };
    const w = window as unknown as { samples: Sample[]; eventTiming: number[] };
    w.samples = [];
    w.eventTiming = [];
    const map = document.querySelector('[data-testid="seat-map"]')!;
    input.addEventListener(
      "keydown",
      () => {
        const sample: Sample = { start: performance.now() };
        const observer = new MutationObserver(() => {
          sample.commit ??= performance.now();
          observer.disconnect();
        });
        observer.observe(map, { subtree: true, childList: true, attributes: true });
        requestAnimationFrame(() => {
          sample.frame = performance.now();
          setTimeout(() => {
            sample.painted = performance.now();
            w.samples.push(sample);
          }, 0);
        });
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "keydown") w.eventTiming.push(entry.duration);
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });

  for (let run = 0; run < RUNS; run++) {
    await perRow.press(run % 2 === 0 ? "ArrowUp" : "ArrowDown");
    await page.waitForFunction((n) => (window as unknown as { samples: unknown[] }).samples.length >= n, run + 1, {
      polling: 100,
    });
    await page.waitForTimeout(250); // let the Event Timing entry arrive before the next press
  }
  await expect(page.getByTestId("layout-figures")).toContainText("20,000 seats"); // an even number of presses

  // For scale: what one repaint of the map costs with no script at all (one seat's radius nudged).
  const repaint = await page.evaluate(async (runs) => {
    const seat = document.querySelector('[data-seat-id="s0/A/1"]')!;
    const radius = seat.getAttribute("r")!;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const start = performance.now();
      seat.setAttribute("r", i % 2 ? radius : String(Number(radius) * 0.9));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - start);
    }
    return times;
  }, RUNS);

  const { samples, eventTiming } = await page.evaluate(() => {
    const w = window as unknown as {
      samples: { start: number; commit?: number; frame: number; painted: number }[];
      eventTiming: number[];
    };
    return { samples: w.samples, eventTiming: w.eventTiming };
  });
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(1));
    return { runs: sorted.length, median: at(0.5), p90: at(0.9), max: Number(sorted.at(-1)?.toFixed(1)) };
  };
  const report = {
    layoutLoadMs: loadMs,
    keyDownToCommitMs: summary(samples.map((s) => (s.commit ?? s.frame) - s.start)),
    keyDownToFrameMs: summary(samples.map((s) => s.frame - s.start)),
    keyDownToPaintedMs: summary(samples.map((s) => s.painted - s.start)),
    eventTimingKeyDownMs: summary(eventTiming),
    repaintOnlyMs: summary(repaint),
    paintedSamples: samples.map((s) => Number((s.painted - s.start).toFixed(1))),
  };
  console.log(`20,000-seat layout, seats per row of one section ±1: ${JSON.stringify(report)}`);
  await testInfo.attach("edit-to-paint.json", {
    body: JSON.stringify(report, null, 2),
    contentType: "application/json",
  });
  expect(samples).toHaveLength(RUNS);
});
