// A State's page as its dossier, in Debian's Chromium against the local stack: correcting a submission, a stale edit
// from a second tab (the API's 412 at the form, the typed values kept), voiding; adding, verifying and deactivating a
// contact, with an invalid date's problem at its field; a refusal taking the keyboard to the first field in fault, or
// to the form's problem when it names none, but not from where the reader moved meanwhile; a busy submit button
// keeping the focus and ignoring a second press; the matrix's diff; what members and experts are offered; the
// timeline in words; axe-core, the keyboard and 390 px. Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { issueToken } from "../../infra/local/jwt.ts";
import {
  apiRequests,
  type ConsoleGroup,
  consoleBrowser,
  focusedElement,
  holdReadings,
  holdRequests,
  keepScreenshot,
  overflowOf,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// Kenya: reported, with seeded submissions, its Permanent Mission on record and a demonstration assistance request.
const ISO3 = "KEN";
const desk = consoleBrowser({ expectedErrors: /status of (412|422)/ });
const { signIn, troubles } = desk;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The API called directly, as the secretariat: to prepare what the console only reads, and to compare answers. */
async function asSecretariat(method: string, path: string, body?: unknown, ifMatch?: string): Promise<Response> {
  const token = await issueToken(desk.stack.jwtKeys, { group: "secretariat" });
  return fetch(`${desk.stack.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(ifMatch ? { "if-match": ifMatch } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Writes to Kenya's matrix through the API, each against the ETag it has just read. */
async function matrixWrite(method: "PATCH" | "POST", path: string, body: unknown): Promise<void> {
  const read = await asSecretariat("GET", `/states/${ISO3}/matrix`);
  const etag = read.headers.get("etag") ?? "";
  const answer = await asSecretariat(method, path, body, etag);
  expect(answer.status, await answer.clone().text()).toBe(200);
}

const DOSSIER = `#/states/${ISO3}`;

async function dossierShown(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Kenya (KEN)" }).waitFor();
  await settled(page);
}

/** A new page signed in as `group` on Kenya's dossier, once read. */
async function onDossier(group: ConsoleGroup, width?: number): Promise<Page> {
  const page = await signIn(group, { width, at: DOSSIER });
  await dossierShown(page);
  return page;
}

const activeId = async (page: Page) => (await focusedElement(page)).id;
const matrixPanel = (page: Page) => page.getByRole("region", { name: "Matrix", exact: true });

// Two shared cores: a dossier reads seven routes, and two tabs may be open at once.
describe("a State's dossier in the console", { timeout: 120_000 }, () => {
  it("corrects a submission; a stale edit from a second tab shows the API's 412 at the form and keeps what was typed", async () => {
    const first = await onDossier("secretariat");
    const second = await onDossier("secretariat");
    for (const page of [first, second]) {
      await page.getByRole("button", { name: "Correct or void", exact: true }).first().click();
      await page.getByRole("form", { name: /^Correct / }).waitFor();
    }

    const saved = first.getByRole("form", { name: /^Correct / });
    await saved.getByLabel("Note (optional)").fill("Corrected in the first tab");
    await saved.getByRole("button", { name: "Save the correction" }).click();
    await first.getByRole("cell", { name: "Corrected in the first tab" }).waitFor();
    expect(await first.locator("#editor-title").count()).toBe(0);

    const stale = second.getByRole("form", { name: /^Correct / });
    await stale.getByLabel("Document symbol").focus();
    await stale.getByLabel("Note (optional)").fill("Typed in the second tab");
    await stale.getByRole("button", { name: "Save the correction" }).click();
    const problem = second.locator("#correct-problem");
    await problem.waitFor();
    expect(await problem.getAttribute("role")).toBe("alert");
    // A refusal that names no field takes the keyboard to the form's problem.
    await expect.poll(() => activeId(second)).toBe("correct-problem");
    // In plain words: the API's detail names versions and ETags, which mean nothing to the reader.
    expect(await problem.textContent()).toBe("Someone else changed this since you opened it");
    expect(await stale.getByLabel("Note (optional)").inputValue()).toBe("Typed in the second tab");
    expect(await seriousViolations(second)).toEqual([]);
    await keepScreenshot(second, "state-stale-edit-1280.png");

    // Read the version the first tab saved, keep what was typed here, and save it knowingly.
    await stale.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();
    await stale.getByRole("status").filter({ hasText: 'note "Corrected in the first tab"' }).waitFor();
    expect(await second.locator("#correct-problem").count()).toBe(0);
    expect(await stale.getByLabel("Note (optional)").inputValue()).toBe("Typed in the second tab");
    await stale.getByRole("button", { name: "Save the correction" }).click();
    await second.getByRole("cell", { name: "Typed in the second tab" }).waitFor();
    await first.close();
    await second.close();
  });

  it("shows an invalid date's problem, in the API's words, at its field and keeps the form", async () => {
    const page = await onDossier("secretariat");
    await page.getByRole("button", { name: "Correct or void", exact: true }).first().click();
    const correct = page.getByRole("form", { name: /^Correct / });
    await correct.getByLabel("Received on (YYYY-MM-DD)").fill("2026-02-30");
    await correct.getByRole("button", { name: "Save the correction" }).click();
    const dateProblem = page.locator("#correct-receivedOn-problem");
    await dateProblem.waitFor();
    expect(await correct.getByLabel("Received on (YYYY-MM-DD)").getAttribute("aria-describedby")).toBe(
      "correct-receivedOn-problem",
    );
    expect(await correct.getByLabel("Received on (YYYY-MM-DD)").inputValue()).toBe("2026-02-30");
    await page.getByRole("button", { name: "Close without saving" }).click();

    const contact = { owner: `STATE:${ISO3}`, role: "capital-poc", name: "Bea Baddate", email: "bea@example.org" };
    const refused = await asSecretariat("POST", "/contacts", { ...contact, designatedOn: "2026-02-30" });
    expect(refused.status).toBe(422);
    const apiProblem = (await refused.json()) as { errors: { path: string; message: string }[] };
    const expected = apiProblem.errors.find((error) => error.path === "body.designatedOn")?.message;
    expect(expected).toBeTruthy();

    const add = page.getByRole("form", { name: "Add a contact" });
    await add.getByLabel("Name").fill(contact.name);
    await add.getByLabel("E-mail").fill(contact.email);
    await add.getByLabel("Designated on (YYYY-MM-DD; today when empty)").fill("2026-02-30");
    await add.getByRole("button", { name: "Add the contact" }).click();
    const problem = page.locator("#contact-designatedOn-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe(expected);
    expect(await add.getByLabel("Name").inputValue()).toBe(contact.name);
    expect(await add.getByLabel("E-mail").inputValue()).toBe(contact.email);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-invalid-date-1280.png");
    await page.close();
  });

  it("takes the keyboard to the first field a refusal names, again on the same refusal, and nowhere on success", async () => {
    const page = await onDossier("secretariat");
    const add = page.getByRole("form", { name: "Add a contact" });
    const save = add.getByRole("button", { name: "Add the contact" });
    await add.getByLabel("Name").fill("Flo Focustest");
    await add.getByLabel("E-mail").fill("not an address");
    await add.getByLabel("Designated on (YYYY-MM-DD; today when empty)").fill("2026-02-30");
    await save.focus();
    await page.keyboard.press("Enter");
    await page.locator("#contact-designatedOn-problem").waitFor();
    // Both fields are refused: the e-mail, the first in the form's order, has the focus.
    await expect.poll(() => activeId(page)).toBe("contact-email");
    // The same refusal again: the focus goes back to the field the reader had left.
    await save.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => activeId(page)).toBe("contact-email");
    // With the e-mail mended, the date is the first field in fault.
    await add.getByLabel("E-mail").fill("flo.focustest@example.org");
    await save.focus();
    await page.keyboard.press("Enter");
    await page.locator("#contact-email-problem").waitFor({ state: "detached" });
    await expect.poll(() => activeId(page)).toBe("contact-designatedOn");
    expect(await seriousViolations(page)).toEqual([]);
    // Accepted: no field or problem takes the focus.
    await add.getByLabel("Designated on (YYYY-MM-DD; today when empty)").fill(daysAgo(3));
    await save.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("row", { name: /Flo Focustest/ }).waitFor();
    expect(await activeId(page)).not.toMatch(/^contact-|problem$/);
    await page.close();
  });

  it("keeps the focus on the submit button through a save, and a second press while it saves sends nothing", async () => {
    const page = await onDossier("secretariat");
    const add = page.getByRole("form", { name: "Add a contact" });
    const save = add.getByRole("button", { name: "Add the contact" });
    // The write is held a moment, so that the second press lands while it runs.
    const release = await holdRequests(page, "**/contacts");
    const added = apiRequests(desk.stack, "POST", "/contacts");
    await add.getByLabel("Name").fill("Bea Busytest");
    await add.getByLabel("E-mail").fill("bea.busytest@example.org");
    await save.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => save.getAttribute("aria-disabled")).toBe("true");
    // Busy, the button keeps the focus and says it is unavailable; pressed again, it does nothing.
    expect(await focusedElement(page)).toMatchObject({ tag: "BUTTON", name: "Add the contact" });
    await page.keyboard.press("Enter");
    await save.click({ force: true });
    await release();
    await page.getByRole("row", { name: /Bea Busytest/ }).waitFor();
    expect(added()).toHaveLength(1);
    // Saved, and shown (busy until the page has read the contacts and the dossier again): the keyboard goes on from the
    // button, not from the top of the page. Those reads are several (the contacts, the dossier, the timeline): on a
    // loaded machine they outlast the poll's default second.
    await expect.poll(() => save.getAttribute("aria-disabled"), { timeout: 15_000 }).toBeNull();
    expect(await focusedElement(page)).toMatchObject({ tag: "BUTTON", name: "Add the contact" });
    await page.close();
  });

  it("leaves the focus where the reader moved it while a write ran that is then refused", async () => {
    const page = await onDossier("secretariat");
    const add = page.getByRole("form", { name: "Add a contact" });
    const save = add.getByRole("button", { name: "Add the contact" });
    const release = await holdRequests(page, "**/contacts");
    await add.getByLabel("Name").fill("Mo Movedon");
    await add.getByLabel("E-mail").fill("not an address");
    await save.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => save.getAttribute("aria-disabled")).toBe("true");
    // While the write runs, the reader goes on to the page's navigation.
    const states = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "States" });
    await states.focus();
    await release();
    await page.locator("#contact-email-problem").waitFor();
    await settled(page);
    expect(await focusedElement(page)).toMatchObject({ tag: "A", name: "States" });
    expect(await add.getByLabel("E-mail").getAttribute("aria-invalid")).toBe("true");
    await page.close();
  });

  it("voids a submission with its reason: it leaves the list, and the timeline says why", async () => {
    const page = await onDossier("secretariat");
    // Kenya's additional information, never its first report: voiding that would make Kenya non-reporting again, and
    // the seed records both in one millisecond, so their order in the list (by id) is chance.
    const row = page
      .getByRole("region", { name: "Submissions received" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Additional information", exact: true }) });
    const symbol = (await row.getByRole("cell").nth(2).textContent()) ?? "";
    expect(symbol).toMatch(/^S\/AC\.44\//);
    await row.getByRole("button", { name: "Correct or void", exact: true }).click();
    const form = page.getByRole("form", { name: `Void ${symbol}` });
    await form.getByLabel("Why it was recorded in error").fill("Recorded twice by mistake");
    await form.getByRole("button", { name: "Void the submission" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${symbol} voided (Recorded twice by mistake)` })
      .waitFor();
    // The row leaves with the status line, before the dossier is read again.
    expect(await page.getByRole("cell", { name: symbol }).count()).toBe(0);
    await page
      .getByRole("listitem")
      .filter({ hasText: "Submission voided" })
      .filter({ hasText: "Recorded twice" })
      .waitFor();
    // Read again from the API (away to home and back: the session lives in the page), it stays out.
    await page.goto(`${desk.stack.consoleUrl}#/`);
    await settled(page);
    await page.goto(`${desk.stack.consoleUrl}${DOSSIER}`);
    await dossierShown(page);
    expect(await page.getByRole("cell", { name: symbol }).count()).toBe(0);
    await page.close();
  });

  it("adds a contact, verifies it and deactivates it, from the keyboard where it matters", async () => {
    const page = await onDossier("secretariat");
    const add = page.getByRole("form", { name: "Add a contact" });
    await add.getByLabel("Name").fill("Ada Testperson");
    await add.getByLabel("E-mail").fill("ada.testperson@example.org");
    await add.getByLabel("Designated on (YYYY-MM-DD; today when empty)").fill(daysAgo(400));
    await add.getByRole("button", { name: "Add the contact" }).click();
    const row = page.getByRole("row", { name: /Ada Testperson/ });
    await row.getByText("stale (not verified for 12 months)").waitFor();
    // The form is empty again for the next contact.
    expect(await add.getByLabel("Name").inputValue()).toBe("");

    // On a slow line (the contacts read again only when the test lets it), Verify stays busy until the list shows the
    // contact verified: pressed again meanwhile, it does nothing, rather than act on the version listed before and be
    // refused as changed by someone else. The timeline, read again and not held, says when the verification is done.
    const release = await holdReadings(page, (url) => url.pathname.endsWith("/contacts"));
    await page.getByRole("button", { name: "Verify Ada Testperson" }).click();
    const newest = page.getByRole("region", { name: "Timeline" }).locator("ol.timeline li").first();
    await expect.poll(() => newest.textContent()).toContain("Contact's details confirmed");
    await page.getByRole("button", { name: "Verify Ada Testperson" }).click({ force: true });
    await release();
    await row.getByRole("cell", { name: "current", exact: true }).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "Ada Testperson" }).count()).toBe(0);

    await page.getByRole("button", { name: "Deactivate Ada Testperson" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => activeId(page)).toBe("deactivate-reason");
    await page.keyboard.type("Left the post");
    // The form stays open, busy, until the list shows the contact deactivated (held here until the timeline says it
    // is done), so the row's own buttons are never offered on a contact already deactivated.
    const releaseList = await holdReadings(page, (url) => url.pathname.endsWith("/contacts"));
    await page.getByRole("button", { name: "Deactivate the contact" }).click();
    await expect.poll(() => newest.textContent()).toContain("Contact deactivated");
    expect(await page.getByRole("button", { name: "Deactivate the contact" }).getAttribute("aria-disabled")).toBe(
      "true",
    );
    await releaseList();
    await row.getByText(/^deactivated \d{4}-\d{2}-\d{2}$/).waitFor();
    // The form closes once the dossier too is read again (the obligations follow the contacts).
    await expect.poll(() => page.getByRole("button", { name: "Deactivate the contact" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Verify Ada Testperson" }).count()).toBe(0);
    await page.getByText("Contact deactivated").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-contacts-1280.png");
    await page.close();
  });

  it("shows the matrix's versions and what changed between two of them", async () => {
    const source = { document: "S/AC.44/2004/(02)/51" };
    await matrixWrite("PATCH", `/states/${ISO3}/matrix`, { cells: [{ fieldId: "op1.npt", value: "X", source }] });
    await matrixWrite("POST", `/states/${ISO3}/matrix/transitions`, { to: "shared-with-state" });
    await matrixWrite("POST", `/states/${ISO3}/matrix/transitions`, { to: "approved" });
    await matrixWrite("PATCH", `/states/${ISO3}/matrix`, {
      cells: [
        { fieldId: "op1.npt", value: "?", source },
        { fieldId: "op1.cwc", value: "X", source },
      ],
    });
    const page = await onDossier("members");
    await page.getByText("From version 1 to 2: 1 added, 0 removed, 1 changed.").waitFor();
    const diff = page.getByRole("region", { name: "Matrix cells changed from version 1 to 2" });
    expect(await diff.getByRole("row").count()).toBe(3);
    await diff.getByRole("row", { name: /Chemical Weapons Convention .* added blank X/ }).waitFor();
    await diff.getByRole("row", { name: /Non-Proliferation .* changed X \(S\/AC\.44/ }).waitFor();
    // The other direction: choosing the versions is enough, nothing to submit.
    await page.getByLabel("From", { exact: true }).selectOption("2");
    await page.getByLabel("To", { exact: true }).selectOption("1");
    await page.getByText("From version 2 to 1: 0 added, 1 removed, 1 changed.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-matrix-1280.png");
    await page.close();
  });

  it("lets an expert set a State's matrix cells, refusing one without a source at its row, and move it to approval", async () => {
    const NPT = "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)";
    const CTBT = "Comprehensive Nuclear-Test-Ban Treaty (CTBT)";
    const page = await signIn("experts", { at: "#/states/GHA" });
    await page.getByRole("heading", { name: "Ghana (GHA)" }).waitFor();
    const standing = page.locator('[data-field="matrix-standing"]');
    await expect.poll(() => standing.textContent()).toBe("No matrix yet.");
    const control = (row: string, column: string) =>
      page.getByRole(column === "Cell" ? "combobox" : "textbox", { name: `${row} ${column}`, exact: true });

    // The NPT found in a report; the CTBT marked incomplete, but with no source: the API refuses the batch, at the
    // CTBT row's document field, and keeps both rows as typed.
    await control(NPT, "Cell").selectOption("X");
    await control(NPT, "Document").fill("S/AC.44/2004/(02)/34");
    await control(CTBT, "Cell").selectOption("?");
    await page.getByRole("button", { name: "Save the changed cells" }).click();
    const refusal = "a cell marked ? needs a source: document, article or url";
    await page.getByText(refusal).waitFor();
    await expect.poll(() => activeId(page)).toBe("cell-op1.ctbt-document");
    expect(await control(CTBT, "Document").getAttribute("aria-invalid")).toBe("true");
    expect(await control(NPT, "Document").inputValue()).toBe("S/AC.44/2004/(02)/34");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(matrixPanel(page), "state-matrix-refused-1280.png");

    await control(CTBT, "Article").fill("Art. 2");
    await page.getByRole("button", { name: "Save the changed cells" }).click();
    await expect.poll(() => standing.textContent()).toBe("Version 1 is a draft.");
    expect(await page.getByText(refusal).count()).toBe(0);
    const coverage = page.getByRole("region", { name: /^Cells of version 1 by operative paragraph/ });
    await coverage.getByRole("row", { name: "OP1 1 1 0 10 12" }).waitFor();

    // Someone saves another cell after the page read the matrix: this save is refused (412), the matrix read again,
    // and the row typed here kept; a second press puts it over the other change, which stays.
    const read = await asSecretariat("GET", "/states/GHA/matrix");
    const other = await asSecretariat(
      "PATCH",
      "/states/GHA/matrix",
      { cells: [{ fieldId: "op1.bwc", value: "X", source: { document: "BWC/MSP/2023/INF.1" } }] },
      read.headers.get("etag") ?? "",
    );
    expect(other.status).toBe(200);
    // The matrix read again after the refusal comes slowly, as on a slow line: the page must not say it has read it,
    // nor take a second press, before it shows that version (a press before would be refused as stale again).
    await page.route("**/states/GHA/matrix", async (route) => {
      if (route.request().method() === "GET") await new Promise((later) => setTimeout(later, 1_500));
      await route.continue();
    });
    await control(NPT, "Article").fill("Art. III");
    await page.getByRole("button", { name: "Save the changed cells" }).click();
    await page.getByText(/^The matrix was read again/).waitFor();
    expect(await control(NPT, "Article").inputValue()).toBe("Art. III");
    // From here the matrix is not read again until the test lets it: what the page shows after the save is the save's
    // own answer, and a move pressed at once writes against the version saved.
    await page.unrouteAll({ behavior: "wait" });
    const release = await holdReadings(page, "**/states/GHA/matrix");
    await page.getByRole("button", { name: "Save the changed cells" }).click();
    const draftCells = async () =>
      ((await (await asSecretariat("GET", "/states/GHA/matrix")).json()) as { draft: { cells: unknown } }).draft.cells;
    await expect.poll(draftCells).toEqual({
      "op1.npt": { value: "X", source: { document: "S/AC.44/2004/(02)/34", article: "Art. III" } },
      "op1.ctbt": { value: "?", source: { article: "Art. 2" } },
      "op1.bwc": { value: "X", source: { document: "BWC/MSP/2023/INF.1" } },
    });
    // The version saved, the other writer's cell counted too.
    await coverage.getByRole("row", { name: "OP1 2 1 0 9 12" }).waitFor();

    // Through review: shared with the State (its cells then read only; the keyboard goes on from the panel's heading,
    // the button pressed being gone), then the Committee's approval, asked first, and not for a day to come.
    await page.getByRole("button", { name: "Share with the State" }).click();
    await expect.poll(() => activeId(page)).toBe("matrix-title");
    await expect
      .poll(() => standing.textContent())
      .toMatch(/^Version 1 is shared with the State since \d{4}-\d\d-\d\d\.$/);
    // The readings held since the save come now; the one begun before the move is older than what it showed.
    await release();
    await page.getByText("Version 1 is shared with the State: take it back to draft to change its cells.").waitFor();
    expect(await page.getByRole("button", { name: "Save the changed cells" }).count()).toBe(0);
    await keepScreenshot(matrixPanel(page), "state-matrix-shared-1280.png");
    await page.getByRole("button", { name: "Record the Committee's approval" }).click();
    // The question takes the focus to its safe answer; Escape there closes it.
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Not now");
    await page.keyboard.press("Escape");
    await expect.poll(() => activeId(page)).toBe("matrix-approve");
    await page.getByLabel("On (YYYY-MM-DD; blank: today in New York)").fill("2999-01-01");
    await page.getByRole("button", { name: "Record the Committee's approval" }).click();
    await page.getByRole("button", { name: "Record the approval" }).click();
    await expect.poll(() => activeId(page)).toBe("matrix-move-on");
    expect(await page.locator("#matrix-move-on-problem").textContent()).toMatch(/future/);
    await page.getByLabel("On (YYYY-MM-DD; blank: today in New York)").fill("");
    await page.getByRole("button", { name: "Record the approval" }).click();
    await expect
      .poll(() => standing.textContent())
      .toMatch(/^No version is in review\. Version 1 was approved on \d{4}-\d\d-\d\d\.$/);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(matrixPanel(page), "state-matrix-approved-1280.png");
    await page.close();
  });

  it("confirms a State's language of letters where it was a guess, and corrects another's, for the secretariat alone", async () => {
    const page = await signIn("secretariat");
    const language = page.locator('[data-field="language"]');
    await page.goto(`${desk.stack.consoleUrl}#/states/ALB`);
    await page.getByRole("heading", { name: "Albania (ALB)" }).waitFor();
    expect(await language.textContent()).toBe("English (a best guess, not yet confirmed)");
    await page.getByRole("button", { name: "Confirm this language" }).click();
    await page.getByText("Letters to Albania go in English, confirmed by the secretariat.").waitFor();
    await expect.poll(() => language.textContent()).toBe("English (confirmed by the secretariat)");

    await page.goto(`${desk.stack.consoleUrl}#/states/AND`);
    await page.getByRole("heading", { name: "Andorra (AND)" }).waitFor();
    const form = page.getByRole("form", { name: "Language of letters" });
    await form.getByLabel("Language of letters").selectOption("fr");
    // On a slow line (the State read again only when the test lets it), the change stays busy until the page shows
    // it: a second press does nothing, rather than write against the State's old ETag (refused as stale).
    const release = await holdReadings(page, "**/states/AND");
    const change = form.getByRole("button", { name: "Change the language of letters" });
    await change.click();
    await page.getByText("Letters to Andorra go in French, confirmed by the secretariat.").waitFor();
    await page.keyboard.press("Enter");
    expect(await change.getAttribute("aria-disabled")).toBe("true");
    await release();
    await expect.poll(() => language.textContent()).toBe("French (confirmed by the secretariat)");
    expect(await form.locator("[data-form-problem]").count()).toBe(0);
    const state = (await (await asSecretariat("GET", "/states/AND")).json()) as Record<string, string>;
    expect([state.language, state.languageBasis]).toEqual(["fr", "confirmed"]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    for (const group of ["experts", "members"] as const) {
      const other = await signIn(group, { at: "#/states/AND" });
      await other.getByRole("heading", { name: "Andorra (AND)" }).waitFor();
      expect(await other.locator('[data-field="language"]').textContent()).toBe(
        "French (confirmed by the secretariat)",
      );
      expect(await other.getByRole("form", { name: "Language of letters" }).count()).toBe(0);
      await other.close();
    }
  });

  it("offers members none of the writes, and experts the submissions' but not the contacts'", async () => {
    const member = await onDossier("members");
    await member.getByRole("heading", { name: "Contacts" }).waitFor();
    await member.getByRole("region", { name: "The State's contacts" }).waitFor();
    expect(await member.locator("form").count()).toBe(0);
    expect(await member.getByRole("button", { name: /Correct|Void|Verify|Deactivate|Add|Record/ }).count()).toBe(0);
    await member.close();

    const expert = await onDossier("experts");
    expect(await expert.getByRole("button", { name: "Correct or void", exact: true }).count()).toBeGreaterThan(0);
    await expert.getByRole("button", { name: "Record the submission" }).waitFor();
    expect(await expert.getByRole("button", { name: /^(Verify|Deactivate) / }).count()).toBe(0);
    expect(await expert.getByRole("form", { name: "Add a contact" }).count()).toBe(0);
    await expert.close();
  });

  it("names every timeline action and its record in words, never by a raw id", async () => {
    const page = await onDossier("secretariat");
    const entries = page.locator(".timeline [data-action]");
    await entries.first().waitFor();
    const shown = await entries.evaluateAll((nodes) =>
      nodes.map((node) => ({ id: node.getAttribute("data-action"), words: node.textContent })),
    );
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((entry) => entry.words === entry.id)).toEqual([]);
    expect(shown.map((entry) => entry.words)).toEqual(
      expect.arrayContaining(["Submission corrected", "Contact added"]),
    );
    // And what each is about: a submission by its symbol, a contact by name, never a record's generated id.
    const timeline = (await page.locator("ol.timeline").textContent()) ?? "";
    expect(timeline).not.toMatch(/\b[0-9A-HJKMNP-TV-Z]{26}\b/);
    expect(timeline).toMatch(/submission S\/AC\.44\/\S+, by /);
    expect(timeline).toMatch(/contact Ada Testperson, by /);
    await page.close();
  });

  it("reads at 390 px, with the editor open, and moves into the editor from the keyboard", async () => {
    for (const group of ["members", "secretariat"] as const) {
      const page = await onDossier(group, 390);
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await keepScreenshot(page, `state-dossier-${group}-390.png`);
      if (group === "secretariat") {
        await page.getByRole("button", { name: "Correct or void", exact: true }).first().focus();
        await page.keyboard.press("Enter");
        await page.getByRole("form", { name: /^Correct / }).waitFor();
        await expect.poll(() => activeId(page)).toBe("editor-title");
        await page.keyboard.press("Tab");
        expect(await activeId(page)).toBe("correct-receivedOn");
        expect(await overflowOf(page)).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        await keepScreenshot(page, "state-editor-390.png");
      }
      await page.close();
    }
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
