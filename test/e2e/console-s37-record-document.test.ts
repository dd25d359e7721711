// Recording a received document on a State's page (audit 36, items 8 and 15), in Debian's Chromium against the local
// stack: only the kinds the API would take are offered, the others said beside the choice with why, naming the State;
// a symbol already recorded is refused at the symbol's field, which takes the focus, saying whose document it is, and
// one of the State's own opens from there. Needs state/submission-record.tsx wired into state/submissions.tsx.
import { describe, expect, it } from "vitest";
import { deskDay } from "#shared/zoned-time.ts";
import {
  consoleBrowser,
  focusedElement,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// The refusals this file provokes on purpose: a symbol already recorded (409).
const desk = consoleBrowser({ expectedErrors: /status of 409/ });
const { signIn, troubles } = desk;
const api = secretariatApi(desk);

const kindsOffered = (page: import("playwright-core").Page) =>
  page.getByLabel("Kind", { exact: true }).locator("option").allTextContents();

describe("recording a received document, session 37", { timeout: 120_000 }, () => {
  it("offers a non-reporting State no additional information, saying why with its name, and refuses a symbol twice at its field", async () => {
    const page = await signIn("experts", { at: "#/states/MLI" });
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    await settled(page);
    expect(await kindsOffered(page)).not.toContain("Additional information");
    expect(await kindsOffered(page)).toContain("First national report");
    const withheld = page.locator('#record-withheld [data-withheld="additional-information"]');
    expect(await withheld.textContent()).toBe(
      "Additional information: Additional information follows the first report, and Mali has not submitted one: record it first.",
    );
    expect(await page.getByLabel("Kind", { exact: true }).getAttribute("aria-describedby")).toBe("record-withheld");
    expect(await seriousViolations(page)).toEqual([]);

    // Mali's first report, recorded: it is offered no more, and additional information is.
    const receivedOn = deskDay(new Date());
    await page.getByLabel("Received on (YYYY-MM-DD)").fill(receivedOn);
    await page.getByLabel("Document symbol").fill("S/AC.44/2026/S37/1");
    await page.getByRole("button", { name: "Record a first report" }).click();
    await page.getByText("Recorded S/AC.44/2026/S37/1 (First national report").waitFor();
    await expect.poll(() => kindsOffered(page)).not.toContain("First national report");
    expect(await kindsOffered(page)).toContain("Additional information");
    expect(await page.locator('#record-withheld [data-withheld="first-report"]').textContent()).toBe(
      `First national report: Mali has submitted its first report already (received ${receivedOn}).`,
    );

    // The same symbol again, as an action plan: refused at the symbol, which takes the focus; Mali's own opens.
    await page.getByLabel("Kind", { exact: true }).selectOption("action-plan");
    await page.getByLabel("Received on (YYYY-MM-DD)").fill(receivedOn);
    await page.getByLabel("Document symbol").fill("s/ac.44/2026/s37/1");
    await page.getByRole("button", { name: "Record the submission" }).click();
    const atSymbol = page.locator("#symbol-problem");
    await atSymbol.waitFor();
    expect(await atSymbol.textContent()).toBe(
      `s/ac.44/2026/s37/1 is already recorded as Mali's first national report, received ${receivedOn}.`,
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("symbol");
    expect(await page.locator("[data-form-problem]").count()).toBe(0);
    await page.getByRole("button", { name: "Open S/AC.44/2026/S37/1 in the list" }).click();
    await page.getByRole("form", { name: "Correct S/AC.44/2026/S37/1" }).waitFor();
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("names another State's document where a symbol is recorded, with nothing to open on this page", async () => {
    const held = await api("POST", "/states/KEN/submissions", {
      kind: "action-plan",
      receivedOn: "2026-11-30",
      symbol: "S/AC.44/2026/S37/KEN",
      language: "en",
    });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    const page = await signIn("secretariat", { at: "#/states/TCD" });
    await page.getByRole("heading", { name: "Chad (TCD)" }).waitFor();
    await settled(page);
    await page.getByLabel("Received on (YYYY-MM-DD)").fill("2026-12-01");
    await page.getByLabel("Document symbol").fill("S/AC.44/2026/S37/KEN");
    await page.getByRole("button", { name: "Record a first report" }).click();
    const atSymbol = page.locator("#symbol-problem");
    await atSymbol.waitFor();
    expect(await atSymbol.textContent()).toBe(
      "S/AC.44/2026/S37/KEN is already recorded as Kenya's national implementation action plan, received 2026-11-30.",
    );
    expect(await page.getByRole("button", { name: /^Open .* in the list$/ }).count()).toBe(0);
    expect(troubles).toEqual([]);
    await page.close();
  });
});
