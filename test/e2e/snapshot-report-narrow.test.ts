// The snapshot's HTML report on a 390 px screen, in Debian's Chromium: the page is never wider than the screen; a wide
// table ("Cells by operative paragraph", 476 px in audit 36) scrolls sideways in its own region, which the keyboard
// reaches and scrolls, named by the table's caption; and axe finds nothing serious.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSnapshotReport } from "#shared/snapshots/report/render.ts";
import { launchChromium } from "../support/chromium.ts";
import { overflowOf, type PageGlobals, seriousViolations } from "../support/console-browser.ts";
import { snapshotFixture } from "../support/snapshot-fixture.ts";

const NARROW = 390;
const MATRIX_TABLE = "Cells by operative paragraph";

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const html = renderSnapshotReport(snapshotFixture());
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: NARROW, height: 800 } });
  const response = await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/report`);
  expect(response?.status()).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Each table's scroll region: its name, whether it takes focus, and how much wider its table is than it. */
const regions = () =>
  page.$$eval("table", (tables) =>
    tables.map((table) => {
      const region = table.parentElement;
      return {
        caption: table.querySelector("caption")?.textContent ?? "",
        role: region?.getAttribute("role"),
        name: region?.getAttribute("aria-label"),
        tabIndex: region?.tabIndex,
        overflow: (region?.scrollWidth ?? 0) - (region?.clientWidth ?? 0),
      };
    }),
  );

describe("the snapshot report at 390 px", () => {
  it("is no wider than the screen", async () => {
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).innerWidth)).toBe(NARROW);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
  });

  it("puts every table in a focusable region named by its caption; the matrix's is wider than the screen", async () => {
    const found = await regions();
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const region of found) {
      expect(region, region.caption).toMatchObject({ role: "region", name: region.caption, tabIndex: 0 });
    }
    expect(found.find((region) => region.caption === MATRIX_TABLE)?.overflow).toBeGreaterThan(0);
  });

  it("scrolls the matrix table sideways by keyboard, inside its region, the page staying put", async () => {
    const region = page.getByRole("region", { name: MATRIX_TABLE, exact: true });
    await region.focus();
    expect(await region.evaluate((element) => element.scrollLeft)).toBe(0);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (globalThis as unknown as { scrollX: number }).scrollX)).toBe(0);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
  });

  it("has no serious or critical axe violation", async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });
});
