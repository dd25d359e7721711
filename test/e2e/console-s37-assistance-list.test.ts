// The Assistance pages in the officer's terms (audit 36, items 7 and 17), in Debian's Chromium against the local
// stack: the list opens on every pending request with the status as a column, narrowed to a status and to a State
// chosen by name, the choice kept in the URL; a request is recorded for a State typed by its name; an offer past its
// last day is marked expired in words.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pendingRequestStatuses } from "#shared/assistance/transitions.ts";
import { deskDay } from "#shared/zoned-time.ts";
import {
  consoleBrowser,
  type Json,
  keepScreenshot,
  overflowOf,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

const desk = consoleBrowser();
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

/** Every request the API lists for `query`, following its cursor. */
async function listed(query: string): Promise<Json[]> {
  const items: Json[] = [];
  let cursor = "";
  do {
    const page = await api("GET", `/assistance/requests?limit=100${query}${cursor}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.cursor ? `&cursor=${encodeURIComponent(page.body.cursor)}` : "";
  } while (cursor);
  return items;
}

const pending = (requests: Json[]) => requests.filter((request) => pendingRequestStatuses.includes(request.status));

const rowsOf = (page: Page) => page.getByRole("table", { name: /^Assistance requests: / }).locator("tbody tr");

describe("the console's Assistance pages, session 37", { timeout: 120_000 }, () => {
  it("opens on every pending request, then narrows to a status and to a State chosen by name, in the URL", async () => {
    const every = pending(await listed(""));
    expect(new Set(every.map((request) => request.status)).size).toBeGreaterThan(1);
    const page = await signIn("secretariat", { at: "#/assistance" });
    await page.getByText(`${every.length} pending requests`, { exact: true }).waitFor();
    await settled(page);
    expect(await rowsOf(page).count()).toBe(every.length);
    const statusColumn = await page.getByRole("table").locator("thead th").allTextContents();
    expect(statusColumn).toContain("Status");
    expect(await seriousViolations(page)).toEqual([]);

    // One status, then one State by its name: each choice kept in the URL, so the page reads the same when opened again.
    await page.getByLabel("Status").selectOption("received");
    await page.getByRole("button", { name: "Show" }).click();
    const received = every.filter((request) => request.status === "received");
    await page.getByText(`${received.length} requests received`, { exact: true }).waitFor();
    expect(new URL(page.url()).hash).toBe("#/assistance?status=received");

    // The State of a pending request, typed by its name in lower case.
    const { iso3 } = every[0];
    const { name } = (await api("GET", `/states/${iso3}`)).body;
    const theirs = pending(await listed(`&iso3=${iso3}`));
    await page.getByLabel("Status").selectOption("pending");
    await page.getByLabel("State (every State when empty)").fill(name.toLowerCase());
    await page.getByRole("button", { name: "Show" }).click();
    const words = `${theirs.length} pending request${theirs.length === 1 ? "" : "s"} from ${name}`;
    await page.getByText(words, { exact: true }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/assistance?state=${iso3}`);
    expect(await rowsOf(page).count()).toBe(theirs.length);

    await go(page, `#/assistance?state=${iso3}`);
    await page.getByText(words, { exact: true }).waitFor();
    await expect.poll(() => page.getByLabel("State (every State when empty)").inputValue()).toBe(name);

    // A name no Member State bears is said at the State's field, and the list stays as it was.
    await page.getByLabel("State (every State when empty)").fill("Gambiaa");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText("No Member State is named or coded “Gambiaa”.").waitFor();
    expect(new URL(page.url()).hash).toBe(`#/assistance?state=${iso3}`);

    // Back to every pending request by the page's own link: the fields say so again.
    await page.getByRole("link", { name: "Requests", exact: true }).click();
    await page.getByText(`${every.length} pending requests`, { exact: true }).waitFor();
    await expect.poll(() => page.getByLabel("State (every State when empty)").inputValue()).toBe("");
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("records a request for a State typed by its name", async () => {
    const page = await signIn("experts", { at: "#/assistance?state=GMB" });
    const form = page.getByRole("form", { name: "Record a request" });
    await form.waitFor();
    await settled(page);
    await form.getByLabel("State (name or ISO code)").fill("Gambia");
    await form.getByLabel("Request symbol").fill("S/AC.44/2026/GMB/S37");
    await form.getByLabel("Day received (YYYY-MM-DD)").fill(deskDay(new Date()));
    await form.getByLabel("Legislation").check();
    await form.getByLabel("What the State asks for").fill("Console e2e: a review of the export control law");
    await form.getByRole("button", { name: "Record the request" }).click();
    await page.getByText("Recorded S/AC.44/2026/GMB/S37 from Gambia.").waitFor();
    await rowsOf(page).filter({ hasText: "S/AC.44/2026/GMB/S37" }).getByText("received", { exact: true }).waitFor();
    expect((await listed("&iso3=GMB")).some((request) => request.symbol === "S/AC.44/2026/GMB/S37")).toBe(true);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("marks an offer past its last day as expired, in words", async () => {
    const offer = await api("POST", "/assistance/offers", {
      provider: { kind: "state", iso3: "BGR" },
      areas: ["legislation"],
      description: "Console e2e: a workshop that has ended",
      validFrom: "2024-01-01",
      validUntil: "2026-06-30",
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const page = await signIn("members", { at: "#/assistance/offers?provider=state:BGR" });
    const row = page.locator('[data-list="offers"] tbody tr').filter({ hasText: "a workshop that has ended" });
    await row.waitFor();
    expect(await row.textContent()).toContain("from 2024-01-01 to 2026-06-30 Expired on 30 June 2026.");
    expect(await row.getAttribute("class")).toBe("inactive");
    expect(await seriousViolations(page)).toEqual([]);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("reads at 390 px: the filters and the pending list no wider than the screen", async () => {
    const page = await signIn("secretariat", { width: 390, at: "#/assistance" });
    await page.getByText(/^\d+ pending requests$/).waitFor();
    await settled(page);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, "assistance-pending-390.png");
    await page.close();
  });
});
