// The console's mends from the session-15 audit, in Debian's Chromium against the local stack: the composer's first
// draft is one the API accepts, and a change of template does not keep an audience it cannot go to; a request's move
// form offers only the lifecycle's legal moves, none chosen; providers go by name in the report's last action,
// the candidates, matches and offers; the focus lands on the wave's status once it is cancelled; a wave's audience
// says the day it was resolved for (the send day, as dispatch will resolve it); the briefing's venue is given in each
// language, a missing one refused at its field, and the Arabic test copy carries the Arabic venue (a failed re-read of
// a stale contact is in console-after-actions.test.ts, with the re-read). Each page in the groups it is offered to.
// Screenshots go to .local/e2e/console/.
import { describe, expect, it } from "vitest";
import { latestPeriodDue } from "#shared/assistance/report.ts";
import { deskToday, systemClock } from "#shared/clock.ts";
import {
  type ConsoleGroup,
  consoleBrowser,
  focusedElement,
  type Json,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";
import { followUpWave } from "../support/follow-up-wave.ts";

const desk = consoleBrowser();
const { signIn, troubles, go } = desk;

const api = secretariatApi(desk);

/** Every State's and organization's name by the API's provider key (`state:DEU`, `organization:iaea`). */
async function providerNames(): Promise<Map<string, string>> {
  const states = (await api("GET", "/states?limit=100")).body;
  const more = states.cursor ? (await api("GET", `/states?limit=100&cursor=${states.cursor}`)).body.items : [];
  const organizations = (await api("GET", "/organizations?limit=100")).body.items;
  return new Map([
    ...[...states.items, ...more].map((state: Json) => [`state:${state.iso3}`, state.name] as const),
    ...organizations.map((organization: Json) => [`organization:${organization.id}`, organization.name] as const),
  ]);
}

const keyOf = (provider: Json) =>
  provider.kind === "state" ? `state:${provider.iso3}` : `organization:${provider.id}`;

async function firstRequest(status: string): Promise<Json> {
  const [request] = (await api("GET", `/assistance/requests?status=${status}`)).body.items;
  if (!request) throw new Error(`no ${status} request in the seed`);
  return request;
}

/** A draft follow-up wave sent `days` from now at 09:00 New York, created through the API; its send day too. */
async function followUpDraft(days: number) {
  const { sendAt, body } = followUpWave(days);
  const draft = await api("POST", "/waves", body);
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  return { sendAt, draft };
}

describe("the console's session-15 mends", { timeout: 120_000 }, () => {
  it("composes a first draft the API accepts: the first template with an audience it can go to", async () => {
    const page = await signIn("secretariat", { at: "#/waves/new" });
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    await settled(page);
    const template = await page.getByLabel("Template").inputValue();
    const audience = await page.getByLabel("Audience").inputValue();
    expect(template).toBe("assistance-follow-up");
    expect(audience).toBe("states-with-follow-up-due");
    const offered = await page
      .locator("#audience option")
      .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    expect(offered).not.toContain("non-reporting-states");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await page.getByRole("heading", { name: /^Wave |\(wave \w+\)$/ }).waitFor();
    const id = page.url().split("#/waves/")[1] ?? "";
    const stored = (await api("GET", `/waves/${id}`)).body;
    expect([stored.templateId, stored.audience]).toEqual([template, audience]);
    await page.close();
  });

  it("asks for the briefing's day, time and venue when the template names them, and the wave carries them", async () => {
    const page = await signIn("secretariat", { at: "#/waves/new?template=programme-open-briefing-invitation" });
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    await settled(page);
    expect(await page.getByLabel("Template").inputValue()).toBe("programme-open-briefing-invitation");
    const briefingOn = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Briefing's day").fill(briefingOn);
    await page.getByLabel("Briefing's starting time (New York)").fill("10:00");
    const venue = page.getByLabel("Briefing's venue (one text for every language)");
    await venue.fill("Conference Room 4");
    // One text goes into every letter as typed: the field says so, and is described by it (audit 35's suggestion).
    const hint = await page.locator(`#${await venue.getAttribute("id")}-one-hint`).textContent();
    expect(hint).toContain("Every letter shows it as typed, in Arabic and Chinese letters too.");
    expect(await venue.getAttribute("aria-describedby")).toContain(`${await venue.getAttribute("id")}-one-hint`);
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await page.getByRole("heading", { name: /^Wave |\(wave \w+\)$/ }).waitFor();
    const id = page.url().split("#/waves/")[1] ?? "";
    const stored = (await api("GET", `/waves/${id}`)).body;
    expect(stored.values).toEqual({
      "briefing.date": briefingOn,
      "briefing.time": "10:00",
      "briefing.venue": "Conference Room 4",
    });
    // A template naming none of them asks for none.
    await go(page, "#/waves/new?template=assistance-follow-up");
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    await settled(page);
    expect(await page.getByLabel("Briefing's day").count()).toBe(0);
    await page.close();
  });

  it("gives the briefing's venue in each language: a missing one refused at its field, the Arabic letter in Arabic", async () => {
    const page = await signIn("secretariat", { at: "#/waves/new?template=programme-effective-practices-invitation" });
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    await settled(page);
    const briefingOn = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Briefing's day").fill(briefingOn);
    await page.getByLabel("Briefing's starting time (New York)").fill("10:00");
    const venue = page.getByRole("group", { name: "Briefing's venue" });
    await venue.getByRole("radio", { name: "A venue in each language" }).check();
    const arabic = venue.getByLabel("Venue in العربية (Arabic)");
    expect([await arabic.getAttribute("lang"), await arabic.getAttribute("dir")]).toEqual(["ar", "rtl"]);
    expect(await venue.getByLabel("Venue in 中文 (Chinese)").getAttribute("lang")).toBe("zh-Hans");
    // Each label's own-script name is marked in its language too (WCAG 3.1.2), the English one not.
    const ownNames = venue.locator("label span[lang]");
    expect(
      await ownNames.evaluateAll((spans) => spans.map((span) => [span.getAttribute("lang"), span.textContent])),
    ).toEqual([
      ["ar", "العربية"],
      ["zh-Hans", "中文"],
      ["fr", "Français"],
      ["ru", "Русский"],
      ["es", "Español"],
    ]);
    const texts = { ar: "قاعة المؤتمرات 4", zh: "第4会议室", en: "Conference Room 4", fr: "Salle de conférence 4" };
    await arabic.fill(texts.ar);
    await venue.getByLabel("Venue in 中文 (Chinese)").fill(texts.zh);
    await venue.getByLabel("Venue in English").fill(texts.en);
    await venue.getByLabel("Venue in Français (French)").fill(texts.fr);
    await venue.getByLabel("Venue in Español (Spanish)").fill("Sala de conferencias 4");
    // Russian left empty: refused at its field, which takes the focus, and nothing is sent.
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    const russianProblem = page.locator("#briefing-venue-ru-problem");
    await russianProblem.waitFor();
    expect(await russianProblem.textContent()).toBe("Give the venue in Russian.");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("briefing-venue-ru");
    expect(await page.locator("#briefing-venue-ru").getAttribute("aria-invalid")).toBe("true");
    expect(page.url()).toContain("#/waves/new");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "compose-venue-missing-language-1280.png");

    await venue.getByLabel("Venue in Русский (Russian)").fill("Зал заседаний 4");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await page.getByRole("heading", { name: /^Wave |\(wave \w+\)$/ }).waitFor();
    const id = page.url().split("#/waves/")[1] ?? "";
    const stored = (await api("GET", `/waves/${id}`)).body;
    expect(stored.values["briefing.venue"]).toEqual({ ...texts, ru: "Зал заседаний 4", es: "Sala de conferencias 4" });

    // The test copy rendered as an Arabic-speaking recipient's letter carries the Arabic venue, not the English one.
    const recipients = (await api("GET", `/waves/${id}/audience`)).body.recipients;
    const inArabic = recipients.find((recipient: Json) => recipient.language === "ar");
    if (!inArabic) throw new Error("the wave's audience has no recipient whose letter is in Arabic");
    const to = `venue-${Date.now()}@desk.example`;
    await page.getByLabel("To (a staff address)").fill(to);
    await page.getByLabel("Rendered as the letter for").selectOption(inArabic.contact.id);
    await page.getByRole("button", { name: "Send the test copy" }).click();
    await page.locator('[data-field="test-sent"]').filter({ hasText: "in Arabic" }).waitFor();
    const store = (await (await fetch(`${desk.stack.sesUrl}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { text?: string; html?: string } }[];
    };
    const [copy] = store.emails.filter((email) => email.destination.to.includes(to));
    expect(copy?.body.text).toContain(`في المكان التالي: ${texts.ar}`);
    expect(copy?.body.html).toContain(texts.ar);
    expect(copy?.body.text).not.toContain(texts.en);
    await page.close();
  });

  it("moves the audience, and says so, when the chosen template cannot go to it", async () => {
    const templateId = `s15-anyone-${Date.now()}`;
    const created = await api("POST", "/templates", {
      id: templateId,
      kind: "other",
      fallbackLanguage: "en",
      variants: { en: { subject: "A letter", text: "Dear {{contact.name}},", html: "<p>Dear {{contact.name}},</p>" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await signIn("secretariat", { at: `#/waves/new?template=${templateId}` });
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    await settled(page);
    const audience = page.getByLabel("Audience");
    expect(await audience.inputValue()).toBe("non-reporting-states");
    await page.getByLabel("Template").selectOption("assistance-follow-up");
    expect(await audience.inputValue()).toBe("states-with-follow-up-due");
    const hint = page.locator("#audience-hint");
    expect(await hint.textContent()).toMatch(
      /cannot go to “States without a first national report”: the audience is now “States owed the one-year follow-up/,
    );
    expect(await audience.getAttribute("aria-describedby")).toContain("audience-hint");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "compose-audience-moved-1280.png");
    await page.close();
  });

  it("offers a circulated request only its legal moves, none chosen, to the groups that may move it", async () => {
    const request = await firstRequest("circulated");
    for (const group of ["secretariat", "experts"] as ConsoleGroup[]) {
      const page = await signIn(group, { at: `#/assistance/${request.id}` });
      await page.getByRole("heading", { name: `Assistance request ${request.symbol}` }).waitFor();
      await settled(page);
      const select = page.getByLabel("New status");
      // It has no accepted match: matched is not offered, but said with why (console-assist tests the consent's).
      // Its moves are final: none is chosen for the officer (audit 35, item 14).
      expect(await select.inputValue()).toBe("");
      const offered = await select
        .locator("option")
        .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
      expect(offered).toEqual(["", "withdrawn", "closed-unmet"]);
      expect(await page.locator('[data-withheld="matched"]').textContent()).toContain("No match has been accepted");
      await page.getByRole("button", { name: "Move the request" }).waitFor();
      await select.selectOption("withdrawn");
      await page.getByRole("button", { name: "Record the withdrawal" }).waitFor();
      if (group === "secretariat") {
        await keepScreenshot(page, "assistance-request-legal-moves-1280.png");
      }
      await page.close();
    }
    const member = await signIn("members", { at: `#/assistance/${request.id}` });
    await member.getByRole("heading", { name: `Assistance request ${request.symbol}` }).waitFor();
    await settled(member);
    expect(await member.getByLabel("New status").count()).toBe(0);
    await member.close();
  });

  it("says a final request moves no more instead of offering moves the API refuses", async () => {
    const request = await firstRequest("fulfilled");
    const page = await signIn("experts", { at: `#/assistance/${request.id}` });
    await page.getByRole("heading", { name: `Assistance request ${request.symbol}` }).waitFor();
    await settled(page);
    expect(await page.locator("#move-final").textContent()).toBe("A fulfilled request moves no more.");
    expect(await page.getByLabel("New status").count()).toBe(0);
    await page.close();
  });

  it("names providers in the report's last action and matches, for every group", async () => {
    const fire = desk.stack.targets["assistance-report"];
    if (!fire) throw new Error("no assistance-report target");
    // The report of the latest period whose day has come: an earlier run is refused (ADR 0006).
    await fire({ period: latestPeriodDue(deskToday(systemClock)).id });
    const [summary] = (await api("GET", "/assistance/reports")).body.items;
    const shown = (await api("GET", `/assistance/reports/${summary.id}`)).body;
    const names = await providerNames();
    // The report says its last actions in words, with the provider's name, and stores each match's provider's name.
    const withMatch = shown.requests.find((row: Json) => row.lastAction.action.startsWith("match with "));
    if (!withMatch) throw new Error("no report row whose last action is a match's");
    for (const match of withMatch.matches) expect(match.providerName).toBe(names.get(keyOf(match.provider)));
    for (const group of ["secretariat", "experts", "members"] as ConsoleGroup[]) {
      const page = await signIn(group, { at: `#/assistance/reports/${summary.id}` });
      await page.getByRole("heading", { name: `Pending-assistance report ${summary.id}` }).waitFor();
      await settled(page);
      const row = page.getByRole("row").filter({ hasText: withMatch.symbol });
      const lastAction = row.locator("td").nth(6);
      await expect.poll(() => lastAction.textContent()).toContain(withMatch.lastAction.action);
      expect(await lastAction.textContent()).not.toMatch(/(state|organization):/);
      const matches = await row.locator("td").nth(5).textContent();
      for (const match of withMatch.matches) expect(matches).toContain(match.providerName);
      if (group === "members") {
        await keepScreenshot(page, "assistance-report-names-1280.png");
      }
      await page.close();
    }
  });

  it("names providers in the candidates, the matches and the offers, for every group", async () => {
    const names = await providerNames();
    const request = await firstRequest("matched");
    const candidates = (await api("GET", `/assistance/requests/${request.id}/candidates`)).body.candidates;
    const matches = (await api("GET", `/assistance/requests/${request.id}/matches`)).body.items;
    expect(candidates.length).toBeGreaterThan(0);
    expect(matches.length).toBeGreaterThan(0);
    const organizationOffer = (await api("GET", "/assistance/offers?limit=100")).body.items.find(
      (offer: Json) => offer.provider.kind === "organization",
    );
    for (const group of ["secretariat", "experts", "members"] as ConsoleGroup[]) {
      const page = await signIn(group, { at: `#/assistance/${request.id}` });
      await page.getByRole("heading", { name: `Assistance request ${request.symbol}` }).waitFor();
      await settled(page);
      const firstCandidate = page.locator('[data-list="candidates"] tbody tr').first().locator("td").nth(1);
      await expect.poll(() => firstCandidate.textContent()).toBe(names.get(keyOf(candidates[0].offer.provider)));
      const firstMatch = page.locator('[data-list="matches"] tbody tr').first().locator("td, th").first();
      expect(await firstMatch.textContent()).toBe(names.get(keyOf(matches[0].provider)));
      if (group === "experts") {
        await keepScreenshot(page, "assistance-candidates-names-1280.png");
      }

      await go(page, "#/assistance/offers");
      await page.getByRole("heading", { name: "Offers and providers" }).waitFor();
      await settled(page);
      const offerRow = page.locator('[data-list="offers"] tbody tr').filter({ hasText: organizationOffer.description });
      await expect
        .poll(() => offerRow.first().locator("td, th").first().textContent())
        .toBe(names.get(keyOf(organizationOffer.provider)));
      if (group === "members") {
        await keepScreenshot(page, "assistance-offers-names-1280.png");
      }
      await page.close();
    }
  });

  it("puts the focus on the wave's status once the wave is cancelled, not on the page's body", async () => {
    const { draft } = await followUpDraft(3);
    const page = await signIn("secretariat", { at: `#/waves/${draft.body.id}` });
    await page.getByRole("heading", { name: `Wave ${draft.body.id}` }).waitFor();
    await settled(page);
    await page.getByRole("button", { name: "Cancel the wave" }).click();
    await page.getByRole("button", { name: "Yes, cancel the wave" }).click();
    await page.locator('[data-field="status"]').getByText("cancelled").waitFor();
    await expect.poll(async () => (await focusedElement(page)).field).toBe("status");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-cancelled-focus-1280.png");
    await page.close();
  });

  it("says which day a wave's audience was resolved for: its send day while that is ahead", async () => {
    const { sendAt, draft } = await followUpDraft(10);
    expect((await api("GET", `/waves/${draft.body.id}/audience`)).body.asOfDay).toBe(sendAt);
    const inWords = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${sendAt}T00:00:00Z`),
    );
    const page = await signIn("experts", { at: `#/waves/${draft.body.id}` });
    const asOf = page.locator('[data-field="audience-as-of"]');
    await asOf.waitFor();
    expect(await asOf.textContent()).toContain(`on ${inWords}, the wave's send day`);
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
