// The console's assistance, snapshot, programme and import pages in Debian's Chromium against the local stack: the
// secretariat moves a request along (its status and history show it; only the legal moves are offered),
// ranked candidates, proposing and accepting a match, offers and providers (and a provider's own on its page), the
// pending-assistance report and its CSV, the diff between two quarters, a programme activity's letters, a personal
// calendar feed issued and revoked, a CSV with a bad row checked, mended and applied; a member sees no write action.
// axe, keyboard, 390 px.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { latestPeriodDue } from "#shared/assistance/report.ts";
import { deskToday, systemClock } from "#shared/clock.ts";
import { deskDay } from "#shared/zoned-time.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import {
  type ConsoleGroup,
  consoleBrowser,
  focusedElement,
  holdReadings,
  keepScreenshot,
  overflowOf,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// The refusals this file provokes on purpose: bad fields (422), an offer recorded twice (409).
const desk = consoleBrowser({ expectedErrors: /status of (409|422)/ });

/** The desk's day, New York's: UTC's date is a day ahead from midnight UTC until New York's. */
const today = () => deskDay(new Date());

const listOf = (status: string) => `#/assistance?status=${status}`;

/** From a list of requests, the first request of `iso3`, once read. */
async function followRequestOf(page: Page, iso3: string): Promise<void> {
  await page.getByRole("row").filter({ hasText: iso3 }).getByRole("link").first().click();
  await page.getByRole("heading", { name: /^Assistance request / }).waitFor();
  await settled(page);
}

/** A new page signed in as `group` on the request of `iso3` at `status`, followed from the list of that status. */
async function requestOf(group: ConsoleGroup, status: string, iso3: string): Promise<Page> {
  const page = await desk.signIn(group, { at: listOf(status) });
  await followRequestOf(page, iso3);
  return page;
}

/** The moves the request's page offers, by the API's codes (after the empty "Choose a move"). */
const offeredMoves = (page: Page) =>
  page
    .getByLabel("New status")
    .locator('option:not([value=""])')
    .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));

