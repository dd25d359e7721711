// The snapshot's HTML report in headless Chromium: served over HTTP, screenshotted, its charts and list checked,
// and printed to PDF. Debian's Chromium only (.ci/run installs its headless shell); playwright-core never downloads a
// browser.
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartTitles } from "#shared/snapshots/report/chart-sections.ts";
import { renderSnapshotReport } from "#shared/snapshots/report/render.ts";
import { launchChromium } from "../support/chromium.ts";
import { snapshotFixture } from "../support/snapshot-fixture.ts";

const NON_REPORTING = [
  "Chad",
  "Democratic People's Republic of Korea",
  "Eswatini",
  "Gambia",
  "Guinea",
  "Mali",
  "Mauritania",
  "Somalia",
];
const SCREENSHOT = join(tmpdir(), "desk-snapshot-report.png");
const PDF = join(tmpdir(), "desk-snapshot-report.pdf");

let server: Server;
let browser: Browser;
let page: Page;
let reportUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  const html = renderSnapshotReport(snapshotFixture());
  server = createServer((request, response) => {
    if (request.url === "/report") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  reportUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("request", (request) => requested.push(request.url()));
  const response = await page.goto(reportUrl, { waitUntil: "load" });
  expect(response?.status()).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface BarOnScreen {
  value: number;
  width: number;
}

interface ChartOnScreen {
  title: string;
  bars: BarOnScreen[];
}

const chartsOnScreen = () =>
  page.$$eval('svg[role="img"]', (charts) =>
    charts.map((chart) => ({
      title: chart.querySelector(":scope > title")?.textContent ?? "",
      bars: [...chart.querySelectorAll("rect.bar")].map((bar) => ({
        value: Number(bar.getAttribute("data-value")),
        width: bar.getBoundingClientRect().width,
      })),
    })),
  );

describe("the snapshot report in headless Chromium", () => {
  it("loads as one self-contained document: nothing else requested, no script", async () => {
    expect(requested).toEqual([reportUrl]);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.title()).toBe("1540 Committee: quarterly snapshot 2024-Q1 (as of 2024-03-31)");
  });

  it("takes a full-page screenshot that is a real PNG of the whole report", async () => {
    const png = await page.screenshot({ fullPage: true, path: SCREENSHOT });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1100);
    expect(png.readUInt32BE(20)).toBeGreaterThan(3000);
    expect(png.length).toBeGreaterThan(100_000);
  });

  it("has its four charts, each an image named by its title", async () => {
    const charts: ChartOnScreen[] = await chartsOnScreen();
    expect(charts.map((chart) => chart.title)).toEqual(Object.values(chartTitles));
    for (const title of Object.values(chartTitles)) {
      await expect(page.getByRole("img", { name: title, exact: true }).isVisible()).resolves.toBe(true);
    }
  });

  it("draws a bar of non-zero width for every non-zero figure, and none for a zero", async () => {
    for (const chart of await chartsOnScreen()) {
      expect(chart.bars.filter((bar) => bar.value > 0).length, chart.title).toBeGreaterThan(0);
      for (const bar of chart.bars) {
        if (bar.value > 0) expect(bar.width, chart.title).toBeGreaterThan(0);
        else expect(bar.width, chart.title).toBe(0);
      }
    }
  });

  it("draws the reporting chart to scale: the African group's bar is its 54 States", async () => {
    const widths = await page.$$eval('#chart-reporting rect.bar[data-label="African"]', (bars) =>
      bars.map((bar) => ({ value: Number(bar.getAttribute("data-value")), width: bar.getBoundingClientRect().width })),
    );
    expect(widths.reduce((sum, bar) => sum + bar.value, 0)).toBe(54);
    const [reported, nonReporting] = widths;
    expect((nonReporting?.width ?? 0) / (reported?.width ?? 1)).toBeCloseTo(
      (nonReporting?.value ?? 0) / (reported?.value ?? 1),
      2,
    );
  });

  it("lists the 8 non-reporting States and says 185 of 193 reported", async () => {
    const items = await page.locator("#non-reporting-states li").allTextContents();
    expect(items.map((item) => item.replace(/ \([A-Z]{3}\)$/, ""))).toEqual(NON_REPORTING);
    const reported = page.locator("dl.figures > div").filter({ hasText: "submitted a first national report" });
    expect(await reported.locator("dd").textContent()).toMatch(/^185 of 193(?!\d)/);
  });

  it("prints: one section per page, and a PDF of every page", async () => {
    await page.emulateMedia({ media: "print" });
    const breaks = await page.$$eval("main > section", (sections) =>
      sections.map((section) => section.ownerDocument.defaultView?.getComputedStyle(section).breakBefore),
    );
    expect(breaks[0]).toBe("auto");
    expect(breaks.slice(1).every((value) => value === "page")).toBe(true);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(PDF, pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(breaks.length);
  });
});
