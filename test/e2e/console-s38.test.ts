// The console's mends of session 38, in Debian's Chromium against the local stack, one stack for both:
// - feedback on the assistance process recorded once (ADR 0064, audit 36 bug 1): on a State's page, "assistance
//   feedback" chosen as a document's kind says that feedback on a request goes on the request and links the State's
//   requests that take it; on the request's page, the State's note recorded already as its document is named from
//   the feedback form and counts once, as that document;
// - a proposed match whose offer has ended since (audit 36, bug 6): the API refuses its acceptance (409, nothing
//   written), and the request's page says the offer ended beside the match and offers declining alone.
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { deskDay } from "#shared/zoned-time.ts";
import { dayInWords } from "../../console/src/pages/correspondence/time.ts";
import { circulatedOverHttp } from "../support/circulated-over-http.ts";
import { consoleBrowser, secretariatApi, seriousViolations, settled } from "../support/console-browser.ts";

const desk = consoleBrowser();
const { signIn, troubles } = desk;
const api = secretariatApi(desk);

/** Niger's request, received today and moved to fulfilled through an accepted match of Bulgaria's offer. */
async function fulfilledRequest(symbol: string): Promise<string> {
  const request = await api("POST", "/assistance/requests", {
    iso3: "NER",
    areas: ["legislation"],
    description: "Console e2e: feedback on the process",
    receivedOn: deskDay(new Date()),
    symbol,
    consentedToCirculation: true,
  });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  const id = String(request.body.id);
  let etag = String(request.etag);
  const moveTo = async (to: string) => {
    const moved = await api("POST", `/assistance/requests/${id}/transitions`, { to }, { "if-match": etag });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    etag = String(moved.etag);
  };
  for (const to of ["acknowledged", "consent-window", "circulated"]) await moveTo(to);
  const offer = await api("POST", "/assistance/offers", {
    provider: { kind: "state", iso3: "BGR" },
    areas: ["legislation"],
    description: "Console e2e: drafting workshop for Niger",
    validFrom: "2020-01-01",
  });
  const match = await api("POST", "/assistance/matches", { requestId: id, offerId: offer.body.id });
  const accepted = await api(
    "POST",
    `/assistance/matches/${match.body.id}/transitions`,
    { to: "accepted" },
    { "if-match": '"1"' },
  );
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  etag = `"${Number(JSON.parse(etag)) + 1}"`;
  for (const to of ["in-progress", "fulfilled"]) await moveTo(to);
  return id;
}

/** A request of `iso3` recorded, received `on`, and moved on that day to circulated (the State consented): its id. */
const circulatedRequest = (iso3: string, symbol: string, description: string, on: string) =>
  circulatedOverHttp(api, { iso3, symbol, description, on });

