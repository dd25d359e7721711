// A State's page when a colleague wrote first, in Debian's Chromium against the local stack: an expert voids a
// submission through the API while the secretariat corrects its kind or voids it (the 412 read again, or the API's
// 409, says who voided it and why, the row and its forms go, the obligations are read again), and a colleague changes the State's
// language of letters while the officer chooses another (the form says what is on record now and by whom, keeps the
// officer's choice, and names what pressing again does). Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { deskDay } from "#shared/zoned-time.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import { apiCaller } from "../support/api-call.ts";
import {
  consoleBrowser,
  focusedElement,
  type Json,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// 412: the stale writes, refused on purpose; 409: the API's refusal of a write to a voided submission.
const desk = consoleBrowser({ expectedErrors: /status of (?:412|409)/ });
const { signIn, troubles } = desk;
const api = secretariatApi(desk);
/** Colleagues, each by a username of their own: the page names them. */
const colleague = (group: "experts" | "secretariat", username: string) =>
  apiCaller<Json>(
    () => desk.stack.apiUrl,
    () => issueToken(desk.stack.jwtKeys, { group, username }),
  );
const expert = colleague("experts", "j.expert");
const secretary = colleague("secretariat", "a.colleague");

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const minuteUtc = (instant: string) => `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;

/** An action plan recorded for a reported State, and the action plans it counts with it. */
async function recordedPlan(symbol: string) {
  const state = (await api("GET", "/states?status=reported&limit=1")).body.items[0];
  const recorded = await api("POST", `/states/${state.iso3}/submissions`, {
    kind: "action-plan",
    receivedOn: daysAgo(10),
    symbol,
    language: "en",
  });
  expect(recorded.status).toBe(201);
  return { state, plan: recorded.body };
}

const actionPlans = async (iso3: string): Promise<number> =>
  ((await api("GET", `/states/${iso3}/obligations`)).body.items as { kind: string; submissions: number }[]).find(
    (obligation) => obligation.kind === "action-plan",
  )?.submissions ?? 0;

/** The kind form of `symbol`, filled and reviewed: the question is asked. */
async function reviewKind(page: Page, symbol: string) {
  await page
    .getByRole("row", { name: new RegExp(symbol) })
    .getByRole("button", { name: "Correct or void" })
    .click();
  const form = page.getByRole("form", { name: `Kind of ${symbol}` });
  await form.getByLabel("Kind it is").selectOption("matrix-review");
  await form.getByLabel("Why the kind was wrong").fill("It reviews the State's matrix");
  await form.getByRole("button", { name: "Review the correction" }).click();
  await form.getByRole("group", { name: `Correct ${symbol} to Matrix review?` }).waitFor();
  return form;
}

/** A colleague's void through the API, against the submission as it stands. */
async function voidedByExpert(iso3: string, id: string, reason: string) {
  const read = await expert("GET", `/states/${iso3}/submissions/${id}`);
  const voided = await expert("POST", `/states/${iso3}/submissions/${id}/void`, { reason }, { "if-match": read.etag });
  expect(voided.status).toBe(200);
  return voided.body;
}

/** The page once it has let the voided submission go: its words, no row, no forms, the obligations read again. */
async function expectGone(page: Page, iso3: string, voided: Json, plans: number) {
  const { symbol } = voided;
  await page
    .getByText(
      `${symbol} was voided by j.expert on ${deskDay(voided.voided.at)}: recorded twice, colleague. Your change was ` +
        "not saved: the submission no longer counts, as if it had never been recorded.",
    )
    .waitFor();
  await expect.poll(() => page.getByRole("row", { name: new RegExp(symbol) }).count()).toBe(0);
  for (const form of [`Correct ${symbol}`, `Kind of ${symbol}`, `Void ${symbol}`])
    await expect.poll(() => page.getByRole("form", { name: form }).count()).toBe(0);
  const row = page.getByRole("region", { name: "Obligations" }).getByRole("row", {
    name: /National implementation action plan/,
  });
  await expect.poll(() => row.getByRole("cell").nth(2).textContent()).toBe(String(plans));
  expect(await actionPlans(iso3)).toBe(plans);
  // The row's button has gone with it: the keyboard goes on from the panel's heading.
  await expect.poll(async () => (await focusedElement(page)).id).toBe("submissions-title");
  // Nothing of the officer's correction was written.
  const stored = (await api("GET", `/states/${iso3}/submissions/${voided.id}`)).body;
  expect(stored.kind).toBe("action-plan");
}

describe("a State's page when a colleague wrote first", { timeout: 180_000 }, () => {
  it("says who voided a submission whose kind was being corrected, and lets it go with its forms", async () => {
    const symbol = "S/AC.44/2026/STALE-1";
    const { state, plan } = await recordedPlan(symbol);
    const plans = await actionPlans(state.iso3);
    const page = await signIn("secretariat", { at: `#/states/${state.iso3}` });
    await page.getByRole("heading", { name: `${state.name} (${state.iso3})` }).waitFor();
    await settled(page);
    const form = await reviewKind(page, symbol);

    const voided = await voidedByExpert(state.iso3, plan.id, "recorded twice, colleague");
    await form.getByRole("button", { name: "Yes, correct the kind" }).click();
    await page.locator("#rekind-problem").waitFor();
    await form.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();

    await expectGone(page, state.iso3, voided, plans - 1);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "submission-voided-meanwhile-1280.png");
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("lets a submission go the same way when the API refuses the write as voided (409)", async () => {
    const symbol = "S/AC.44/2026/STALE-2";
    const { state, plan } = await recordedPlan(symbol);
    const plans = await actionPlans(state.iso3);
    const page = await signIn("secretariat", { at: `#/states/${state.iso3}` });
    await page.getByRole("heading", { name: `${state.name} (${state.iso3})` }).waitFor();
    await settled(page);
    const form = await reviewKind(page, symbol);

    const voided = await voidedByExpert(state.iso3, plan.id, "recorded twice, colleague");
    // Voided between the API's reading and its write, as the API answers it then: only a race makes it, so it is
    // answered here in the API's words.
    await page.route(`**/states/${state.iso3}/submissions/${plan.id}/kind`, (route) =>
      route.fulfill({
        status: 409,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "/problems/conflict",
          title: "Conflict",
          status: 409,
          detail: `Submission ${symbol} is voided (recorded twice, colleague); a voided submission cannot be changed`,
          reason: "submission-voided",
        }),
      }),
    );
    await form.getByRole("button", { name: "Yes, correct the kind" }).click();

    await expectGone(page, state.iso3, voided, plans - 1);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("lets a submission go the same way when a colleague voided it first while the officer voids it", async () => {
    const symbol = "S/AC.44/2026/STALE-3";
    const { state, plan } = await recordedPlan(symbol);
    const plans = await actionPlans(state.iso3);
    const page = await signIn("secretariat", { at: `#/states/${state.iso3}` });
    await page.getByRole("heading", { name: `${state.name} (${state.iso3})` }).waitFor();
    await settled(page);
    await page
      .getByRole("row", { name: new RegExp(symbol) })
      .getByRole("button", { name: "Correct or void" })
      .click();
    const form = page.getByRole("form", { name: `Void ${symbol}` });
    await form.getByLabel("Why it was recorded in error").fill("Recorded twice");

    const voided = await voidedByExpert(state.iso3, plan.id, "recorded twice, colleague");
    await form.getByRole("button", { name: "Void the submission" }).click();
    await page.locator("#void-problem").waitFor();
    await form.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();

    await expectGone(page, state.iso3, voided, plans - 1);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("says the State's language now on record and by whom, keeps the officer's, and says pressing again replaces it", async () => {
    const iso3 = "PRY";
    const page = await signIn("secretariat", { at: `#/states/${iso3}` });
    await page.getByRole("heading", { name: `Paraguay (${iso3})` }).waitFor();
    await settled(page);
    const form = page.getByRole("form", { name: "Language of letters" });
    await form.getByLabel("Language of letters").selectOption("en");

    const read = await secretary("GET", `/states/${iso3}`);
    expect(read.body.language).toBe("es");
    expect((await secretary("PATCH", `/states/${iso3}`, { language: "fr" }, { "if-match": read.etag })).status).toBe(
      200,
    );
    await form.getByRole("button", { name: "Change the language of letters" }).click();

    const now = page.locator("#state-language-now");
    await now.waitFor();
    const changedAt = (await api("GET", `/states/${iso3}/timeline?kinds=state&limit=1`)).body.items[0].at;
    expect(await now.textContent()).toBe(
      `Now on record: French, changed from Spanish by a.colleague at ${minuteUtc(changedAt)}. Your choice, English, ` +
        'is kept: "Replace French with English" puts it over a.colleague\'s change.',
    );
    expect(await page.locator("#language-of-letters-problem").textContent()).toContain(
      "Someone else changed this since you opened it",
    );
    expect(await page.locator('[data-field="language"]').textContent()).toContain("French");
    expect(await form.getByLabel("Language of letters").inputValue()).toBe("en");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-language-stale-1280.png");

    await form.getByRole("button", { name: "Replace French with English" }).click();
    await form.getByText("Letters to Paraguay go in English, confirmed by the secretariat.").waitFor();
    expect((await api("GET", `/states/${iso3}`)).body.language).toBe("en");
    // The button's words follow the State read again after the write: waited for, not counted at once (a race).
    await form.getByRole("button", { name: "Confirm this language" }).waitFor();
    expect(await now.count()).toBe(0);
    expect(troubles).toEqual([]);
    await page.close();
  });
});
