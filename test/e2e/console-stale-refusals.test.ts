// A refusal under a field goes once the person changes that field, in Debian's Chromium against the local stack
// (ui/changed-fields.ts): the request's move refused for want of a move, the refusal gone once one is chosen and said
// again, focused, at the next press without one; a new request's areas, refused before sending, the refusal gone once
// a box is ticked, and the box ticked; the record of a received document refused by the API at two fields,
// only the changed one's refusal gone; the console's own "nothing to correct" gone at the first change, while a
// conflict (409) stays until the next press. A field's control never names a problem no longer shown, and no refused
// press writes anything.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  apiRequests,
  consoleBrowser,
  focusedElement,
  type Json,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// The API's refusals, met on purpose: a document without its date or symbol (422), a retirement while a contact is
// active (409).
const desk = consoleBrowser({ expectedErrors: /status of (409|422)/ });
const api = secretariatApi(desk);

/**
 * What a field's control tells a screen reader of its refusal: whether it is in fault, and the ids its description
 * names, each with whether the page has it.
 */
async function faultOf(page: Page, id: string) {
  const control = page.locator(`#${id}`);
  const described = ((await control.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  return {
    invalid: (await control.getAttribute("aria-invalid")) === "true",
    describedBy: await Promise.all(
      described.map(async (named) => ({ id: named, present: (await page.locator(`#${named}`).count()) === 1 })),
    ),
  };
}

const focusedId = async (page: Page) => (await focusedElement(page)).id;

describe("a field's refusal once the field changes", { timeout: 120_000 }, () => {
  it("takes the request's 'Choose a move' away once a move is chosen, and says it again at the next press without one", async () => {
    const listed = await api("GET", "/assistance/requests?status=acknowledged&limit=100");
    const { id } = (listed.body.items as Json[])[0];
    const posts = apiRequests(desk.stack, "POST", `/assistance/requests/${id}/transitions`);
    const page = await desk.signIn("secretariat", { at: `#/assistance/${id}` });
    await page.getByRole("heading", { name: /^Assistance request / }).waitFor();
    await settled(page);
    const form = page.getByRole("form", { name: "Move the request" });
    const refusal = page.locator("#to-problem");
    const words = "Choose a move: the request stays as it is until you do.";

    await form.getByRole("button", { name: "Move the request" }).click();
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(words);
    await expect.poll(() => focusedId(page)).toBe("to");
    expect((await faultOf(page, "to")).invalid).toBe(true);
    expect((await faultOf(page, "to")).describedBy).toContainEqual({ id: "to-problem", present: true });

    // The first move offered, chosen from the keyboard as a person does (the browser's own input and change events):
    // the move is taken, its refusal is gone, and the field names no problem, in fault no more.
    const offered = await form
      .getByLabel("New status")
      .locator('option:not([value=""])')
      .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    await page.keyboard.press("ArrowDown");
    await refusal.waitFor({ state: "detached" });
    expect(await form.getByLabel("New status").inputValue()).toBe(offered[0]);
    expect(await form.getByRole("button", { name: "Move the request" }).count()).toBe(0);
    const chosen = await faultOf(page, "to");
    expect(chosen.invalid).toBe(false);
    expect(chosen.describedBy.filter((named) => !named.present)).toEqual([]);
    expect(chosen.describedBy.map((named) => named.id)).not.toContain("to-problem");
    expect(await page.locator("#move-problem").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // No move again: the next press is refused in the same words, said and focused again.
    await form.getByLabel("New status").selectOption("");
    expect(await refusal.count()).toBe(0);
    await form.getByRole("button", { name: "Move the request" }).click();
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(words);
    await expect.poll(() => focusedId(page)).toBe("to");
    expect(posts()).toEqual([]);
    await page.close();
  });

  it("takes the areas' refusal away once a box is ticked, keeping the box ticked and the other fields' refusals", async () => {
    const page = await desk.signIn("secretariat", { at: "#/assistance?status=received" });
    const form = page.getByRole("form", { name: "Record a request" });
    await form.waitFor();
    await settled(page);
    await form.getByRole("button", { name: "Record the request" }).click();
    const atAreas = page.locator("#new-request-areas-problem");
    await atAreas.waitFor();
    await expect.poll(() => focusedId(page)).toBe("new-request-iso3");
    const refusedBefore = await form.locator(".field-problem").count();

    // A click, as a person's: the box stays ticked, and the areas are no longer said to be refused.
    const box = form.getByLabel("Biosafety and biosecurity");
    await box.click();
    await atAreas.waitFor({ state: "detached" });
    expect(await box.isChecked()).toBe(true);
    expect(await box.getAttribute("aria-invalid")).toBe("false");
    expect(await box.getAttribute("aria-describedby")).toBeNull();
    expect(await form.locator(".field-problem").count()).toBe(refusedBefore - 1);
    expect((await faultOf(page, "new-request-iso3")).invalid).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("takes away the API's refusal of the document's symbol once it is typed, and keeps the date's", async () => {
    const posts = apiRequests(desk.stack, "POST", "/states/NOR/submissions");
    const page = await desk.signIn("secretariat", { at: "#/states/NOR" });
    await page.getByRole("heading", { name: /\(NOR\)/ }).waitFor();
    await settled(page);
    const record = page.getByRole("form", { name: "Record a received document" });
    const press = () => record.getByRole("button", { name: /^Record (the submission|a first report)$/ }).click();
    const [atDate, atSymbol] = [page.locator("#receivedOn-problem"), page.locator("#symbol-problem")];

    // Neither the date nor the symbol: the API refuses both, each at its field; the focus goes to the first.
    await press();
    await atDate.waitFor();
    await atSymbol.waitFor();
    await expect.poll(() => focusedId(page)).toBe("receivedOn");
    expect(await page.locator("#record-problem").count()).toBe(0);

    await record.getByLabel("Document symbol").fill("S/AC.44/2026/STALE-1");
    await atSymbol.waitFor({ state: "detached" });
    expect(await faultOf(page, "symbol")).toEqual({ invalid: false, describedBy: [] });
    // The date, unchanged, is still refused, and says so.
    expect(await atDate.count()).toBe(1);
    expect(await faultOf(page, "receivedOn")).toEqual({
      invalid: true,
      describedBy: [{ id: "receivedOn-problem", present: true }],
    });
    expect(await page.locator("#record-problem").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Pressed again: the date alone is refused now, and takes the focus.
    await press();
    await expect.poll(() => posts().length).toBe(2);
    await atDate.waitFor();
    await expect.poll(() => focusedId(page)).toBe("receivedOn");
    expect(await atSymbol.count()).toBe(0);
    expect(posts().map((line) => line.split(" ")[2])).toEqual(["422", "422"]);
    await page.close();
  });

  it("takes 'nothing to correct' away at the first change, and keeps a conflict until the next press", async () => {
    const acronym = `SR-${Date.now().toString(36).toUpperCase()}`;
    const created = await api("POST", "/organizations", {
      kind: "regional",
      name: `Stale Refusal ${acronym}`,
      acronym,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const contact = await api("POST", "/contacts", {
      owner: `ORG:${id}`,
      role: "organization-poc",
      name: "Still Active",
      email: `${id}@stale.example`,
    });
    expect(contact.status).toBe(201);
    const page = await desk.signIn("secretariat", { at: `#/organizations/${id}` });
    const correct = page.getByRole("form", { name: `Correct ${acronym}` });
    await correct.waitFor();
    await settled(page);

    // Nothing typed: the console's own refusal, above the fields, focused; gone once a detail changes.
    const nothing = page.locator("#correct-organization-problem");
    await correct.getByRole("button", { name: "Save the correction" }).click();
    await nothing.waitFor();
    expect(await nothing.textContent()).toBe("Nothing to correct: change a detail before saving");
    await expect.poll(() => focusedId(page)).toBe("correct-organization-problem");
    await correct.getByLabel("Note (optional)").fill("Recorded at the desk");
    await nothing.waitFor({ state: "detached" });

    // A conflict speaks of the press as a whole: changing the reason does not take it away.
    await page.getByRole("button", { name: "Retire this organization" }).click();
    const retire = page.getByRole("form", { name: `Retire Stale Refusal ${acronym} (${acronym})` });
    await retire.getByLabel(/^Why/).fill("recorded twice");
    await retire.getByRole("button", { name: "Retire the organization" }).click();
    const conflict = page.locator("#retire-organization-problem");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("its active contact Still Active: deactivate it first");
    await retire.getByLabel(/^Why/).fill("recorded twice, by mistake");
    expect(await conflict.textContent()).toContain("its active contact Still Active: deactivate it first");
    expect(await seriousViolations(page)).toEqual([]);
    expect((await api("GET", `/organizations/${id}`)).body.note).toBeUndefined();
    await page.close();
  });
});
