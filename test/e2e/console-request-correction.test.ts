// Correcting an assistance request on its page (PATCH /assistance/requests/{id}), in Debian's Chromium against the
// local stack: the secretariat corrects the symbol, the day received and the areas (only those are sent), the page
// shows them and says what was corrected, and the keyboard goes back to the button; a day after the request's
// acknowledgement and a symbol of another State's document (ADR 0068) are refused at their fields, which take the
// focus, and nothing is written; a save refused as stale reads the request again in place, keeping what was typed and
// saying what a colleague corrected; a member is offered no correction. Screenshots (DESK_SCREENSHOTS=1) go to
// .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { issueToken } from "../../infra/local/jwt.ts";
import { apiCaller } from "../support/api-call.ts";
import {
  apiRequests,
  consoleBrowser,
  focusedElement,
  type Json,
  keepScreenshot,
  overflowOf,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// 409 and 422: the refusals of a symbol and of a day, on purpose; 412: the stale save, on purpose.
const desk = consoleBrowser({ expectedErrors: /status of (409|412|422)/ });
const { signIn, troubles } = desk;
const api = secretariatApi(desk);
/** The colleague who corrects the request meanwhile. */
const expert = apiCaller<Json>(
  () => desk.stack.apiUrl,
  () => issueToken(desk.stack.jwtKeys, { group: "experts", username: "j.expert" }),
);

const FORM = "Correct this request";

/** A request recorded through the API, with only Legislation as its area. */
async function recordRequest(iso3: string, symbol: string, receivedOn: string): Promise<Json> {
  const recorded = await api("POST", "/assistance/requests", {
    iso3,
    areas: ["legislation"],
    description: "Console e2e: a review of the export control law",
    receivedOn,
    symbol,
    consentedToCirculation: false,
  });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  return recorded.body;
}

/** Signs in as `group` on the request's page, read. */
async function onRequestPage(group: "secretariat" | "members", id: string): Promise<Page> {
  const page = await signIn(group, { at: `#/assistance/${id}` });
  await page.getByRole("heading", { name: /^Assistance request / }).waitFor();
  await settled(page);
  return page;
}

/** Opens the correction from its button: the keyboard goes on in the symbol's field. */
async function openCorrection(page: Page) {
  await page.getByRole("button", { name: FORM }).click();
  const form = page.getByRole("form", { name: FORM });
  await form.waitFor();
  await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-request-symbol");
  return form;
}

const stored = async (id: string): Promise<Json> => (await api("GET", `/assistance/requests/${id}`)).body;

describe("correcting an assistance request in the console, session 41", { timeout: 120_000 }, () => {
  it("corrects the symbol, the day received and the areas, sending only those, and says so", async () => {
    const request = await recordRequest("MWI", "S/AC.44/2026/S41H3/MWI/1", "2026-04-01");
    const page = await onRequestPage("secretariat", request.id);
    const opener = page.getByRole("button", { name: FORM });
    expect(await opener.getAttribute("aria-expanded")).toBe("false");
    const form = await openCorrection(page);
    expect(await opener.getAttribute("aria-expanded")).toBe("true");
    // Prefilled with the request as shown.
    expect(await form.getByLabel("Request symbol").inputValue()).toBe("S/AC.44/2026/S41H3/MWI/1");
    expect(await form.getByLabel("Day received (YYYY-MM-DD)").inputValue()).toBe("2026-04-01");
    expect(await form.getByLabel("Legislation").isChecked()).toBe(true);
    expect(await form.getByLabel("What the State asks for").inputValue()).toBe(request.description);

    // Nothing changed: said, not sent.
    const patches = apiRequests(desk.stack, "PATCH", `/assistance/requests/${request.id}`);
    await form.getByRole("button", { name: "Save the correction" }).click();
    await expect.poll(() => page.locator("#correct-request-problem").textContent()).toMatch(/^Nothing to correct/);
    expect(patches()).toEqual([]);

    await form.getByLabel("Request symbol").fill("S/AC.44/2026/S41H3/MWI/2");
    await form.getByLabel("Day received (YYYY-MM-DD)").fill("2026-03-30");
    await form.getByLabel("Export control and licensing").check();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(form, "request-correction-form-1280.png");
    const sent = page.waitForRequest((sending) => sending.method() === "PATCH");
    await form.getByRole("button", { name: "Save the correction" }).click();
    expect((await sent).postDataJSON()).toEqual({
      symbol: "S/AC.44/2026/S41H3/MWI/2",
      receivedOn: "2026-03-30",
      areas: ["legislation", "export-and-licensing"],
    });
    await expect
      .poll(() => page.locator("#request-corrected").textContent())
      .toBe("Corrected the symbol, the day received and the areas.");
    await page.getByRole("heading", { name: "Assistance request S/AC.44/2026/S41H3/MWI/2" }).waitFor();
    await page.getByText(/, received 2026-03-30; status/).waitFor();
    await page.getByText("Areas: Legislation, Export control and licensing").waitFor();
    expect(await page.getByRole("form", { name: FORM }).count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).name).toBe(FORM);
    expect(await opener.getAttribute("aria-expanded")).toBe("false");
    const now = await stored(request.id);
    expect(now).toMatchObject({
      symbol: "S/AC.44/2026/S41H3/MWI/2",
      receivedOn: "2026-03-30",
      areas: ["legislation", "export-and-licensing"],
      description: request.description,
    });
    await keepScreenshot(page, "request-correction-saved-1280.png", { windowOnly: true });

    // Narrow: the form reads without scrolling sideways, and Escape gives the keyboard back to its button.
    await page.setViewportSize({ width: 390, height: 900 });
    const narrow = await openCorrection(page);
    expect(await narrow.getByLabel("Request symbol").inputValue()).toBe("S/AC.44/2026/S41H3/MWI/2");
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, "request-correction-form-390.png", { windowOnly: true });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("form", { name: FORM }).count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).name).toBe(FORM);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("refuses a day received after the acknowledgement at its field, which takes the focus, writing nothing", async () => {
    const request = await recordRequest("ZMB", "S/AC.44/2026/S41H3/ZMB", "2026-03-01");
    const read = await api("GET", `/assistance/requests/${request.id}`);
    const acknowledged = await api(
      "POST",
      `/assistance/requests/${request.id}/transitions`,
      { to: "acknowledged", on: "2026-03-04" },
      { "if-match": read.etag },
    );
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    const page = await onRequestPage("secretariat", request.id);
    const form = await openCorrection(page);
    await form.getByLabel("Day received (YYYY-MM-DD)").fill("2026-03-05");
    await form.getByRole("button", { name: "Save the correction" }).click();
    const atDay = page.locator("#correct-request-received-on-problem");
    await atDay.waitFor();
    // The API's words name the day and what happened on it.
    expect(await atDay.textContent()).toBe("is after 2026-03-04, when the request was acknowledged");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-request-received-on");
    expect(await page.locator("#correct-request-received-on").getAttribute("aria-describedby")).toBe(
      "correct-request-received-on-problem",
    );
    expect(await page.locator("#correct-request-problem").count()).toBe(0);
    // What was typed stays, to be corrected; the request is as it was.
    expect(await form.getByLabel("Day received (YYYY-MM-DD)").inputValue()).toBe("2026-03-05");
    expect((await stored(request.id)).receivedOn).toBe("2026-03-01");
    expect(await seriousViolations(page)).toEqual([]);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("refuses the symbol of another State's document at its field, which takes the focus, writing nothing", async () => {
    const document = await api("POST", "/states/JAM/submissions", {
      kind: "action-plan",
      receivedOn: "2026-05-02",
      symbol: "S/AC.44/2026/S41H3/JAM",
      language: "en",
    });
    expect(document.status, JSON.stringify(document.body)).toBe(201);
    const request = await recordRequest("KEN", "S/AC.44/2026/S41H3/KEN", "2026-05-04");
    const page = await onRequestPage("secretariat", request.id);
    const form = await openCorrection(page);
    await form.getByLabel("Request symbol").fill("s/ac.44/2026/s41h3/jam");
    await form.getByRole("button", { name: "Save the correction" }).click();
    const atSymbol = page.locator("#correct-request-symbol-problem");
    await atSymbol.waitFor();
    expect(await atSymbol.textContent()).toMatch(
      /^s\/ac\.44\/2026\/s41h3\/jam is already recorded as Jamaica's national implementation action plan, received 2026-05-02: /,
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-request-symbol");
    expect(await page.locator("#correct-request-problem").count()).toBe(0);
    expect((await stored(request.id)).symbol).toBe("S/AC.44/2026/S41H3/KEN");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(form, "request-correction-symbol-refused.png");
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("reads the request again after a stale save, keeping what was typed and saying what a colleague corrected", async () => {
    const request = await recordRequest("LSO", "S/AC.44/2026/S41H3/LSO", "2026-02-10");
    const page = await onRequestPage("secretariat", request.id);
    const form = await openCorrection(page);
    const description = "Console e2e: a review of the export control law and its regulations";
    await form.getByLabel("What the State asks for").fill(description);
    // Meanwhile an expert corrects the areas.
    const read = await expert("GET", `/assistance/requests/${request.id}`);
    const colleague = await expert(
      "PATCH",
      `/assistance/requests/${request.id}`,
      { areas: ["legislation", "customs-and-border"] },
      { "if-match": read.etag },
    );
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(200);

    await form.getByRole("button", { name: "Save the correction" }).click();
    await form.getByText("Someone else changed this since you opened it").waitFor();
    await form.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();
    const now = form.locator("#correct-request-now");
    await now.waitFor();
    expect(await now.textContent()).toBe(
      "Your correction was not saved: meanwhile, the areas were corrected. Now on record: symbol " +
        '"S/AC.44/2026/S41H3/LSO", day received "2026-02-10", areas Legislation, Customs and border control, ' +
        `description "${request.description}". Saving sends only what you typed that differs from it: description ` +
        `"${description}" (now "${request.description}"). The other fields show the version now on record.`,
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-request-now");
    expect(await form.getByLabel("What the State asks for").inputValue()).toBe(description);
    expect(await form.getByLabel("Customs and border control").isChecked()).toBe(true);
    await page.getByText("Areas: Legislation, Customs and border control").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(form, "request-correction-read-again-1280.png");

    // Saved again, against the version read: the colleague's areas stand beside the description.
    await form.getByRole("button", { name: "Save the correction" }).click();
    await expect.poll(() => page.locator("#request-corrected").textContent()).toBe("Corrected the description.");
    expect(await page.getByRole("form", { name: FORM }).count()).toBe(0);
    expect(await stored(request.id)).toMatchObject({ areas: ["legislation", "customs-and-border"], description });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("offers a member no correction", async () => {
    const request = await recordRequest("NAM", "S/AC.44/2026/S41H3/NAM", "2026-06-01");
    const page = await onRequestPage("members", request.id);
    await page.getByRole("heading", { name: "History" }).waitFor();
    expect(await page.getByRole("button", { name: FORM }).count()).toBe(0);
    expect(await page.getByRole("form", { name: FORM }).count()).toBe(0);
    expect(troubles).toEqual([]);
    await page.close();
  });
});
