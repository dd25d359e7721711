// UN Headquarters' holidays in the staff console, in Debian's Chromium against a fresh local stack: the secretariat
// records next year's from the keyboard (a weekend day refused at its row, keeping what was typed, then the stored
// list shown with its weekdays); a save over a colleague's change is refused and the year read again in place, keeping
// what was typed; members read the year with no form; the pages read at 390 px; and an acknowledged
// request's page says how its consent window was counted, on weekends only while the year is not on record, then
// skipping the holidays of the circular once it is. Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { deskDay } from "#shared/zoned-time.ts";
import {
  consoleBrowser,
  focusedElement,
  type Json,
  keepScreenshot,
  overflowOf,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// 422: the weekend day refused on purpose; 412: a save over a colleague's; 404: a year read before it is on record.
const desk = consoleBrowser({ expectedErrors: /status of (422|412|404)/ });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

const thisYear = Number(deskDay(Date.now()).slice(0, 4));
const nextYear = thisYear + 1;

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** The first day on or after `date` whose weekday is one of `weekdays` (0 Sunday, 6 Saturday). */
function firstOn(date: string, weekdays: readonly number[]): string {
  let day = date;
  while (!weekdays.includes(weekdayOf(day))) day = addDays(day, 1);
  return day;
}
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Types into the focused field, then goes on to the next with Tab. */
async function typeThenTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

const holidaysForm = (page: Page, year: number) => page.getByRole("form", { name: `Record the ${year} holidays` });

/** The days the page's table shows, each as its two cells read. */
const tableRows = (page: Page) =>
  page
    .locator('[data-list="holidays"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from((row as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (cell) =>
          (cell.textContent ?? "").trim(),
        ),
      ),
    );

/** A request received today without the State's consent, acknowledged through the API: its window counted now. */
async function acknowledgedRequest(label: string): Promise<Json> {
  const request = await api("POST", "/assistance/requests", {
    iso3: "MWI",
    areas: ["legislation"],
    description: `Console e2e: a review of the export control law (${label})`,
    receivedOn: deskDay(new Date()),
    symbol: `S/AC.44/${thisYear}/MWI/${label}`,
    consentedToCirculation: false,
  });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  const moved = await api(
    "POST",
    `/assistance/requests/${request.body.id}/transitions`,
    { to: "acknowledged" },
    { "if-match": request.etag },
  );
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return moved.body;
}

async function consentLine(page: Page, id: string): Promise<string> {
  await go(page, `#/assistance/${id}`);
  await page.getByRole("heading", { name: /^Assistance request / }).waitFor();
  await settled(page);
  return (await page.locator('[data-field="status"]').locator("xpath=..").textContent()) ?? "";
}

