// The composer's guards, in Debian's Chromium against the local stack (console audit 28, items 4, 9 and 16): a change
// of template brings the template's own audience unless the officer chose one, an audience the letter is not written
// to is refused at its field until confirmed, and a send time that has passed is refused at its field, the API asked
// nothing; the template preview takes a State by name or code and says plainly when it names none.
import { describe, expect, it } from "vitest";
import {
  apiRequests,
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

async function openComposer(hash = "#/waves/new") {
  const page = await signIn("secretariat", { at: hash });
  await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
  await settled(page);
  return page;
}

describe("the composer's guards", { timeout: 120_000 }, () => {
  it("gives the first-report request its own audience, and refuses another the officer chose until confirmed", async () => {
    const page = await openComposer();
    const audience = page.getByLabel("Audience", { exact: true });
    expect(await audience.inputValue()).toBe("states-with-follow-up-due");
    await page.getByLabel("Template").selectOption("programme-first-report-request");
    expect(await audience.inputValue()).toBe("non-reporting-states");
    expect(await page.locator("#audience-hint").textContent()).toContain(
      "The audience is now “States without a first national report”",
    );
    expect(await page.locator('[data-field="audience-caution"]').count()).toBe(0);

    // The officer's own choice is kept, cautioned, and refused at its field until confirmed; the API is not asked.
    await audience.selectOption("reporting-states");
    const caution = page.locator("#audience-caution");
    expect(await caution.textContent()).toContain("is written to “States without a first national report” only");
    expect(await audience.getAttribute("aria-describedby")).toContain("audience-caution");
    const posted = apiRequests(desk.stack, "POST", "/waves");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    const problem = page.locator("#audience-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("tick “Send this letter to them all the same”");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("audience");
    expect(page.url()).toContain("#/waves/new");
    expect(posted()).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "compose-audience-caution-1280.png");

    await page.getByLabel("Send this letter to them all the same").check();
    await page.getByLabel("Description (optional)").fill("Confirmed on purpose (compose guards)");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await page.getByRole("heading", { name: /^Wave |\(wave \w+\)$/ }).waitFor();
    const id = page.url().split("#/waves/")[1] ?? "";
    const stored = await api("GET", `/waves/${id}`);
    expect([stored.body.templateId, stored.body.audience]).toEqual([
      "programme-first-report-request",
      "reporting-states",
    ]);
    // A draft sends nothing; cancelled so that no later test finds it.
    expect((await api("POST", `/waves/${id}/cancel`, undefined, { "if-match": stored.etag })).status).toBe(200);
    await page.close();
  });

  it("refuses a send time that has passed at its field, saying so beside it, and asks the API nothing", async () => {
    const page = await openComposer("#/waves/new?template=programme-first-report-request");
    await page.getByLabel("Time zone", { exact: true }).selectOption("UTC");
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString().slice(0, 16);
    await page.getByLabel("Send at (in that time zone)").fill(anHourAgo);
    // In UTC the field reads the instant: the line below says only that it has passed.
    await page.locator("#sendAt-utc").getByText("That time has passed.").waitFor();
    const posted = apiRequests(desk.stack, "POST", "/waves");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    const problem = page.locator("#sendAt-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe(
      `${anHourAgo.replace("T", " ")} UTC has passed: choose a later send time.`,
    );
    // Said once: the refusal at the field, not again below it.
    expect(await page.locator("#sendAt-utc").textContent()).toBe("");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("sendAt");
    expect(page.url()).toContain("#/waves/new");
    expect(posted()).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "compose-send-time-passed-1280.png");
    await page.close();
  });

  it("previews the letter for a State typed by name, and says plainly when the entry names no State", async () => {
    const page = await signIn("members", { at: "#/templates/programme-first-report-request" });
    await page.getByRole("heading", { name: "Template programme-first-report-request" }).waitFor();
    const state = page.getByLabel("State (name or ISO code)");
    await state.fill("Mauritania");
    const preview = page.getByRole("article", { name: "Letter preview" });
    await preview.locator(".letter-subject").getByText("Mauritania").waitFor();
    await state.fill("XXX");
    const problem = page.locator("#preview-state-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe("No Member State is named or coded “XXX”.");
    await expect.poll(() => preview.count()).toBe(0);
    expect(await page.getByText("missing state.name").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "template-preview-no-such-state-1280.png");
    await page.close();
  });

  it("had no console error, page error or CSP report", () => {
    expect(troubles).toEqual([]);
  });
});
