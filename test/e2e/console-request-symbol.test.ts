// One symbol, one document (ADR 0068), in the console, in Debian's Chromium against the local stack: a request that
// arrived in one of its State's documents (the same symbol, case aside) says so on its page, linked to the State's
// page, where the document is marked as also the request; nothing is said once the document is voided, nor when the
// documents cannot be read. A request under another State's document, or a document under another State's request, is
// refused (409) at the symbol's field, which takes the focus, saying where the symbol is recorded; nothing is written.
// The two refusals wait on the API's side of ADR 0068. Screenshots (DESK_SCREENSHOTS=1) go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
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

// 409: the refusals of a symbol on purpose; 500: the State's documents made unreadable on purpose.
const desk = consoleBrowser({ expectedErrors: /status of (409|500)/ });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

/** A document recorded through the API, as the secretariat received it. */
async function recordDocument(iso3: string, kind: string, symbol: string, receivedOn: string): Promise<Json> {
  const recorded = await api("POST", `/states/${iso3}/submissions`, { kind, receivedOn, symbol, language: "en" });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  return recorded.body;
}

async function openRequest(page: Page, id: string): Promise<void> {
  await go(page, `#/assistance/${id}`);
  await page.getByRole("heading", { name: /^Assistance request / }).waitFor();
  await settled(page);
}

/**
 * Opens the request's page and waits until it has read the State's documents (or been refused them) and drawn what
 * it read: only then does a line that is not there say that the page shows none.
 */
async function openRequestRead(page: Page, id: string, iso3: string): Promise<void> {
  const read = page.waitForEvent("requestfinished", (request) =>
    new URL(request.url()).pathname.endsWith(`/states/${iso3}/submissions`),
  );
  await openRequest(page, id);
  await read;
  await page.evaluate(
    () =>
      new Promise((drawn) =>
        (globalThis as unknown as { requestAnimationFrame(next: () => void): void }).requestAnimationFrame(() =>
          setTimeout(drawn),
        ),
      ),
  );
}

/** Fills the request form of a State's page (its State given) and presses it. */
async function recordRequestOnStatePage(page: Page, symbol: string, receivedOn: string): Promise<void> {
  const panel = page.getByRole("region", { name: "Assistance requests" });
  await panel.getByLabel("Request symbol").fill(symbol);
  await panel.getByLabel("Day received (YYYY-MM-DD)").fill(receivedOn);
  await panel.getByLabel("Legislation").check();
  await panel.getByLabel("What the State asks for").fill("Console e2e: a review of the export control law");
  await panel.getByRole("button", { name: "Record the request" }).click();
}

const symbolsOfRequests = async (iso3: string): Promise<string[]> =>
  ((await api("GET", `/assistance/requests?iso3=${iso3}&limit=100`)).body.items as Json[]).map((r) => r.symbol);

const symbolsOfDocuments = async (iso3: string): Promise<string[]> =>
  ((await api("GET", `/states/${iso3}/submissions?limit=100`)).body.items as Json[]).map((s) => s.symbol);