describe("UN Headquarters holidays in the console", { timeout: 180_000 }, () => {
  it("lets the secretariat record next year's from the keyboard, a weekend day refused at its row", async () => {
    const newYear = firstOn(`${nextYear}-01-01`, WEEKDAYS);
    const saturday = firstOn(`${nextYear}-07-01`, [6]);
    const thanksgiving = firstOn(`${nextYear}-11-22`, [4]);
    const page = await signIn("secretariat", { at: `#/holidays/${nextYear}` });
    await page.locator("#holidays-not-on-record").waitFor();
    expect(await page.locator("#holidays-not-on-record").textContent()).toContain(
      `The ${nextYear} UN Headquarters holidays are not on record`,
    );
    const form = holidaysForm(page, nextYear);

    await page.locator("#holidays-source").focus();
    await typeThenTab(page, `ST/IC/${thisYear}/30`);
    await typeThenTab(page, newYear);
    await typeThenTab(page, "New Year's Day");
    expect((await focusedElement(page)).name).toBe("Remove day 1");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("holiday-1-date");
    await typeThenTab(page, saturday);
    await typeThenTab(page, "Independence Day");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("holiday-2-date");
    await typeThenTab(page, thanksgiving);
    await page.keyboard.type("Thanksgiving Day");
    await page.keyboard.press("Enter");

    // The Saturday is refused at its row, the focus taken there, and every row keeps what was typed.
    const problem = page.locator("#holiday-1-date-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe("is a Saturday: give the day observed at Headquarters");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("holiday-1-date");
    expect(await page.locator("#holiday-1-date").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#holiday-1-date").inputValue()).toBe(saturday);
    expect(await page.locator("#holiday-2-name").inputValue()).toBe("Thanksgiving Day");
    expect((await api("GET", `/calendar/holidays/${nextYear}`)).status).toBe(404);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "holidays-weekend-refused-1280.png");

    // The Monday the circular observes it on, typed over the Saturday; the problem goes with the change.
    const monday = addDays(saturday, 2);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(monday);
    await expect.poll(() => problem.count()).toBe(0);
    await page.keyboard.press("Enter");
    await page.locator("#holidays-saved").waitFor();
    expect(await page.locator("#holidays-saved").textContent()).toBe(
      `Saved: the ${nextYear} holidays, 3 days from ST/IC/${thisYear}/30, as the table above shows them.`,
    );
    const weekday = (date: string) =>
      new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
    const rows = await tableRows(page);
    expect(rows.map(([, name]) => name)).toEqual(["New Year's Day", "Independence Day", "Thanksgiving Day"]);
    expect(rows[1]?.[0]).toMatch(new RegExp(`^Monday \\d+ July ${nextYear}$`));
    expect(rows[0]?.[0]?.startsWith(weekday(newYear))).toBe(true);
    const stored = await api("GET", `/calendar/holidays/${nextYear}`);
    expect(stored.body.source).toBe(`ST/IC/${thisYear}/30`);
    expect(stored.body.days.map((day: Json) => day.date)).toEqual([newYear, monday, thanksgiving]);
    expect(await form.count()).toBe(0);
    expect(await page.getByRole("form", { name: `Correct the ${nextYear} holidays` }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("refuses a save over a colleague's change, reads the year again keeping what was typed, then saves", async () => {
    const page = await signIn("secretariat", { at: `#/holidays/${nextYear}` });
    const form = page.getByRole("form", { name: `Correct the ${nextYear} holidays` });
    await form.waitFor();
    const read = await api("GET", `/calendar/holidays/${nextYear}`);
    const vesak = { date: firstOn(`${nextYear}-05-20`, WEEKDAYS), name: "Day of Vesak" };
    const colleague = await api(
      "PUT",
      `/calendar/holidays/${nextYear}`,
      { source: `ST/IC/${thisYear}/30/Rev.1`, days: [...read.body.days, vesak] },
      { "if-match": read.etag },
    );
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(200);

    await page.locator("#holiday-0-name").fill("New Year's Day (observed)");
    await form.getByRole("button", { name: "Save the holidays" }).click();
    const readAgain = form.getByRole("button", { name: "Read the current version (keeps what you typed)" });
    await readAgain.waitFor();
    expect(await form.getByRole("alert").textContent()).toBe("Someone else changed this since you opened it");
    await readAgain.click();
    await page.locator("#holidays-now").waitFor();
    expect(await page.locator("#holidays-now").textContent()).toBe(
      `Now on record for ${nextYear}: 4 days from ST/IC/${thisYear}/30/Rev.1. Saving puts the list below over it.`,
    );
    expect((await tableRows(page)).map(([, name]) => name)).toContain("Day of Vesak");
    expect(await page.locator("#holiday-0-name").inputValue()).toBe("New Year's Day (observed)");

    await form.getByRole("button", { name: "Save the holidays" }).click();
    await page.locator("#holidays-saved").waitFor();
    const stored = await api("GET", `/calendar/holidays/${nextYear}`);
    expect(stored.body.days.map((day: Json) => day.name)).toEqual([
      "New Year's Day (observed)",
      "Independence Day",
      "Thanksgiving Day",
    ]);
    await page.close();
  });

  it("shows members the year and every year on record with no form, readable at 390 px", async () => {
    const page = await signIn("members", { at: `#/holidays/${nextYear}`, width: 390 });
    await page.locator('[data-list="holidays"]').waitFor();
    expect(await page.locator("form.record").count()).toBe(0);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "holidays-year-members-390.png");
    await go(page, "#/holidays");
    await page.locator('[data-list="holiday-years"]').waitFor();
    expect(await page.locator('[data-list="holiday-years"] tbody tr').first().textContent()).toContain(
      `ST/IC/${thisYear}/30`,
    );
    // This year, not on record, is offered to open.
    const notOnRecord = page.getByRole("navigation", { name: "Years not on record" });
    expect(await notOnRecord.getByRole("link", { name: `${thisYear}` }).getAttribute("href")).toBe(
      `#/holidays/${thisYear}`,
    );
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.close();

    // The secretariat's form reads at 390 px too.
    const narrow = await signIn("secretariat", { at: `#/holidays/${nextYear + 1}`, width: 390 });
    await holidaysForm(narrow, nextYear + 1).waitFor();
    expect(await overflowOf(narrow)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(narrow)).toEqual([]);
    await keepScreenshot(narrow, "holidays-form-390.png");
    await narrow.close();
  });

  it("says how an acknowledged request's consent window was counted", async () => {
    const unlisted = await acknowledgedRequest("HOL1");
    // Today's window; one that runs into next year counts the list the first test recorded for it.
    expect(unlisted.consentWindowCounted.yearsNotOnRecord).toContain(thisYear);
    const page = await signIn("secretariat");
    const line = await consentLine(page, unlisted.id);
    expect(line).toContain(`weekends only: the ${thisYear}`);
    expect(line).toMatch(/UN Headquarters holidays were not on record\)$/);
    const link = page.locator('[data-field="consent-window-counted"]').getByRole("link", { name: `${thisYear}` });
    expect(await link.getAttribute("href")).toBe(`#/holidays/${thisYear}`);

    const recorded = await api(
      "PUT",
      `/calendar/holidays/${thisYear}`,
      {
        source: `ST/IC/${thisYear - 1}/23`,
        days: [{ date: firstOn(`${thisYear}-12-25`, WEEKDAYS), name: "Christmas Day" }],
      },
      { "if-match": '"0"' },
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const listed = await acknowledgedRequest("HOL2");
    expect(await consentLine(page, listed.id)).toContain(
      `skipping the UN Headquarters holidays of ST/IC/${thisYear - 1}/23`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "holidays-request-counted-1280.png");
    await page.close();
    expect(troubles).toEqual([]);
  });
});
