// No lost update, in Debian's Chromium against the local stack: a correction refused as stale (412) because a colleague
// changed another field meanwhile (through the API) is read again in place, keeps what the officer typed, shows the
// colleague's value in every field the officer left alone and sends only what was typed, so the colleague's change
// stands; recording a submission from the keyboard says so and leaves the keyboard in the form, ready for the next; a
// contact a colleague deactivated meanwhile is said so, by whom and why, and its correction form closes.
// Screenshots go to .local/e2e/console/.
import { describe, expect, it } from "vitest";
import {
  consoleBrowser,
  focusedElement,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// 412: the stale corrections, refused on purpose.
const desk = consoleBrowser({ expectedErrors: /status of 412/ });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

const READ_AGAIN = "Read the current version (keeps what you typed)";
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe("the console never undoes a colleague's change after a 412", { timeout: 120_000 }, () => {
  it("an organization's correction keeps the region changed meanwhile and sends only the note typed", async () => {
    const added = await api("POST", "/organizations", {
      kind: "subregional",
      name: "Economic Community of West African States",
      acronym: "ECOWAS",
      region: "West Africa",
    });
    expect(added.status).toBe(201);
    const page = await signIn("secretariat", { at: `#/organizations/${added.body.id}` });
    await page.getByRole("heading", { name: "Economic Community of West African States (ECOWAS)" }).waitFor();
    await settled(page);
    const form = page.getByRole("form", { name: "Correct ECOWAS" });
    const region = form.getByLabel("Region (regional and subregional ones; optional)");
    await form.getByLabel("Note (optional)").fill("Secretariat in Abuja.");

    // Meanwhile another request changes the region.
    const read = await api("GET", `/organizations/${added.body.id}`);
    const colleague = await api(
      "PATCH",
      `/organizations/${added.body.id}`,
      { region: "West Africa (15 States)" },
      { "if-match": read.etag },
    );
    expect(colleague.status).toBe(200);

    await form.getByRole("button", { name: "Save the correction" }).click();
    await page.locator("#correct-organization-problem").waitFor();
    expect(await region.inputValue()).toBe("West Africa");
    await form.getByRole("button", { name: READ_AGAIN }).click();
    const now = page.locator("#correct-organization-now");
    await now.waitFor();
    expect(await now.getAttribute("role")).toBe("status");
    expect(await now.textContent()).toBe(
      'Now on record: kind Subregional, name "Economic Community of West African States", acronym "ECOWAS", region ' +
        '"West Africa (15 States)", note empty. Saving sends only what you typed that differs from it: note ' +
        '"Secretariat in Abuja." (now empty). The other fields show the version now on record.',
    );
    // The button pressed leaves with the refusal: the keyboard goes on from what the reading found.
    await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-organization-now");
    expect(await region.inputValue()).toBe("West Africa (15 States)");
    expect(await form.getByLabel("Note (optional)").inputValue()).toBe("Secretariat in Abuja.");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "organization-stale-read-again-1280.png");

    await form.getByRole("button", { name: "Save the correction" }).click();
    await form.getByText("Saved.").waitFor();
    const stored = await api("GET", `/organizations/${added.body.id}`);
    expect([stored.body.region, stored.body.note]).toEqual(["West Africa (15 States)", "Secretariat in Abuja."]);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("offers an expert the State's language of letters for a received document, not the list's first", async () => {
    const page = await signIn("experts");
    // Saudi Arabia's page first: the page is drawn again for Mali, not loaded afresh.
    await go(page, "#/states/SAU");
    await page.getByRole("heading", { name: /\(SAU\)/ }).waitFor();
    await settled(page);
    const record = page.getByRole("form", { name: "Record a received document" });
    expect(await record.getByLabel("Language").inputValue()).toBe("ar");
    await go(page, "#/states/MLI");
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    await settled(page);
    expect(await record.getByLabel("Language").inputValue()).toBe("fr");
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("records Mali's report by Enter, says so in the form, then corrects its symbol keeping the note changed meanwhile", async () => {
    const page = await signIn("secretariat", { at: "#/states/MLI" });
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    await settled(page);

    // Recorded from the keyboard: the form is drawn empty again, says what was recorded, and keeps the keyboard.
    const record = page.getByRole("form", { name: "Record a received document" });
    // Mali writes in French: the form offers its language, not the list's first (audit 35, item 13).
    expect(await record.getByLabel("Language").inputValue()).toBe("fr");
    await record.getByLabel("Received on (YYYY-MM-DD)").fill(daysAgo(3));
    await record.getByLabel("Document symbol").fill("S/AC.44/2026/LOST-1");
    await record.getByLabel("Document symbol").press("Enter");
    const said = record.getByRole("status");
    await said.waitFor();
    expect(await said.textContent()).toBe(
      `Recorded S/AC.44/2026/LOST-1 (First national report, received ${daysAgo(3)}). The form is empty for the next ` +
        "document.",
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("kind");
    expect(await record.getByLabel("Document symbol").inputValue()).toBe("");
    // A first report is owed no more: the form offers the next kind.
    expect(await record.getByLabel("Kind").inputValue()).toBe("additional-information");
    expect(await record.getByLabel("Language").inputValue()).toBe("fr");

    const submission = (await api("GET", "/states/MLI/submissions")).body.items.find(
      (item: { symbol: string }) => item.symbol === "S/AC.44/2026/LOST-1",
    );
    expect(submission).toMatchObject({ language: "fr" });
    await page
      .getByRole("row", { name: /S\/AC\.44\/2026\/LOST-1/ })
      .getByRole("button", { name: "Correct or void" })
      .click();
    const form = page.getByRole("form", { name: "Correct S/AC.44/2026/LOST-1" });
    await form.getByLabel("Document symbol").fill("S/AC.44/2026/LOST-2");

    // Meanwhile an expert's note is saved.
    const path = `/states/MLI/submissions/${submission.id}`;
    const read = await api("GET", path);
    expect((await api("PATCH", path, { note: "Annex checked by the expert" }, { "if-match": read.etag })).status).toBe(
      200,
    );

    await form.getByRole("button", { name: "Save the correction" }).click();
    await page.locator("#correct-problem").waitFor();
    await form.getByRole("button", { name: READ_AGAIN }).click();
    const now = page.locator("#correct-now");
    await now.waitFor();
    expect(await now.textContent()).toBe(
      `Now on record: received on "${daysAgo(3)}", symbol "S/AC.44/2026/LOST-1", language French, note "Annex ` +
        'checked by the expert". Saving sends only what you typed that differs from it: symbol "S/AC.44/2026/LOST-2" ' +
        '(now "S/AC.44/2026/LOST-1"). The other fields show the version now on record.',
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-now");
    expect(await form.getByLabel("Note (optional)").inputValue()).toBe("Annex checked by the expert");
    expect(await form.getByLabel("Document symbol").inputValue()).toBe("S/AC.44/2026/LOST-2");
    await keepScreenshot(page, "state-submission-stale-read-again-1280.png");

    await form.getByRole("button", { name: "Save the correction" }).click();
    await page.getByRole("cell", { name: "S/AC.44/2026/LOST-2" }).waitFor();
    const stored = await api("GET", path);
    expect([stored.body.symbol, stored.body.note]).toEqual(["S/AC.44/2026/LOST-2", "Annex checked by the expert"]);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("a contact a colleague deactivated while its correction was open: says by whom and why, and the form closes", async () => {
    const email = `morgan.sample.${Date.now()}@example.org`;
    const added = await api("POST", "/contacts", {
      owner: "STATE:SOM",
      role: "mission-poc",
      name: "Morgan Meanwhile",
      email,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const page = await signIn("secretariat", { at: "#/states/SOM" });
    await page.getByRole("heading", { name: "Somalia (SOM)" }).waitFor();
    await settled(page);
    await page.getByRole("button", { name: "Correct Morgan Meanwhile" }).click();
    await page.locator("#correct-phone").fill("+252 1 234 567");

    // Meanwhile a colleague deactivates the contact.
    const read = await api("GET", `/contacts/${added.body.id}`);
    const gone = await api(
      "POST",
      `/contacts/${added.body.id}/deactivate`,
      { reason: "Left the post in November" },
      { "if-match": read.etag },
    );
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);

    await page.getByRole("button", { name: "Save the correction" }).click();
    await page.locator("#correct-contact-problem").waitFor();
    await page.getByRole("button", { name: "Read Morgan Meanwhile's current details" }).click();
    const now = page.locator("#contact-now");
    await now.waitFor();
    expect(await now.textContent()).toBe(
      `Morgan Meanwhile was deactivated by ${gone.body.deactivatedBy} on ${gone.body.deactivatedOn}: Left the post in ` +
        "November. Your correction was not saved: a deactivated contact is history.",
    );
    expect(gone.body.deactivatedBy).toEqual(expect.any(String));
    await page.getByRole("form", { name: "Correct Morgan Meanwhile" }).waitFor({ state: "detached" });
    // The row stays as history, without buttons.
    await page.getByRole("button", { name: "Correct Morgan Meanwhile" }).waitFor({ state: "detached" });
    await expect.poll(async () => (await focusedElement(page)).id).toBe("contact-now");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-contact-deactivated-meanwhile-1280.png");
    const stored = (await api("GET", `/contacts/${added.body.id}`)).body;
    expect([stored.active, stored.phone]).toEqual([false, undefined]);
    expect(troubles).toEqual([]);
    await page.close();
  });
});