describe("feedback on the assistance process, session 38", { timeout: 120_000 }, () => {
  it("sends the State's note to its request, where naming the document recorded already counts it once", async () => {
    const id = await fulfilledRequest("S/AC.44/2026/S38/NER");
    const today = deskDay(new Date());
    const recorded = await api("POST", "/states/NER/submissions", {
      kind: "assistance-feedback",
      receivedOn: today,
      symbol: "S/AC.44/2026/S38/NOTE.1",
      language: "fr",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);

    const page = await signIn("experts", { at: "#/states/NER" });
    await page.getByRole("heading", { name: "Niger (NER)" }).waitFor();
    await settled(page);
    await page.getByLabel("Kind", { exact: true }).selectOption("assistance-feedback");
    const hint = page.locator("#record-feedback-kind");
    const link = hint.getByRole("link", { name: "S/AC.44/2026/S38/NER" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`#/assistance/${id}`);
    expect(await hint.locator("p").first().textContent()).toContain(
      "Feedback on one of Niger's assistance requests is recorded on the request",
    );
    expect(await page.getByLabel("Kind", { exact: true }).getAttribute("aria-describedby")).toContain(
      "record-feedback-kind",
    );
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page.getByRole("heading", { name: "Feedback", exact: true }).waitFor();
    const recordedAs = page.getByLabel(
      "Recorded already as the State's document (it then counts once, as that document)",
    );
    await recordedAs.selectOption("S/AC.44/2026/S38/NOTE.1");
    await page.getByLabel("What it says").fill("Le séminaire a aidé à rédiger la loi");
    await page.getByRole("button", { name: "Record the feedback" }).click();
    await expect
      .poll(() => page.locator("#feedback-said").textContent())
      .toBe(
        `Recorded the feedback of the requesting State, received ${today}, as the State's document ` +
          "S/AC.44/2026/S38/NOTE.1: it counts once, as that document.",
      );
    const row = page.getByRole("table", { name: "Feedback on the request" }).locator("tbody tr").first();
    expect(await row.textContent()).toContain("S/AC.44/2026/S38/NOTE.1");
    // The document is named: it is offered no more.
    expect(await recordedAs.count()).toBe(0);
    const obligations = await api("GET", "/states/NER/obligations");
    const feedback = obligations.body.items.find((item: { kind: string }) => item.kind === "assistance-feedback");
    expect(feedback).toMatchObject({ status: "fulfilled", submissions: 1 });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("says beside a request that the State's feedback recorded on it counts there, so it is not recorded twice", async () => {
    const today = deskDay(new Date());
    // Circulated (the State consented): its feedback is taken from then on.
    const id = await circulatedRequest(
      "NER",
      "S/AC.44/2026/S38/NER/2",
      "Console e2e: feedback on the request first",
      today,
    );
    const note = { from: "requester", text: "Le séminaire a aidé", receivedOn: today };
    const feedback = await api("POST", `/assistance/requests/${id}/feedback`, note);
    expect(feedback.status, JSON.stringify(feedback.body)).toBe(201);

    const page = await signIn("experts", { at: "#/states/NER" });
    await page.getByRole("heading", { name: "Niger (NER)" }).waitFor();
    await settled(page);
    await page.getByLabel("Kind", { exact: true }).selectOption("assistance-feedback");
    const item = page.locator("#record-feedback-kind li", { hasText: "S/AC.44/2026/S38/NER/2" });
    const onRecord = item.locator('[data-field="feedback-on-record"]');
    await onRecord.waitFor();
    expect(await onRecord.textContent()).toBe(
      `: the State's feedback received ${today} is recorded on it and counts there: if this document is that note, ` +
        "do not record it again, or record it with the note's day and then link the feedback to it on the request's " +
        "page, so that it counts once.",
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Recorded all the same, the form says which feedback of that day it may be, to be linked (ADR 0070).
    await page.getByLabel("Received on (YYYY-MM-DD)").fill(today);
    await page.getByLabel("Document symbol").fill("S/AC.44/2026/S38/NER/NOTE");
    await page.getByRole("button", { name: "Record the submission" }).click();
    const said = page.getByRole("status").filter({ hasText: "Recorded S/AC.44/2026/S38/NER/NOTE" });
    await said.waitFor();
    expect(await said.textContent()).toBe(
      `Recorded S/AC.44/2026/S38/NER/NOTE (Assistance feedback, received ${today}). Niger's feedback received ` +
        `${today} on S/AC.44/2026/S38/NER/2 names no document: if it is this note, link them on the request's page, ` +
        "so that it counts once. The form is empty for the next document.",
    );
    expect(troubles).toEqual([]);
    await page.close();
  });
});

/**
 * Ghana's request, circulated ten days ago, with Bulgaria's offer proposed for it yesterday, the offer's last day: its
 * match's id and ETag.
 */
async function proposedOnTheOffersLastDay(): Promise<{ requestId: string; matchId: string; etag: string }> {
  const today = deskDay(new Date());
  const [received, yesterday] = [addDays(today, -10), addDays(today, -1)];
  const requestId = await circulatedRequest(
    "GHA",
    "S/AC.44/2026/GHA/LAPSED",
    "Console e2e: a match whose offer ended",
    received,
  );
  const offer = await api("POST", "/assistance/offers", {
    provider: { kind: "state", iso3: "BGR" },
    areas: ["legislation"],
    description: "Console e2e: drafting workshop that ended yesterday",
    validFrom: "2020-01-01",
    validUntil: yesterday,
  });
  expect(offer.status, JSON.stringify(offer.body)).toBe(201);
  const match = await api("POST", "/assistance/matches", { requestId, offerId: offer.body.id, on: yesterday });
  expect(match.status, JSON.stringify(match.body)).toBe(201);
  return { requestId, matchId: String(match.body.id), etag: String(match.etag) };
}

describe("a proposed match whose offer has ended", { timeout: 120_000 }, () => {
  it("is refused its acceptance by the API, and the page says why and offers declining alone", async () => {
    const { requestId, matchId, etag } = await proposedOnTheOffersLastDay();
    const today = deskDay(new Date());
    const accept = await api(
      "POST",
      `/assistance/matches/${matchId}/transitions`,
      { to: "accepted" },
      {
        "if-match": etag,
      },
    );
    expect(accept.status, JSON.stringify(accept.body)).toBe(409);
    expect(accept.body.detail).toContain(`is not valid on ${today} (today): its match to`);
    const unmoved = await api("GET", `/assistance/matches/${matchId}`);
    expect(unmoved.body).toMatchObject({ status: "proposed", history: [] });

    const page = await signIn("experts", { at: `#/assistance/${requestId}` });
    await settled(page);
    const ended = page.locator(`#match-${matchId}-withheld`);
    await ended.waitFor();
    expect(await ended.textContent()).toBe(
      `The offer ended on ${dayInWords(addDays(today, -1))}: it can no longer be accepted`,
    );
    const moveTo = page.getByLabel("Move to");
    expect(await moveTo.locator('option:not([value=""])').allTextContents()).toEqual(["declined"]);
    expect(await moveTo.getAttribute("aria-describedby")).toBe(`match-${matchId}-withheld`);
    expect(await page.locator('[data-list="matches"] [data-field="match-status"]').textContent()).toBe("proposed");
    await page.close();
    expect(troubles).toEqual([]);
  });
});
