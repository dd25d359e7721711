// An assistance request's page when a colleague wrote first, in Debian's Chromium against the local stack: an expert
// records the State's consent through the API while the secretariat types it (the 412 is read again in place: the page
// says the consent is on record and since when, and draws the consent form no more), withdraws the request while the
// officer opens its consent window (the page says who withdrew it and when; no move is offered), or records the consent
// while the officer withdraws it (the withdrawal is still possible: the form keeps the officer's note, and a second
// press makes it). The API shows that no refused press wrote anything. Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { deskDay } from "#shared/zoned-time.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import { apiCaller } from "../support/api-call.ts";
import {
  apiRequests,
  consoleBrowser,
  focusedElement,
  type Json,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// 412: the stale writes, refused on purpose.
const desk = consoleBrowser({ expectedErrors: /status of 412/ });
const api = secretariatApi(desk);
/** The colleague, by a username of their own: the page names them. */
const expert = apiCaller<Json>(
  () => desk.stack.apiUrl,
  () => issueToken(desk.stack.jwtKeys, { group: "experts", username: "j.expert" }),
);

/** The desk's day `days` ago (New York's). */
const deskDayAgo = (days: number) => deskDay(new Date(Date.now() - days * 86_400_000));

/** The demo request of `iso3` in `status`, as the API has it. */
async function requestOf(status: string, iso3: string): Promise<Json> {
  const listed = await api("GET", `/assistance/requests?status=${status}&limit=100`);
  const request = (listed.body.items as Json[]).find((item) => item.iso3 === iso3);
  if (!request) throw new Error(`no ${status} request of ${iso3}`);
  return request;
}

async function openRequest(page: Page, id: string): Promise<void> {
  await desk.go(page, `#/assistance/${id}`);
  await page.getByRole("heading", { name: /^Assistance request / }).waitFor();
  await settled(page);
}

/** The colleague's write through the API, against the request as it stands. */
async function byColleague(id: string, write: "consent" | "transitions", body: Json): Promise<void> {
  const read = await expert("GET", `/assistance/requests/${id}`);
  const written = await expert("POST", `/assistance/requests/${id}/${write}`, body, { "if-match": read.etag });
  expect(written.status).toBe(200);
}

/** The moves the request's page offers, by the API's codes (after the empty "Choose a move"). */
const offeredMoves = (page: Page) =>
  page
    .getByLabel("New status")
    .locator('option:not([value=""])')
    .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));

/** Presses `button`, meets the 412, and reads the request again in the refused form. */
async function refusedThenReadAgain(page: Page, form: string, button: string): Promise<void> {
  const refused = page.getByRole("form", { name: form });
  await refused.getByRole("button", { name: button }).click();
  await refused.getByText("Someone else changed this since you opened it").waitFor();
  await refused.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();
  await page.locator("#request-now").waitFor();
  await expect.poll(async () => (await focusedElement(page)).id).toBe("request-now");
}

const auditActions = async (id: string): Promise<string[]> =>
  ((await api("GET", `/audit?entity=assistance-request:${id}&limit=100`)).body.items as Json[]).map(
    (entry) => entry.action,
  );

