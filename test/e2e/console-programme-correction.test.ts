// Correcting an activity of the draft programme year from the staff console, in Debian's Chromium against a fresh
// local stack (whose current year is a draft rolled forward, not stored): the secretariat moves an activity to another
// month on its page, which shows it, as GET /programme/{year} does, while a colleague's change to another activity
// made through the API after the page read the year stands; a change to this activity made meanwhile is refused and
// read again in place, keeping what was typed, and an impossible day shows at its field; an adopted year's activity
// offers no correction. Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  consoleBrowser,
  type Json,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

const desk = consoleBrowser();
const { signIn, troubles } = desk;
const api = secretariatApi(desk);

const ACTIVITY = "jul-meeting-focus-areas";
const OTHER = "aug-meeting-assistance-mechanism";

const currentYear = async (): Promise<number> => (await api("GET", "/programme/years")).body.currentYear;

const activityOf = (programme: Json, id: string): Json =>
  programme.activities.find((activity: Json) => activity.id === id);

/** A colleague puts the year through the API, one activity changed as they like. */
async function putAsColleague(year: number, id: string, change: (activity: Json) => Json): Promise<void> {
  const read = await api("GET", `/programme/${year}`);
  const programme = read.body.programme;
  const activities = programme.activities.map((activity: Json) => (activity.id === id ? change(activity) : activity));
  const put = await api("PUT", `/programme/${year}`, { ...programme, activities }, { "if-match": read.etag });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
}

async function openActivity(year: number, id: string): Promise<Page> {
  const page = await signIn("secretariat", { at: `#/programme/${year}/${id}` });
  await page.getByRole("heading", { name: "Letters", exact: true }).waitFor();
  await settled(page);
  return page;
}

const correction = (page: Page) => page.getByRole("form", { name: "Correct this activity in the draft" });

describe("correcting a draft programme activity in the console", { timeout: 180_000 }, () => {
  it("moves the activity to another month, shown on the page and stored, a colleague's change to another activity kept", async () => {
    const year = await currentYear();
    const page = await openActivity(year, ACTIVITY);
    const form = correction(page);
    expect(await page.locator("#correct-activity-timing").inputValue()).toBe("month");
    expect(await page.locator("#correct-activity-when").inputValue()).toBe(`${year}-07`);
    // A colleague renames another activity after the page read the year (a draft not yet stored: they store it).
    await putAsColleague(year, OTHER, (activity) => ({ ...activity, title: "Assistance mechanism, as renamed" }));

    await page.locator("#correct-activity-when").fill(`${year}-09`);
    await form.getByRole("button", { name: "Save the correction" }).click();
    await page.locator("#correct-activity-saved").waitFor();
    expect(await page.locator("#correct-activity-saved").textContent()).toBe(
      `Saved in the ${year} draft: in ${year}-09.`,
    );
    await expect
      .poll(() => page.locator("dl.facts dd").first().textContent())
      .toMatch(new RegExp(`^in September ${year}`));

    const stored = await api("GET", `/programme/${year}`);
    expect(stored.body.status).toBe("draft");
    expect(activityOf(stored.body.programme, ACTIVITY).month).toBe(`${year}-09`);
    expect(activityOf(stored.body.programme, OTHER).title).toBe("Assistance mechanism, as renamed");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "programme-correction-saved-1280.png");
    await page.close();

    // The adopted 2023 programme's activity offers none.
    const adopted = await openActivity(2023, ACTIVITY);
    expect(await correction(adopted).count()).toBe(0);
    await adopted.close();
  });

  it("refuses a save over a change to this activity made meanwhile, reads it again keeping the typing; an impossible day at its field", async () => {
    const year = await currentYear();
    const page = await openActivity(year, ACTIVITY);
    const form = correction(page);
    await putAsColleague(year, ACTIVITY, (activity) => ({
      ...activity,
      title: "Focus areas, as the Chair named them",
    }));

    await page.locator("#correct-activity-timing").selectOption("date");
    await page.locator("#correct-activity-when").fill(`${year}-09-31`);
    await form.getByRole("button", { name: "Save the correction" }).click();
    const readAgain = form.getByRole("button", { name: "Read the current version (keeps what you typed)" });
    await readAgain.waitFor();
    expect(await form.getByRole("alert").textContent()).toMatch(
      /^Someone else changed this activity since you opened it/,
    );
    await readAgain.click();
    await page.locator("#correct-activity-now").waitFor();
    expect(await page.locator("#correct-activity-now").textContent()).toMatch(
      new RegExp(
        `title "Focus areas, as the Chair named them".*Saving sends only what you typed that differs from it: timing on a day \\(now in a month, no day fixed\\), when "${year}-09-31"`,
      ),
    );
    expect(await page.locator("#correct-activity-title").inputValue()).toBe("Focus areas, as the Chair named them");
    expect(await page.locator("#correct-activity-when").inputValue()).toBe(`${year}-09-31`);

    // 31 September is no day: the API's 422 at the field, nothing stored.
    await form.getByRole("button", { name: "Save the correction" }).click();
    const problem = page.locator("#correct-activity-when-problem");
    await problem.waitFor();
    expect(await page.locator("#correct-activity-when").getAttribute("aria-invalid")).toBe("true");
    await keepScreenshot(page, "programme-correction-bad-day-1280.png");
    expect(activityOf((await api("GET", `/programme/${year}`)).body.programme, ACTIVITY).month).toBe(`${year}-09`);

    await page.locator("#correct-activity-when").fill(`${year}-09-15`);
    await form.getByRole("button", { name: "Save the correction" }).click();
    await page.locator("#correct-activity-saved").waitFor();
    const stored = activityOf((await api("GET", `/programme/${year}`)).body.programme, ACTIVITY);
    expect([stored.date, stored.month, stored.title]).toEqual([
      `${year}-09-15`,
      undefined,
      "Focus areas, as the Chair named them",
    ]);
    await page.close();
    expect(troubles).toEqual([]);
  });
});
