// The audit-trail and search pages in Debian's Chromium against the local stack: a secretariat officer filters Mali's
// trail from the URL's query and opens an entry's before and after in words (a refused span at its field; 390 px), and
// opens Mali's whole trail from its page; a request moved, named by its symbol, which its entries do not keep, on the
// trail and the State's timeline, beside what a correction of the State changed; a member has no audit link and finds
// records from the banner's search box; a one-letter query's refusal at the field.
import { describe, expect, it } from "vitest";
import { BASIS_WORDS } from "../../console/src/pages/state/labels.ts";
import { LANGUAGE_NAMES } from "../../console/src/ui/language-names.ts";
import type { State, UnLanguage } from "../../shared/registry/schemas.ts";
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

type LanguageBasis = State["languageBasis"];

// 400: a span and a query refused on purpose.
const desk = consoleBrowser({ expectedErrors: /status of 400/, search: true });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

describe("the audit trail and the search pages", { timeout: 120_000 }, () => {
  it("filters Mali's trail and shows an entry's before and after, field by field", async () => {
    const mali: { body: Json; etag: string } = await api("GET", "/states/MLI");
    const language = mali.body.language === "en" ? "fr" : "en";
    const changed = await api("PATCH", "/states/MLI", { language }, { "if-match": mali.etag });
    expect(changed.status).toBe(200);

    const page = await signIn("secretariat");
    await page.getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { name: "Audit trail", level: 1 }).waitFor();
    // The State's code as typed in lower case names Mali's record all the same.
    await page.getByLabel("Record (type:id)").fill("state:mli");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.getByText(/^Entries about state:MLI, newest first/).waitFor();
    expect(page.url()).toContain("#/audit?entity=state%3AMLI");
    const newest = page.locator('[data-list="audit"] > li').first();
    expect(await newest.locator("strong").textContent()).toBe("State's details corrected");
    expect(await newest.locator('[data-field="record"] a').getAttribute("href")).toBe("#/states/MLI");
    expect(await newest.locator('[data-field="actor"]').textContent()).toContain("local-secretariat");
    await newest.locator("summary").click();
    expect(await newest.locator("summary").textContent()).toMatch(/^Before and after: \d+ fields? changed$/);
    const row = newest.getByRole("row", { name: /^language of letters\s/ });
    expect(await row.locator('[data-field="before"]').textContent()).toBe(
      LANGUAGE_NAMES[mali.body.language as UnLanguage],
    );
    expect(await row.locator('[data-field="after"]').textContent()).toBe(LANGUAGE_NAMES[language]);
    // The record's stamp is kept, last and marked technical.
    expect(await newest.locator("tbody th").last().textContent()).toMatch(/ \(technical\)$/);
    // The actor's link is heard whole, "by" once.
    await newest.getByRole("link", { name: /^local-secretariat\s+\(all their entries\)$/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "audit-mali-1280.png");

    // A span the API refuses: its words at the field, which takes the focus.
    await page.getByLabel("From (YYYY-MM-DD, UTC)").fill("2026-12-31");
    await page.getByLabel("To (YYYY-MM-DD, UTC)").fill("2026-01-01");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.locator("#audit-from-problem").waitFor();
    expect(await page.locator("#audit-from-problem").textContent()).toBe("is after to (2026-01-01)");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("audit-from");
    await page.close();

    // A link to Mali's trail reads at 390 px, its before and after open.
    const narrow = await signIn("secretariat", { width: 390, at: "#/audit?entity=state:MLI" });
    await narrow.getByText(/^Entries about state:MLI/).waitFor();
    await settled(narrow);
    await narrow.locator('[data-list="audit"] > li details summary').first().click();
    expect(await overflowOf(narrow)).toBeLessThanOrEqual(0);
    await keepScreenshot(narrow, "audit-mali-390.png");
    await narrow.close();
  });

  it("opens Mali's whole trail from its page, with its contacts' entries that its own record's trail leaves out", async () => {
    const email = `trail.testperson.${Date.now()}@example.org`;
    const created = await api("POST", "/contacts", {
      owner: "STATE:MLI",
      role: "capital-poc",
      name: "Trail Testperson",
      email,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const page = await signIn("secretariat", { at: "#/states/MLI" });
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    await page.getByRole("link", { name: "Audit trail of Mali", exact: true }).click();
    await page.getByRole("heading", { name: "Audit trail of Mali", level: 1 }).waitFor();
    expect(page.url()).toContain("#/audit?state=MLI");
    await page.getByText(/^Every entry about Mali: /).waitFor();
    const contactRecord = page.locator('[data-list="audit"] [data-field="record"]', {
      hasText: "contact Trail Testperson",
    });
    await contactRecord.first().waitFor();
    expect(await contactRecord.first().textContent()).toBe("contact Trail Testperson (Mali)");

    await go(page, "#/audit?entity=state:MLI");
    await page.getByText(/^Entries about state:MLI/).waitFor();
    expect(await contactRecord.count()).toBe(0);

    // An actor within the whole trail, which the API reads by days only, is refused at its field, not dropped.
    await go(page, "#/audit?state=MLI&actor=seed");
    await page.locator("#audit-actor-problem").waitFor();
    expect(await page.locator("#audit-actor-problem").textContent()).toBe(
      "the State's whole trail is read by days only: clear the actor or the State",
    );
    expect(await page.locator('[data-list="audit"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "audit-mali-whole-refused-1280.png");
    await page.close();
  });

  it("names a moved request by its symbol on the trail and the timeline, and says what a State's correction changed", async () => {
    const received = await api("GET", "/assistance/requests?status=received");
    const { iso3, symbol, id } = received.body.items[0];
    const read = await api("GET", `/assistance/requests/${id}`);
    const moved = await api(
      "POST",
      `/assistance/requests/${id}/transitions`,
      { to: "acknowledged" },
      { "if-match": read.etag },
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const state: { body: Json; etag: string } = await api("GET", `/states/${iso3}`);
    const language = state.body.language === "es" ? "fr" : "es";
    const corrected = await api("PATCH", `/states/${iso3}`, { language }, { "if-match": state.etag });
    expect(corrected.status).toBe(200);

    const page = await signIn("secretariat", { at: `#/audit?entity=assistance-request:${id}` });
    const record = page.locator('[data-list="audit"] > li').first().locator('[data-field="record"]');
    await record.waitFor();
    expect(await record.textContent()).toBe(`assistance request ${symbol}`);

    await go(page, `#/states/${iso3}`);
    const timeline = page.getByRole("region", { name: "Timeline" });
    const move = timeline.locator("ol.timeline li", { hasText: "Assistance request moved" }).first();
    await move.waitFor();
    expect(await move.textContent()).toContain(`assistance request ${symbol}, by local-secretariat`);
    const was = LANGUAGE_NAMES[state.body.language as UnLanguage];
    // A correction confirms the language: what it rested on changes too, unless it was confirmed already.
    const basis =
      state.body.languageBasis === "confirmed"
        ? ""
        : `; language rests on: ${BASIS_WORDS[state.body.languageBasis as LanguageBasis]} → ${BASIS_WORDS.confirmed}`;
    expect(await timeline.locator('[data-field="changes"]').first().textContent()).toBe(
      ` (language of letters: ${was} → ${LANGUAGE_NAMES[language]}${basis})`,
    );
    await page.close();
  });

  it("offers a member no audit trail, and finds records from the banner's search box", async () => {
    // The index is rebuilt from the seed as the stack starts: on a loaded machine it may not have caught up yet.
    await desk.stack.searchReady;
    const page = await signIn("members");
    await page.getByRole("link", { name: "States", exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Audit trail" }).count()).toBe(0);
    await page.getByRole("searchbox", { name: "Search the desk" }).fill("mal");
    await page.getByRole("searchbox", { name: "Search the desk" }).press("Enter");
    await page.getByRole("heading", { name: "Search", level: 1 }).waitFor();
    expect(page.url()).toContain("#/search?q=mal");
    const states = page.getByRole("region", { name: "Member States" });
    await states.getByRole("link", { name: "Mali", exact: true }).waitFor();
    expect(await states.getByRole("link", { name: "Mali", exact: true }).getAttribute("href")).toBe("#/states/MLI");
    // Contacts are the secretariat's: a member's search has no such group.
    expect(await page.getByRole("heading", { name: "Contacts" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "search-mal-1280.png");
    await states.getByRole("link", { name: "Mali", exact: true }).click();
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    expect(await page.getByRole("link", { name: /^Audit trail/ }).count()).toBe(0);
    await go(page, "#/audit");
    await page.getByText("Only the secretariat reads the audit trail.").waitFor();
    await page.close();
  });

  it("says at the field why a one-letter search is refused, in the API's words", async () => {
    const page = await signIn("secretariat");
    await page.getByRole("searchbox", { name: "Search the desk" }).fill("a");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const problem = page.locator("#search-q-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe("must have a word of at least 2 letters or digits");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("search-q");
    expect(await page.getByLabel("Search for").inputValue()).toBe("a");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