describe("an assistance request's page when a colleague wrote first", { timeout: 120_000 }, () => {
  it("says the consent a colleague recorded meanwhile, draws its form no more, and writes nothing", async () => {
    // Senegal's consent window is open: circulation waits for the window or the consent.
    const { id } = await requestOf("consent-window", "SEN");
    const page = await desk.signIn("secretariat");
    await openRequest(page, id);
    expect(await offeredMoves(page)).toEqual(["withdrawn"]);
    await page.getByLabel(/How the consent came/).fill("Note Verbale NV/2026/SEN/88");
    const consentedOn = deskDayAgo(2);
    await byColleague(id, "consent", { reason: "Note verbale from the Permanent Mission", on: consentedOn });
    const posts = apiRequests(desk.stack, "POST", `/assistance/requests/${id}/consent`);

    await refusedThenReadAgain(page, "Record the State's consent to circulation", "Record the consent");
    expect(await page.locator("#request-now").textContent()).toBe(
      "Your consent was not recorded: meanwhile, the State's consent to circulation was recorded (received on " +
        `${consentedOn}, recorded by j.expert).`,
    );
    expect(await page.getByRole("button", { name: "Record the consent" }).count()).toBe(0);
    expect(await page.getByText(`consent window: the State consented on ${consentedOn}`).count()).toBe(1);
    expect(await page.locator('[data-history="consent"]').textContent()).toBe(
      `${consentedOn} The State's consent to circulation received`,
    );
    // With the consent on record, circulation is offered now.
    await expect.poll(() => offeredMoves(page)).toEqual(["circulated", "withdrawn"]);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-consent-stale-1280.png");

    // The one press was refused; the colleague's consent stands, recorded once.
    expect(posts().map((line) => line.split(" ")[2])).toEqual(["412"]);
    const request = (await api("GET", `/assistance/requests/${id}`)).body;
    expect(request.consentedOn).toBe(consentedOn);
    expect((await auditActions(id)).filter((action) => action === "assistance.request.consent")).toHaveLength(1);
    await page.close();
  });

  it("says who withdrew the request meanwhile, offers no move, and writes nothing", async () => {
    const { id } = await requestOf("acknowledged", "GTM");
    const page = await desk.signIn("secretariat");
    await openRequest(page, id);
    await page.getByLabel("New status").selectOption("consent-window");
    await page.getByLabel("Note (optional)").fill("Window opened after the call with the mission");
    await byColleague(id, "transitions", { to: "withdrawn", note: "The State withdrew its request" });
    const posts = apiRequests(desk.stack, "POST", `/assistance/requests/${id}/transitions`);

    await refusedThenReadAgain(page, "Move the request", "Open the consent window");
    expect(await page.locator("#request-now").textContent()).toBe(
      `The request was not moved: meanwhile, the request was withdrawn on ${deskDay(new Date())} (recorded by ` +
        "j.expert). A withdrawn request moves no more.",
    );
    expect(await page.locator('[data-field="status"]').textContent()).toBe("withdrawn");
    expect(await page.getByRole("form", { name: "Move the request" }).count()).toBe(0);
    expect(await page.locator("#move-final").textContent()).toBe("A withdrawn request moves no more.");
    expect(await page.getByRole("button", { name: "Record the consent" }).count()).toBe(0);
    // Ended: no candidate is ranked, and the page says why.
    expect(await page.locator("#candidates-closed").textContent()).toContain("The State withdrew the request");
    expect(await page.locator('[data-list="candidates"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "assistance-move-stale-1280.png");

    expect(posts().map((line) => line.split(" ")[2])).toEqual(["412"]);
    const request = (await api("GET", `/assistance/requests/${id}`)).body;
    expect(request.history.map((move: Json) => [move.to, move.by.username ?? move.by.id])).toEqual([
      ["acknowledged", "seed-demo"],
      ["withdrawn", "j.expert"],
    ]);
    await page.close();
  });

  it("keeps the officer's move and note while it is still possible, and makes it on the next press", async () => {
    const { id } = await requestOf("consent-window", "KHM");
    const page = await desk.signIn("secretariat");
    await openRequest(page, id);
    await page.getByLabel("New status").selectOption("withdrawn");
    const note = "The mission asked to withdraw it";
    await page.getByLabel("Note (optional)").fill(note);
    const consentedOn = deskDayAgo(4);
    await byColleague(id, "consent", { reason: "Note verbale from the Permanent Mission", on: consentedOn });

    await refusedThenReadAgain(page, "Move the request", "Record the withdrawal");
    expect(await page.locator("#request-now").textContent()).toBe(
      "The request was not moved: meanwhile, the State's consent to circulation was recorded (received on " +
        `${consentedOn}, recorded by j.expert). "Record the withdrawal" is still possible: the form keeps what you ` +
        "typed.",
    );
    // The officer's choice and note kept.
    await expect.poll(() => offeredMoves(page)).toEqual(["circulated", "withdrawn"]);
    expect(await page.getByLabel("New status").inputValue()).toBe("withdrawn");
    expect(await page.getByLabel("Note (optional)").inputValue()).toBe(note);
    await page.getByRole("button", { name: "Record the withdrawal" }).click();
    await page.locator('[data-field="status"]').getByText("withdrawn").waitFor();
    const request = (await api("GET", `/assistance/requests/${id}`)).body;
    expect(request.history.at(-1)).toMatchObject({ to: "withdrawn", note });
    expect(request.consentedOn).toBe(consentedOn);
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(desk.troubles).toEqual([]);
  });
});