describe("a request and a document that share their symbol, session 41", { timeout: 120_000 }, () => {
  it("marks the document on the State's page once a request arrived in it, and names it on the request's page", async () => {
    await recordDocument("GMB", "first-report", "S/AC.44/2026/7", "2026-05-02");
    const page = await signIn("secretariat", { at: "#/states/GMB" });
    await page.getByRole("heading", { name: "Gambia (GMB)" }).waitFor();
    await settled(page);
    const documents = page.getByRole("region", { name: "Submissions received" });
    const row = documents.getByRole("row").filter({ hasText: "S/AC.44/2026/7" });
    await row.waitFor();
    expect(await row.locator('[data-field="also-request"]').count()).toBe(0);

    // The request recorded here, its symbol typed in lower case: the document is marked at once, linking the request.
    await recordRequestOnStatePage(page, "s/ac.44/2026/7", "2026-05-03");
    await page.getByText("Recorded s/ac.44/2026/7.").waitFor();
    const requestId = ((await api("GET", "/assistance/requests?iso3=GMB&limit=100")).body.items as Json[]).find(
      (request) => request.symbol === "s/ac.44/2026/7",
    )?.id;
    const also = row.locator('[data-field="also-request"]');
    await also.waitFor();
    expect(await also.textContent()).toBe(" (also assistance request s/ac.44/2026/7)");
    const toRequest = also.getByRole("link", { name: "assistance request s/ac.44/2026/7" });
    expect(await toRequest.getAttribute("href")).toBe(`#/assistance/${requestId}`);
    // The mark is not in the row's symbol, which names the row's button.
    expect(await row.getByRole("button", { name: "Correct or void" }).getAttribute("aria-describedby")).toBeTruthy();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(documents, "request-symbol-state-documents.png");

    await toRequest.click();
    await page.getByRole("heading", { name: "Assistance request s/ac.44/2026/7" }).waitFor();
    await settled(page);
    const line = page.locator("#request-document");
    await expect
      .poll(() => line.textContent())
      .toBe("Received in Gambia's first national report S/AC.44/2026/7 (received 2026-05-02)");
    const toState = line.getByRole("link", { name: "Gambia's first national report S/AC.44/2026/7" });
    expect(await toState.getAttribute("href")).toBe("#/states/GMB");
    // Under the line saying whom the request is from and when it came.
    expect(await page.locator("p:has(> [data-field='status']) + p").getAttribute("id")).toBe("request-document");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "request-symbol-document-1280.png", { windowOnly: true });
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, "request-symbol-document-390.png", { windowOnly: true });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("says nothing when the documents cannot be read, when none shares the symbol, or once it is voided", async () => {
    await recordDocument("SOM", "first-report", "S/AC.44/2026/S41/SOM", "2026-06-01");
    const request = await api("POST", "/assistance/requests", {
      iso3: "SOM",
      areas: ["legislation"],
      description: "Console e2e: arrived in the first report",
      receivedOn: "2026-06-01",
      symbol: "S/AC.44/2026/S41/SOM",
      consentedToCirculation: false,
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const id = String(request.body.id);
    const page = await signIn("secretariat");

    // The documents refused by the server: the page stands whole without the line.
    const unreadable = (url: URL) => url.pathname.endsWith("/states/SOM/submissions");
    await page.route(unreadable, (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/problem+json",
        body: JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500 }),
      }),
    );
    await openRequestRead(page, id, "SOM");
    await page.getByRole("heading", { name: "History" }).waitFor();
    await page.getByLabel("New status").waitFor();
    expect(await page.locator("#request-document").count()).toBe(0);
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.unroute(unreadable);

    // Read, the line is there.
    await go(page, "#/");
    await openRequest(page, id);
    await page.locator("#request-document").waitFor();

    // Another State's request whose symbol no document of its State has: nothing.
    const other = await api("POST", "/assistance/requests", {
      iso3: "MRT",
      areas: ["legislation"],
      description: "Console e2e: a Note Verbale of its own",
      receivedOn: "2026-06-02",
      symbol: "S/AC.44/2026/S41/MRT",
      consentedToCirculation: false,
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    await openRequestRead(page, String(other.body.id), "MRT");
    expect(await page.locator("#request-document").count()).toBe(0);

    // The document voided: it counts as never recorded, and the request's page names it no more.
    const [document] = ((await api("GET", "/states/SOM/submissions?limit=100")).body.items as Json[]).filter(
      (submission) => submission.symbol === "S/AC.44/2026/S41/SOM",
    );
    const read = await api("GET", `/states/SOM/submissions/${document.id}`);
    const voided = await api(
      "POST",
      `/states/SOM/submissions/${document.id}/void`,
      { reason: "Console e2e: recorded in error" },
      { "if-match": read.etag },
    );
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    await openRequestRead(page, id, "SOM");
    expect(await page.locator("#request-document").count()).toBe(0);
    expect(troubles).toEqual([]);
    await page.close();
  });

  // Waits on the API's side of ADR 0068: until it lands, the request is recorded.
  it("refuses a request under another State's document at its symbol, which takes the focus, recording nothing", async () => {
    await recordDocument("JAM", "action-plan", "S/AC.44/2026/S41/JAM", "2026-05-02");
    const page = await signIn("secretariat", { at: "#/states/KEN" });
    await page.getByRole("heading", { name: "Kenya (KEN)" }).waitFor();
    await settled(page);
    await recordRequestOnStatePage(page, "S/AC.44/2026/S41/JAM", "2026-05-04");
    const atSymbol = page.locator("#new-request-symbol-problem");
    await atSymbol.waitFor();
    expect(await atSymbol.textContent()).toMatch(
      /^S\/AC\.44\/2026\/S41\/JAM is already recorded as Jamaica's national implementation action plan, received 2026-05-02: /,
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("new-request-symbol");
    expect(await page.locator("#new-request-problem").count()).toBe(0);
    expect(await page.locator("#new-request-symbol").getAttribute("aria-describedby")).toBe(
      "new-request-symbol-problem",
    );
    expect(await symbolsOfRequests("KEN")).not.toContain("S/AC.44/2026/S41/JAM");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(
      page.getByRole("form", { name: "Record a request from this State" }),
      "request-symbol-refused.png",
    );
    expect(troubles).toEqual([]);
    await page.close();
  });

  // Waits on the API's side of ADR 0068: until it lands, the document is recorded.
  it("refuses a document under another State's request at its symbol, which takes the focus, recording nothing", async () => {
    const request = await api("POST", "/assistance/requests", {
      iso3: "GIN",
      areas: ["legislation"],
      description: "Console e2e: a Note Verbale",
      receivedOn: "2026-06-01",
      symbol: "S/AC.44/2026/S41/GIN",
      consentedToCirculation: false,
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const page = await signIn("secretariat", { at: "#/states/MLI" });
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    await settled(page);
    await page.getByLabel("Received on (YYYY-MM-DD)").fill("2026-06-03");
    await page.getByLabel("Document symbol").fill("s/ac.44/2026/s41/gin");
    await page.getByRole("button", { name: "Record a first report" }).click();
    const atSymbol = page.locator("#symbol-problem");
    await atSymbol.waitFor();
    expect(await atSymbol.textContent()).toMatch(
      /^s\/ac\.44\/2026\/s41\/gin is already recorded as Guinea's assistance request, received 2026-06-01: /,
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("symbol");
    expect(await page.locator("#record-problem").count()).toBe(0);
    // Not one of Mali's own documents: nothing to open in the list.
    expect(await page.getByRole("button", { name: /^Open .* in the list$/ }).count()).toBe(0);
    expect((await symbolsOfDocuments("MLI")).map((symbol) => symbol.toUpperCase())).not.toContain(
      "S/AC.44/2026/S41/GIN",
    );
    expect(troubles).toEqual([]);
    await page.close();
  });
});