async function apiGet(path: string): Promise<Response> {
  const token = await issueToken(desk.stack.jwtKeys, { group: "secretariat" });
  return fetch(`${desk.stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

// Two shared cores: a page and its panels can take a while to settle.
describe("the console's assistance, snapshot, programme and import pages", { timeout: 120_000 }, () => {
  it("moves an assistance request along from the keyboard: the new status and its history show it", async () => {
    const page = await requestOf("secretariat", "received", "MWI");
    expect(await page.locator('[data-field="status"]').textContent()).toBe("received");
    // The State by name, its areas and statuses in words.
    await page.getByRole("link", { name: "Malawi", exact: true }).waitFor();
    expect(await page.getByText("Areas: Legislation, National reporting").count()).toBe(1);
    // The request is not read again until the test lets it (held, as on a slow line): what the page shows after a
    // move is the move's own answer, and the next move writes against it.
    const release = await holdReadings(page, (url) => /\/assistance\/requests\/[^/]+$/.test(url.pathname));
    await page.getByLabel("New status").selectOption("acknowledged");
    await page.getByRole("button", { name: "Acknowledge the request" }).focus();
    await page.keyboard.press("Enter");
    await page.locator('[data-field="status"]').getByText("acknowledged").waitFor();
    expect(await page.locator(".timeline li").last().textContent()).toContain("received → acknowledged");
    // Not circulated yet: the API refuses a match, so no Propose is offered, and the page says why.
    expect(await page.locator("#candidates-closed").textContent()).toContain("it is acknowledged");
    expect(await page.getByRole("button", { name: /^Propose / }).count()).toBe(0);

    // Only the lifecycle's legal moves are offered, the next step first: an illegal one cannot be chosen. None is
    // chosen for the officer: pressed before one is, the form says so at the field and moves nothing.
    expect(await offeredMoves(page)).toEqual(["consent-window", "withdrawn"]);
    expect(await page.getByLabel("New status").inputValue()).toBe("");
    await page.getByRole("button", { name: "Move the request" }).click();
    expect(await page.locator("#to-problem").textContent()).toBe(
      "Choose a move: the request stays as it is until you do.",
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("to");
    expect(await page.locator('[data-field="status"]').textContent()).toBe("acknowledged");
    await page.getByLabel("New status").selectOption("consent-window");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-request-1280.png");
    await page.getByRole("button", { name: "Open the consent window" }).click();
    await page.locator('[data-field="status"]').getByText("in the consent window").waitFor();
    expect(await page.locator(".timeline li").last().textContent()).toContain("acknowledged → in the consent window");
    await release();
    await page.close();
  });

  it("records the State's consent from the refusal's advice, then circulates; matched is not offered unaccepted", async () => {
    const page = await requestOf("secretariat", "consent-window", "MWI");
    // Inside the consent window without the State's consent, circulation is not offered: the page says why, with a
    // button to the consent beside the advice.
    expect(await offeredMoves(page)).toEqual(["withdrawn"]);
    const withheld = page.locator('[data-withheld="circulated"]');
    expect(await withheld.textContent()).toContain("record that the State consented to circulation");
    await keepScreenshot(page, "assistance-request-consent-window-1280.png");
    await withheld.getByRole("button", { name: "Record the State's consent" }).click();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("consent-reason");
    // How it came is what the API asks for: an empty one is its 422, at the field.
    await page.getByRole("button", { name: "Record the consent" }).click();
    await page.locator("#consent-reason-problem").waitFor();
    expect(await page.locator("#consent-reason-problem").textContent()).toMatch(/how the consent came/i);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("consent-reason");
    await page.getByLabel(/How the consent came/).fill("Note verbale MWI/2026/118");
    await page.getByRole("button", { name: "Record the consent" }).click();
    await page.getByText(`Recorded the State's consent to circulation, received on ${today()}.`).waitFor();
    // The consent form is gone; the keyboard goes on at the move, where circulation is now offered.
    expect(await page.getByRole("button", { name: "Record the consent" }).count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("to");
    expect(await offeredMoves(page)).toEqual(["circulated", "withdrawn"]);
    expect(await page.locator("[data-withheld]").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-request-consent-1280.png");
    await page.getByLabel("New status").selectOption("circulated");
    await page.getByRole("button", { name: "Circulate the request" }).click();
    await page.locator('[data-field="status"]').getByText("circulated").waitFor();
    expect(await page.locator("form [data-form-problem]").count()).toBe(0);

    // Circulated with no accepted match: matched is not offered, and the page says how it comes.
    await expect.poll(() => offeredMoves(page)).toEqual(["withdrawn", "closed-unmet"]);
    expect(await page.locator('[data-withheld="matched"]').textContent()).toContain(
      "No match has been accepted: accepting one (under Matches) makes the request matched.",
    );
    await page.close();
  });

  it("records a new request from the list and from the State's page: empty fields refused at each, then listed", async () => {
    const page = await desk.signIn("experts", { at: "#/assistance?status=received" });
    await page.getByRole("heading", { name: "Record a request" }).waitFor();
    await settled(page);
    await page.getByRole("button", { name: "Record the request" }).click();
    await page.locator("#new-request-areas-problem").waitFor();
    expect(await page.locator("#new-request-areas-problem").textContent()).toBe("Choose at least one area.");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("new-request-iso3");
    await page.getByLabel("State (name or ISO code)").fill("tcd");
    await page.getByLabel("Request symbol").fill("S/AC.44/2026/TCD/E2E");
    await page.getByLabel("Day received (YYYY-MM-DD)").fill(today());
    await page.getByLabel("Biosafety and biosecurity").check();
    await page.getByLabel("What the State asks for").fill("Console e2e: training for laboratory inspectors");
    await page.getByRole("button", { name: "Record the request" }).click();
    await page.getByText("Recorded S/AC.44/2026/TCD/E2E from Chad.").waitFor();
    const row = page.getByRole("row").filter({ hasText: "S/AC.44/2026/TCD/E2E" });
    expect(await row.locator("td").allTextContents()).toEqual(
      expect.arrayContaining(["Chad", "Biosafety and biosecurity"]),
    );
    expect(await seriousViolations(page)).toEqual([]);

    // From the State's own page, its State given: the panel lists the new request once recorded.
    await page.goto(`${desk.stack.consoleUrl}#/states/TCD`);
    const panel = page.getByRole("region", { name: "Assistance requests" });
    await panel.getByRole("heading", { name: "Record a request from this State" }).waitFor();
    await panel.getByLabel("Request symbol").fill("S/AC.44/2026/TCD/E2E-2");
    await panel.getByLabel("Day received (YYYY-MM-DD)").fill(today());
    await panel.getByLabel("Legislation").check();
    await panel.getByLabel("What the State asks for").fill("Console e2e: review of the export control law");
    await panel.getByRole("button", { name: "Record the request" }).click();
    await panel.getByText("Recorded S/AC.44/2026/TCD/E2E-2.").waitFor();
    await panel.getByRole("rowheader", { name: "S/AC.44/2026/TCD/E2E-2" }).waitFor();
    expect(await panel.getByRole("rowheader", { name: "S/AC.44/2026/TCD/E2E", exact: true }).count()).toBe(1);
    await page.close();
  });

  it("ranks a circulated request's candidates; proposing and accepting one matches it; a stale move is refused at the match", async () => {
    const page = await requestOf("experts", "circulated", "JAM");
    const scores = (await page.locator('[data-list="candidates"] [data-field="score"]').allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await page
      .getByRole("button", { name: /^Propose / })
      .first()
      .click();
    const status = page.locator('[data-list="matches"] [data-field="match-status"]');
    await status.getByText("proposed").waitFor();
    // The pressed button is gone (the candidate shows its match's status): the focus is on the matches, not the page.
    await expect.poll(async () => (await focusedElement(page)).id).toBe("matches-title");
    // Only the lifecycle's legal moves are offered (shared/assistance/transitions.ts), after the empty "Choose a move".
    const moves = () => page.getByLabel("Move to").locator('option:not([value=""])').allTextContents();
    expect(await moves()).toEqual(["accepted", "declined"]);
    await page.getByLabel("Move to").selectOption("accepted");
    // On a slow line (the matches read again only when the test lets it), the move stays busy until the page shows
    // the match as moved: pressed again meanwhile, it does nothing rather than write against the match's old ETag.
    const release = await holdReadings(page, (url) => url.pathname.endsWith("/matches"));
    await page.getByRole("button", { name: "Move", exact: true }).click();
    // Accepting a match makes the circulated request matched (the request is read again, not held).
    await page.locator('[data-field="status"]').getByText("matched").waitFor();
    await page.getByRole("button", { name: "Move", exact: true }).click({ force: true });
    await release();
    await status.getByText("accepted").waitFor();
    await expect.poll(moves).toEqual(["delivered", "declined"]);
    expect(await page.locator('[data-list="matches"] [data-form-problem]').count()).toBe(0);
    // None is chosen for the officer, least of all delivered, which is final: pressed before one is, the form says so
    // at the field and moves nothing.
    expect(await page.getByLabel("Move to").inputValue()).toBe("");
    await page.getByRole("button", { name: "Move", exact: true }).click();
    const unchosen = page.locator('[data-list="matches"] [data-form-problem]');
    await unchosen.waitFor();
    expect(await unchosen.textContent()).toBe("Choose a move: the match stays as it is until you do.");
    const moveField = await page.getByLabel("Move to").getAttribute("id");
    await expect.poll(async () => (await focusedElement(page)).id).toBe(moveField);
    expect(await status.textContent()).toBe("accepted");

    // Someone else delivers the match meanwhile: a move from the page as it stands is refused as stale, said at the
    // match, and the list shows the match as it now is.
    const requestId = decodeURIComponent(new URL(page.url()).hash.replace("#/assistance/", ""));
    const matches = (await (await apiGet(`/assistance/requests/${requestId}/matches`)).json()) as {
      items: { id: string; status: string }[];
    };
    const accepted = matches.items.find((match) => match.status === "accepted");
    if (!accepted) throw new Error("no accepted match");
    const current = await apiGet(`/assistance/matches/${accepted.id}`);
    const token = await issueToken(desk.stack.jwtKeys, { group: "secretariat" });
    const delivered = await fetch(`${desk.stack.apiUrl}/assistance/matches/${accepted.id}/transitions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "if-match": current.headers.get("etag") ?? "",
      },
      body: JSON.stringify({ to: "delivered" }),
    });
    expect(delivered.status).toBe(200);
    await page.getByLabel("Move to").selectOption("declined");
    await page.getByRole("button", { name: "Move", exact: true }).click();
    // The match's problem still says "Choose a move" until the refusal's answer replaces it: waited for, not read once.
    const stale = page.locator(`#match-${accepted.id}-problem`);
    await expect.poll(() => stale.textContent()).toContain("now delivered");
    await status.getByText("delivered").waitFor();
    // Delivered is final: no form, only the words, and the refusal still said beside them.
    await page.getByText("A delivered match moves no more.").waitFor();
    expect(await page.getByLabel("Move to").count()).toBe(0);
    // The pressed form is gone: the refusal beside the final match takes the focus.
    await expect.poll(async () => (await focusedElement(page)).id).toBe(`match-${accepted.id}-problem`);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-matching-1280.png");

    // Jamaica's timeline says whose offer each match's entry is about, and which where the entry keeps it (the seed's
    // do not), never the match's id (audit 35, item 9).
    await page.goto(`${desk.stack.consoleUrl}#/states/JAM`);
    const offers = page.locator('ol.timeline [data-action^="assistance.match."] ~ [data-field="offer"]');
    await expect.poll(async () => (await offers.allTextContents()).length).toBeGreaterThanOrEqual(3);
    const named = await offers.allTextContents();
    for (const words of named) expect(words).toMatch(/^ \((.+'s offer|the offer of .+)( “[^”]+”.*)?\)$/);
    expect(named.filter((words) => words.includes("“")).length).toBeGreaterThanOrEqual(3);
    expect(await page.locator("ol.timeline").textContent()).not.toContain(accepted.id);
    await page.close();
  });

  it("lists providers and their offers; a bad date is the API's 422 at its field, then the offer is recorded", async () => {
    const page = await desk.signIn("experts", { at: "#/assistance/offers" });
    await page.getByRole("heading", { name: "Every offer" }).waitFor();
    await settled(page);
    const everyOffer = await page.locator('[data-list="offers"] tbody tr').count();
    expect(everyOffer).toBeGreaterThan(0);
    await page.locator('[data-list="providers"] tbody a').first().click();
    await page.getByRole("heading", { name: /^Offers of / }).waitFor();
    await settled(page);
    const providerOffers = await page.locator('[data-list="offers"] tbody tr').count();
    expect(providerOffers).toBeGreaterThan(0);
    expect(providerOffers).toBeLessThan(everyOffer);

    await page.getByLabel("State code (ISO 3166-1 alpha-3)").fill("FRA");
    await page.getByLabel("legislation").check();
    await page.getByLabel("Description").fill("Console e2e: legislative drafting workshop");
    await page.getByLabel("Valid from (YYYY-MM-DD)").fill("2026-13-01");
    await page.getByRole("button", { name: "Record the offer" }).click();
    await page.locator("#offer-valid-from-problem").waitFor();
    expect(await page.getByLabel("Description").inputValue()).toBe("Console e2e: legislative drafting workshop");
    expect(await page.getByLabel("legislation").isChecked()).toBe(true);
    await page.getByLabel("Valid from (YYYY-MM-DD)").fill(today());
    await page.getByRole("button", { name: "Record the offer" }).click();
    await page.getByText("Recorded the offer of France.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-offers-1280.png");
    // The form keeps what was recorded, for a similar offer to follow; sent again unchanged, it is the API's 409, said.
    await page.getByRole("button", { name: "Record the offer" }).click();
    await page
      .getByText(
        /This provider's offer “Console e2e: legislative drafting workshop” \(valid from .+\) says the same \(areas, description, validity\)/,
      )
      .waitFor();
    expect(await page.getByText("Recorded the offer of France.").count()).toBe(0);
    await page.close();
  });

  it("shows a State's and an organization's offers on their own pages, a stale provider said stale", async () => {
    type Summary = {
      provider: { kind: "state"; iso3: string } | { kind: "organization"; id: string };
      stale: boolean;
    };
    const summaries = ((await (await apiGet("/assistance/providers")).json()) as { items: Summary[] }).items;
    const state = summaries.find((summary) => summary.provider.kind === "state" && summary.stale);
    const organization = summaries.find((summary) => summary.provider.kind === "organization" && !summary.stale);
    if (state?.provider.kind !== "state" || organization?.provider.kind !== "organization") {
      throw new Error("the demo seed has no stale State provider or no current organization provider");
    }
    const offersOf = async (key: string) =>
      ((await (await apiGet(`/assistance/offers?provider=${key}&limit=100`)).json()) as { items: unknown[] }).items
        .length;

    const page = await desk.signIn("members");
    const stateKey = `state:${state.provider.iso3}`;
    await page.goto(`${desk.stack.consoleUrl}#/states/${state.provider.iso3}`);
    const offered = page.getByRole("region", { name: "Assistance offered" });
    await offered.getByRole("heading", { name: "Assistance offered" }).waitFor();
    await settled(page);
    expect(await offered.locator('[data-list="offers"] tbody tr').count()).toBe(await offersOf(stateKey));
    expect(await offered.locator('[data-field="offers-standing"]').textContent()).toMatch(
      /^\d+ offers? \(\d+ active\), last updated \d{4}-\d{2}-\d{2}: stale, none updated within 12 months\.$/,
    );
    expect(await offered.getByRole("link", { name: "Its offers on the offers page" }).getAttribute("href")).toBe(
      `#/assistance/offers?provider=${encodeURIComponent(stateKey)}`,
    );
    expect(await seriousViolations(page)).toEqual([]);

    const organizationKey = `organization:${organization.provider.id}`;
    await page.goto(`${desk.stack.consoleUrl}#/organizations/${organization.provider.id}`);
    await offered.getByRole("heading", { name: "Assistance offered" }).waitFor();
    await settled(page);
    expect(await offered.locator('[data-list="offers"] tbody tr').count()).toBe(await offersOf(organizationKey));
    expect(await offered.locator('[data-field="offers-standing"]').textContent()).not.toContain("stale");
    await keepScreenshot(page, "organization-offers-1280.png");

    // A State that offers nothing says so.
    await page.goto(`${desk.stack.consoleUrl}#/states/TCD`);
    await offered.getByText("No offer of assistance from this State.").waitFor();
    expect(await offered.locator('[data-field="offers-standing"]').count()).toBe(0);
    await page.close();
  });

  it("shows the pending-assistance report and saves its CSV", async () => {
    const fire = desk.stack.targets["assistance-report"];
    if (!fire) throw new Error("no assistance-report target");
    // The report of the latest period whose day has come: an earlier run is refused (ADR 0006).
    await fire({ period: latestPeriodDue(deskToday(systemClock)).id });
    const page = await desk.signIn("members", { at: "#/assistance/reports" });
    await page.getByRole("heading", { name: "Pending-assistance reports" }).waitFor();
    await settled(page);
    const id = (await page.locator('[data-list="assistance-reports"] tbody th a').first().textContent()) ?? "";
    expect(id).toMatch(/^\d{4}-[123]$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: `Report ${id} (CSV)` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`pending-assistance-${id}.csv`);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.split("\n").length).toBeGreaterThan(2);
    await page.getByRole("link", { name: id, exact: true }).click();
    await page.getByRole("heading", { name: `Pending-assistance report ${id}` }).waitFor();
    await settled(page);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    // The demonstration flags Kenya's request, its match delivered and the request still matched (this file's own
    // moves may flag another).
    const kenya = page.locator("tbody tr", { hasText: "Kenya" }).locator('[data-field="attention"]');
    expect(await kenya.allTextContents()).toContain(
      "every match delivered: mark it fulfilled, or ask the State for feedback",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-report-1280.png");
    await page.close();
  });

  it("takes two quarters' snapshots and shows their figures side by side with the change, each named in words", async () => {
    const page = await desk.signIn("secretariat", { at: "#/snapshots" });
    for (const period of ["2024-Q1", "2024-Q2"]) {
      await page.getByLabel("Quarter (YYYY-Qn, ended)").fill(period);
      await page.getByRole("button", { name: "Take the snapshot" }).click();
      await page.getByRole("rowheader", { name: period }).waitFor({ timeout: 60_000 });
    }
    await page.getByRole("link", { name: "Compare two quarters" }).click();
    await page.getByRole("heading", { name: "Change between two quarters" }).waitFor();
    await page.locator('[data-list="snapshot-diff"]').waitFor();
    expect(await page.getByLabel("Earlier quarter").inputValue()).toBe("2024-Q1");
    expect(await page.getByLabel("Later quarter").inputValue()).toBe("2024-Q2");
    for (const period of ["2024-Q1", "2024-Q2"]) {
      expect(await page.getByRole("columnheader", { name: period, exact: true }).count()).toBe(1);
    }
    await page.getByLabel("Only the figures that changed").uncheck();
    const shown = (await page.getByText(/\d+ of \d+ figures shown/).textContent()) ?? "";
    const [all, total] = (shown.match(/\d+/g) ?? []).map(Number);
    expect(total).toBeGreaterThan(0);
    expect(all).toBe(total);
    expect(await page.locator('[data-list="snapshot-diff"] tbody tr').count()).toBe(total);
    // Each figure named in words, as the API names it; not one row by its code.
    const diff = (await (await apiGet("/snapshots/2024-Q2/diff?against=2024-Q1")).json()) as {
      figures: { figure: string; name: string }[];
    };
    const named = page.locator('[data-list="snapshot-diff"] th[data-figure="reporting.nonReporting"]').first();
    expect(await named.textContent()).toBe("Non-reporting States");
    const headers = await page.locator('[data-list="snapshot-diff"] tbody th').allTextContents();
    expect(headers).toEqual(diff.figures.map((row) => row.name));
    expect(headers.filter((header) => /^[a-z]+\.[A-Za-z?]+$/.test(header))).toEqual([]);
    // And each group: a regional group, a paragraph with its category, in words.
    const groups = await page.locator('[data-list="snapshot-diff"] tbody td:nth-child(2)').allTextContents();
    expect(groups).toContain("Latin American and Caribbean");
    expect(groups).toContain("OP3(c)(d), Means of delivery");
    expect(groups.filter((group) => group.includes("/") || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(group))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "snapshots-diff-1280.png");
    await page.close();
  });

  it("opens a programme activity with its letters; a personal feed is issued, read without a token, revoked", async () => {
    const page = await desk.signIn("members", { at: "#/programme" });
    await page.getByRole("heading", { name: "Your calendar feeds" }).waitFor();
    await settled(page);
    await page.getByLabel("Label (optional, e.g. phone)").fill("e2e phone");
    await page.getByRole("button", { name: "Issue a feed" }).focus();
    await page.keyboard.press("Enter");
    const address = await page.getByLabel("Feed address").inputValue();
    expect(address).toMatch(/\/calendar\/[^/]+\.ics$/);
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "programme-feeds-1280.png");
    await page.getByRole("button", { name: "Revoke e2e phone" }).click();
    await page.getByRole("button", { name: "Yes, revoke it" }).click();
    await page.locator("#feed-revoked").getByText("Revoked the feed e2e phone").waitFor();
    expect((await fetch(address)).status).toBe(404);

    // The 2023 programme, read from Annex II, names the letters its correspondence items are sent as.
    await page.getByRole("link", { name: "2023", exact: true }).click();
    await page
      .getByText(/Programme of work .*2023/)
      .first()
      .waitFor();
    await settled(page);
    await page.locator("tbody tr").filter({ hasText: "waves)" }).first().getByRole("link").click();
    await page.getByRole("heading", { name: "Letters" }).waitFor();
    expect(await page.locator('[data-list="letters"] tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "programme-item-1280.png");
    await page.close();
  });

  it("imports a CSV after its dry run: a bad row's problem beside it, mended, applied, on Mali's contacts", async () => {
    const page = await desk.signIn("secretariat", { at: "#/contacts/import" });
    const good = "STATE:MLI,capital-poc,Aminata Console,aminata.console@mli-e2e.example";
    const bad = "STATE:XXX,capital-poc,Bakary Console,bakary.console@mli-e2e.example";
    const header = "owner,role,name,email";
    await page.getByLabel(/Or the CSV's text/).fill([header, good, bad].join("\n"));
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    const badRow = page.locator('[data-list="row-problems"] tr[data-line="3"]');
    await badRow.waitFor();
    // The refusal takes the keyboard to the text in fault, which its problem describes.
    await expect.poll(async () => (await focusedElement(page)).id).toBe("csv-text");
    expect(await badRow.textContent()).toContain(bad);
    expect(await badRow.textContent()).toContain("no Member State XXX");
    expect(await page.locator('[data-list="row-problems"] tbody tr').count()).toBe(1);
    expect(await page.getByRole("button", { name: "Apply the import" }).isDisabled()).toBe(true);
    expect(await page.getByLabel(/Or the CSV's text/).inputValue()).toBe([header, good, bad].join("\n"));
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "contacts-import-bad-row-1280.png");

    await page.getByLabel(/Or the CSV's text/).fill([header, good, bad.replace("STATE:XXX", "STATE:MLI")].join("\n"));
    await page.getByRole("button", { name: "Check the file (dry run)" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Dry run: nothing written. 2 to create, 0 to update, 0 unchanged.").waitFor();
    await page.getByRole("button", { name: "Apply the import" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Applied: 2 created, 0 updated, 0 unchanged.").waitFor();
    // Nothing is left to apply, so its button turns disabled: the focus goes to what was applied, not the page's body.
    await expect.poll(async () => (await focusedElement(page)).id).toBe("import-applied");
    expect(await page.getByRole("link", { name: "STATE:MLI" }).count()).toBe(2);

    const contacts = (await (await apiGet("/contacts?owner=STATE:MLI&limit=100")).json()) as {
      items: { email: string }[];
    };
    expect(contacts.items.map((contact) => contact.email)).toEqual(
      expect.arrayContaining(["aminata.console@mli-e2e.example", "bakary.console@mli-e2e.example"]),
    );
    await page.close();
  });

  it("offers a member no write action on the assistance, snapshot and import pages", async () => {
    const page = await requestOf("members", "circulated", "GEO");
    await page.getByRole("heading", { name: "Candidate offers, ranked" }).waitFor();
    expect(await page.locator("form").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Propose|Move)/ }).count()).toBe(0);
    await page.goto(`${desk.stack.consoleUrl}#/assistance/offers`);
    await page.getByRole("heading", { name: "Every offer" }).waitFor();
    expect(await page.getByRole("button", { name: "Record the offer" }).count()).toBe(0);
    await page.goto(`${desk.stack.consoleUrl}#/snapshots`);
    await page.getByRole("heading", { name: "Quarterly snapshots" }).waitFor();
    expect(await page.getByRole("button", { name: "Take the snapshot" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Import contacts" }).count()).toBe(0);
    await page.close();
  });

  it("reads at 390 px: no new page wider than the screen", async () => {
    const page = await desk.signIn("secretariat", { width: 390 });
    for (const [hash, heading, shot] of [
      ["#/assistance/offers", "Offers and providers", "assistance-offers-390.png"],
      ["#/assistance/reports", "Pending-assistance reports", "assistance-reports-390.png"],
      ["#/snapshots/diff", "Change between two quarters", "snapshots-diff-390.png"],
      ["#/programme", "Programme of work", "programme-390.png"],
      ["#/contacts/import", "Import contacts", "contacts-import-390.png"],
    ] as const) {
      await page.goto(`${desk.stack.consoleUrl}${hash}`);
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      await settled(page);
      expect(await overflowOf(page), hash).toBeLessThanOrEqual(0);
      await keepScreenshot(page, shot);
    }
    await page.goto(`${desk.stack.consoleUrl}${listOf("matched")}`);
    await followRequestOf(page, "JAM");
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-request-390.png");
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(desk.troubles).toEqual([]);
  });
});
