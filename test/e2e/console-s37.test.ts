// The console's mends of session 37, in Debian's Chromium against the local stack: a State's page reads the State's
// contacts once a round, for its contacts' panel and its letters' both; two offers of one provider matched to one
// request read apart on the request's page (the matches' list, the moves' forms, the history's note) and on the
// State's timeline.
import { describe, expect, it } from "vitest";
import { deskDay } from "#shared/zoned-time.ts";
import { apiRequests, consoleBrowser, type Json, secretariatApi, settled } from "../support/console-browser.ts";

const desk = consoleBrowser();
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

const DESCRIPTION = "Workshop on drafting export control regulations";
const validFrom = (day: string) => `valid from ${day}, with no end date`;

/** Ghana's request, circulated, with Bulgaria's two offers of the same workshop (for 2025 and 2026) proposed for it. */
async function requestWithTwoOffers(): Promise<{ id: string; matches: Json[] }> {
  const request = await api("POST", "/assistance/requests", {
    iso3: "GHA",
    areas: ["legislation"],
    description: "Console e2e: a review of the export control law",
    receivedOn: deskDay(new Date()),
    symbol: "S/AC.44/2026/GHA/S37",
    consentedToCirculation: true,
  });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  const id = String(request.body.id);
  let etag = request.etag;
  for (const to of ["acknowledged", "consent-window", "circulated"]) {
    const moved = await api("POST", `/assistance/requests/${id}/transitions`, { to }, { "if-match": etag });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    etag = moved.etag;
  }
  for (const from of ["2025-01-01", "2026-01-01"]) {
    const offer = await api("POST", "/assistance/offers", {
      provider: { kind: "state", iso3: "BGR" },
      areas: ["legislation"],
      description: DESCRIPTION,
      validFrom: from,
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const match = await api("POST", "/assistance/matches", { requestId: id, offerId: offer.body.id });
    expect(match.status, JSON.stringify(match.body)).toBe(201);
  }
  return { id, matches: (await api("GET", `/assistance/requests/${id}/matches`)).body.items };
}

describe("the console's session-37 mends", { timeout: 120_000 }, () => {
  it("reads a State's contacts once for its contacts and its letters, and once again after a write", async () => {
    const page = await signIn("secretariat");
    // Counted from the State's page on: the home page, where the sign-in lands, reads contacts by role.
    await settled(page);
    const reads = apiRequests(desk.stack, "GET", "/contacts");
    await go(page, "#/states/KEN");
    await page.getByRole("heading", { name: "Kenya (KEN)" }).waitFor();
    await settled(page);
    await page.getByRole("region", { name: "The State's contacts" }).waitFor();
    await page.getByRole("region", { name: /^Letters sent to / }).waitFor();
    expect(reads()).toHaveLength(1);

    // A verification moves the page's round on: the list is read again, once, for both panels.
    const verify = page.getByRole("button", { name: /^Verify / }).first();
    await verify.click();
    const newest = page.getByRole("region", { name: "Timeline" }).locator("ol.timeline li").first();
    await expect.poll(() => newest.textContent()).toContain("Contact's details confirmed");
    await expect.poll(() => reads().length).toBe(2);
    await settled(page);
    expect(reads()).toHaveLength(2);
    await page.close();
  });

  it("reads an organization's contacts once for its contacts and its letters", async () => {
    const page = await signIn("secretariat");
    await settled(page);
    const reads = apiRequests(desk.stack, "GET", "/contacts");
    await go(page, "#/organizations/iaea");
    await page.getByRole("heading", { name: /^International Atomic Energy Agency/ }).waitFor();
    await settled(page);
    await page.getByRole("region", { name: "Letters sent to the International Atomic Energy Agency" }).waitFor();
    expect(reads()).toHaveLength(1);
    await page.close();
  });

  it("tells a provider's two offers apart in a request's matches, their moves, its history and the timeline", async () => {
    const { id, matches } = await requestWithTwoOffers();
    const words = {
      older: `“${DESCRIPTION}” (${validFrom("1 January 2025")})`,
      newer: `“${DESCRIPTION}” (${validFrom("1 January 2026")})`,
    };
    expect(matches.map((match: Json) => match.offer)).toEqual([words.older, words.newer]);

    const page = await signIn("experts", { at: `#/assistance/${id}` });
    await page.getByRole("heading", { name: "Assistance request S/AC.44/2026/GHA/S37" }).waitFor();
    await settled(page);
    const offers = page.locator('[data-list="matches"] [data-field="match-offer"]');
    await expect.poll(() => offers.allTextContents()).toEqual([words.older, words.newer]);
    const moveOf = (offer: string) => page.getByRole("form", { name: `Move the match of Bulgaria's offer ${offer}` });
    expect(await moveOf(words.older).count()).toBe(1);

    const newer = moveOf(words.newer);
    await newer.getByLabel("Move to").selectOption("accepted");
    await newer.getByRole("button", { name: "Move", exact: true }).click();
    await page.locator('[data-field="status"]').getByText("matched").waitFor();
    const note = `Bulgaria's offer ${words.newer} accepted`;
    await expect.poll(async () => page.locator("ol.timeline li").last().textContent()).toContain(note);

    // Ghana's timeline names the offer of each match's entry, as the entry was written.
    await go(page, "#/states/GHA");
    await page.getByRole("heading", { name: "Ghana (GHA)" }).waitFor();
    const timeline = page.locator('ol.timeline [data-action^="assistance.match."] ~ [data-field="offer"]');
    await expect.poll(async () => (await timeline.allTextContents()).length).toBeGreaterThanOrEqual(3);
    expect(await timeline.allTextContents()).toEqual(
      expect.arrayContaining([
        ` (Bulgaria's offer ${words.newer})`,
        // The first proposal's, written when no other offer of Bulgaria's started alike.
        ` (Bulgaria's offer “${DESCRIPTION}”)`,
      ]),
    );
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
