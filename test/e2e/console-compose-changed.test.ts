// A template changed while the composer is open, in Debian's Chromium against the local stack (console audit 29,
// bug 3): a colleague's PATCH makes the letters name the briefing's day; the API refuses the draft at that value, and
// the composer reads the templates again, draws the field with the refusal at it, says above the form that the
// template changed, takes the focus there, and creates the wave once the day is given.
import { describe, expect, it } from "vitest";
import {
  consoleBrowser,
  focusedElement,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

const desk = consoleBrowser();
const { signIn, troubles } = desk;
const api = secretariatApi(desk);

const TEMPLATE = "programme-outreach-letter";

describe("a template changed while the composer is open", { timeout: 120_000 }, () => {
  it("draws the value the template now names, says why at it and above the form, and creates the wave once given", async () => {
    const page = await signIn("secretariat", { at: `#/waves/new?template=${TEMPLATE}` });
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    await settled(page);
    // The template is offered by what it is for, its id beside it.
    expect(await page.locator("#templateId option:checked").textContent()).toBe(
      `As required: to Member States, in accordance with the multi-year programme of outreach (${TEMPLATE})`,
    );
    const day = page.getByLabel("Briefing's day");
    expect(await day.count()).toBe(0);

    // A colleague makes the letters name the briefing's day (allowed: no wave of the template is scheduled).
    const read = await api("GET", `/templates/${TEMPLATE}`);
    const text = `${read.body.variants.en.text}\n\nThe outreach event opens on {{briefing.date|date}}.`;
    const patched = await api(
      "PATCH",
      `/templates/${TEMPLATE}`,
      { variants: { en: { text } } },
      { "if-match": read.etag },
    );
    expect(patched.status).toBe(200);

    await page.getByLabel("Description (optional)").fill("Outreach, template changed meanwhile");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await day.waitFor();
    expect(await page.locator("#briefing-date-problem").textContent()).toBe(
      "the template uses {{briefing.date}}: give its value",
    );
    expect(await page.locator("[data-form-problem]").textContent()).toBe(
      `The template ${TEMPLATE} changed since this composer opened: its letters now name the briefing's day, asked below.`,
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("briefing-date");
    expect(await page.getByLabel("Description (optional)").inputValue()).toBe("Outreach, template changed meanwhile");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "compose-template-changed-1280.png");

    // Given, the day's refusal goes with what it said, and the wave is created with it.
    await day.fill("2027-01-20");
    await expect.poll(() => page.locator("#briefing-date-problem").count()).toBe(0);
    expect(await page.locator("[data-form-problem]").count()).toBe(0);
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    // The wave's page (its heading is another's to word).
    await expect.poll(() => page.url()).toMatch(/#\/waves\/[0-9A-Z]{26}$/);
    const id = page.url().split("#/waves/")[1] ?? "";
    const stored = await api("GET", `/waves/${id}`);
    expect([stored.body.templateId, stored.body.values]).toEqual([TEMPLATE, { "briefing.date": "2027-01-20" }]);
    // A draft sends nothing; cancelled so that no later test finds it.
    expect((await api("POST", `/waves/${id}/cancel`, undefined, { "if-match": stored.etag })).status).toBe(200);
    await page.close();
  });

  it("had no console error, page error or CSP report", () => {
    expect(troubles).toEqual([]);
  });
});
