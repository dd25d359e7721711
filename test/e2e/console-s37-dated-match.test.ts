// The request page's matchmaking of session 37 (audit 36, items 4 and 5), in Debian's Chromium against the local
// stack: an offer proposed on a day given (a match agreed before it is entered), its refusal of a day in the future at
// the field; and a proposal refused because a colleague withdrew the request meanwhile, which reads the request again
// and says what moved, the page then showing it withdrawn with no proposal offered.
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { deskDay } from "#shared/zoned-time.ts";
import { consoleBrowser, focusedElement, secretariatApi, settled } from "../support/console-browser.ts";

// The refusals are on purpose: the day in the future (422), the proposal for a withdrawn request (409).
const desk = consoleBrowser({ expectedErrors: /status of (422|409)/ });
const { signIn, troubles } = desk;
const api = secretariatApi(desk);

/** `iso3`'s request, circulated today, with Bulgaria's offer as a candidate. */
async function circulatedWithCandidate(iso3: string, symbol: string): Promise<{ id: string; etag: string }> {
  const today = deskDay(new Date());
  const request = await api("POST", "/assistance/requests", {
    iso3,
    areas: ["legislation"],
    description: "Console e2e: a dated match",
    receivedOn: today,
    symbol,
    consentedToCirculation: true,
  });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  const id = String(request.body.id);
  let etag = String(request.etag);
  for (const to of ["acknowledged", "consent-window", "circulated"]) {
    const moved = await api("POST", `/assistance/requests/${id}/transitions`, { to }, { "if-match": etag });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    etag = String(moved.etag);
  }
  const offer = await api("POST", "/assistance/offers", {
    provider: { kind: "state", iso3: "BGR" },
    areas: ["legislation"],
    description: `Console e2e: drafting workshop for ${symbol}`,
    validFrom: "2020-01-01",
  });
  expect(offer.status, JSON.stringify(offer.body)).toBe(201);
  return { id, etag };
}

describe("proposing an offer on the request's page", { timeout: 120_000 }, () => {
  it("proposes on the day given, and refuses a day in the future at the field", async () => {
    const { id } = await circulatedWithCandidate("GHA", "S/AC.44/2026/GHA/DATED");
    const today = deskDay(new Date());
    const page = await signIn("experts", { at: `#/assistance/${id}` });
    await settled(page);
    const day = page.getByLabel("Proposed on (YYYY-MM-DD; today when empty)");
    const propose = page.getByRole("button", { name: "Propose Bulgaria's offer" });

    await day.fill(addDays(today, 1));
    await propose.click();
    await expect.poll(() => day.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#propose-on-problem").textContent()).toContain("is in the future");

    await day.fill(today);
    await propose.click();
    const history = page.getByRole("table", { name: "Offers proposed for this request" }).locator("tbody tr").first();
    await expect.poll(() => history.textContent()).toContain(`proposed ${today}`);
    await page.close();
  });

  it("says a colleague withdrew the request when a proposal is refused for it, and shows it as it stands", async () => {
    const { id, etag } = await circulatedWithCandidate("KEN", "S/AC.44/2026/KEN/STALE");
    const today = deskDay(new Date());
    const page = await signIn("experts", { at: `#/assistance/${id}` });
    await settled(page);
    // Any candidate: the first test's offer is one too.
    const propose = page.getByRole("button", { name: /^Propose / }).first();
    await propose.waitFor();

    const withdrawn = await api(
      "POST",
      `/assistance/requests/${id}/transitions`,
      { to: "withdrawn" },
      { "if-match": etag },
    );
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);

    await propose.click();
    const said = page.locator("#request-now");
    await expect.poll(() => said.textContent()).toContain(`A colleague moved this request to withdrawn on ${today}.`);
    expect(await page.locator('[data-field="status"]').textContent()).toBe("withdrawn");
    expect(await page.getByRole("button", { name: /^Propose / }).count()).toBe(0);
    // The words have the keyboard: the button pressed is gone.
    expect((await focusedElement(page)).id).toBe("request-now");
    await page.close();
    expect(troubles).toEqual([]);
  });
});
