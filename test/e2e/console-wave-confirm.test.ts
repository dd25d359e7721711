// The wave page's questions and refusals, in Debian's Chromium against the local stack (console audit 29, items 1, 2
// and 6): scheduling a second wave of the same letter to the same audience asks first, and keeping it a draft
// schedules nothing; a wave made through the API with a template not written to its audience shows the composer's
// caution and asks too; a schedule pressed after a colleague cancelled the wave says so, by whom and when, where the
// focus goes, though the page's actions are gone. Its letters (audit 30, item 11): a State written to at its Mission is
// listed and counted once, and a bounce is said in plain words. A halted wave (audit 31, bugs 3 and 5, item 7) names
// those it did not write to and the next step, and is read again while letters are queued, its ledger once a reading;
// once its rest is written it names it (audit 32), and so does the composer asked for it again (audit 33); a draft
// past its send time offers no Schedule, and a rest's the composer as the rest again.
// Screenshots go to .local/e2e/console/.
import { describe, expect, it } from "vitest";
import {
  apiRequests,
  consoleBrowser,
  focusedElement,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";
import { followUpWave } from "../support/follow-up-wave.ts";

// The schedule refused as stale is made on purpose.
const desk = consoleBrowser({ expectedErrors: /status of 412/ });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

async function created(body: unknown) {
  const answer = await api("POST", "/waves", body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer;
}

/** Cancels a wave so that no later test finds it among the waves of the same letter. */
async function cancelled(id: string) {
  const current = await api("GET", `/waves/${id}`);
  expect((await api("POST", `/waves/${id}/cancel`, undefined, { "if-match": current.etag })).status).toBe(200);
}

/** A wave of the March first-report request to its own audience: a second one writes to the same States again. */
const firstReportWave = (days: number, description: string) => ({
  ...followUpWave(days, description).body,
  templateId: "programme-first-report-request",
  audience: "non-reporting-states",
});

async function openWave(id: string, title: string) {
  const page = await signIn("secretariat", { at: `#/waves/${id}` });
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await settled(page);
  return page;
}

describe("the wave page's questions", { timeout: 120_000 }, () => {
  it("asks before scheduling a second wave of the same letter to the same audience; kept a draft, nothing is scheduled", async () => {
    const first = await created(firstReportWave(2, "Same letter, first (wave confirm)"));
    const scheduled = await api("POST", `/waves/${first.body.id}/schedule`, undefined, { "if-match": first.etag });
    expect(scheduled.status).toBe(200);
    const second = await created(firstReportWave(2, "Same letter, second (wave confirm)"));
    const id = second.body.id;
    const templateReads = apiRequests(desk.stack, "GET", "/templates/programme-first-report-request");
    const page = await openWave(id, "Same letter, second (wave confirm)");
    await page.locator('[data-field="same-letter"]').waitFor();
    // Read once for the facts and the cautions alike; read again only at the press (below). The stack logs a request
    // when its answer is handed to the socket, which under load may be after the page has drawn it: polled.
    await expect.poll(() => templateReads()).toHaveLength(1);

    const schedules = apiRequests(desk.stack, "POST", `/waves/${id}/schedule`);
    await page.getByRole("button", { name: "Schedule the wave" }).click();
    const question = page.getByRole("group", { name: "Schedule this wave all the same?" });
    await question.waitFor();
    const instant = scheduled.body.sendInstant;
    expect(await question.locator('[data-field="schedule-doubts"]').textContent()).toContain(
      `“Same letter, first (wave confirm)” (scheduled, sends ${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC)`,
    );
    // The safe answer has the focus, so a second Enter does no harm.
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Keep it a draft");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-schedule-same-letter-1280.png");
    await page.getByRole("button", { name: "Keep it a draft" }).click();
    await question.waitFor({ state: "detached" });
    await expect.poll(async () => (await focusedElement(page)).id).toBe("schedule-wave");
    expect((await api("GET", `/waves/${id}`)).body.status).toBe("draft");
    expect(schedules()).toEqual([]);

    // Asked again and answered yes, the wave is scheduled.
    await page.getByRole("button", { name: "Schedule the wave" }).click();
    await page.getByRole("button", { name: "Yes, schedule it all the same" }).click();
    await page.locator('[data-field="status"]', { hasText: "scheduled" }).waitFor();
    expect((await api("GET", `/waves/${id}`)).body.status).toBe("scheduled");
    await page.close();
    await cancelled(first.body.id);
    await cancelled(id);
  });

  it("schedules a second follow-up wave without asking: each State owed gets one letter, whichever dispatches first", async () => {
    const first = await created(followUpWave(2, "Follow-up, first (wave confirm)").body);
    expect((await api("POST", `/waves/${first.body.id}/schedule`, undefined, { "if-match": first.etag })).status).toBe(
      200,
    );
    const second = await created(followUpWave(2, "Follow-up, second (wave confirm)").body);
    const page = await openWave(second.body.id, "Follow-up, second (wave confirm)");
    expect(await page.locator('[data-field="same-letter"]').textContent()).toContain(
      "Each State owed its follow-up gets one letter: whichever wave dispatches first writes to it",
    );
    await page.getByRole("button", { name: "Schedule the wave" }).click();
    await page.locator('[data-field="status"]', { hasText: "scheduled" }).waitFor();
    expect(await page.getByRole("group", { name: "Schedule this wave all the same?" }).count()).toBe(0);
    await page.close();
    await cancelled(first.body.id);
    await cancelled(second.body.id);
  });

  it("shows the composer's caution on a wave made through the API for an audience its letter is not written to, and asks", async () => {
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const wave = await created({
      templateId: "programme-first-report-request",
      audience: "reporting-states",
      sendAt: `${day}T09:00`,
      timeZone: "UTC",
      notAfter: `${day}T23:00:00Z`,
      deadline: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
      description: "First-report request to the reporting States (wave confirm)",
    });
    const page = await openWave(wave.body.id, "First-report request to the reporting States (wave confirm)");
    const caution = page.locator('[data-field="audience-caution"]');
    await caution.waitFor();
    expect(await caution.textContent()).toContain("is written to “States without a first national report” only");
    // In UTC the send time is said once.
    expect(await page.locator('[data-field="sends"]').textContent()).toBe(`${day} 09:00 UTC`);

    const schedules = apiRequests(desk.stack, "POST", `/waves/${wave.body.id}/schedule`);
    await page.getByRole("button", { name: "Schedule the wave" }).click();
    const question = page.getByRole("group", { name: "Schedule this wave all the same?" });
    expect(await question.locator('[data-field="schedule-doubts"]').textContent()).toContain(
      "its letters may say what is not so",
    );
    await page.keyboard.press("Escape");
    await question.waitFor({ state: "detached" });
    expect((await api("GET", `/waves/${wave.body.id}`)).body.status).toBe("draft");
    expect(schedules()).toEqual([]);
    await page.close();
    await cancelled(wave.body.id);
  });

  it("says a schedule pressed after a colleague cancelled the wave was not made, by whom and when, and focuses it", async () => {
    const draft = await created(followUpWave(3, "Cancelled by a colleague (wave confirm)").body);
    const id = draft.body.id;
    const page = await openWave(id, "Cancelled by a colleague (wave confirm)");
    await cancelled(id);
    const [cancel] = (await api("GET", `/audit?entity=wave:${id}`)).body.items.filter(
      (entry: { action: string }) => entry.action === "wave.cancel",
    );
    const refused = page.waitForResponse((response) => response.url().endsWith(`/waves/${id}/schedule`));
    await page.getByRole("button", { name: "Schedule the wave" }).click();
    expect((await refused).status()).toBe(412);
    const statement = page.locator("#wave-moved-meanwhile");
    await statement.waitFor();
    const at = `${cancel.at.slice(0, 10)} ${cancel.at.slice(11, 16)} UTC`;
    expect(await statement.textContent()).toBe(
      `Not scheduled: the wave was cancelled by ${cancel.actor.username} at ${at}; it sends nothing.`,
    );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("wave-moved-meanwhile");
    expect(await page.locator('[data-field="status"]').textContent()).toBe("cancelled");
    expect(await page.getByRole("button", { name: "Schedule the wave" }).count()).toBe(0);
    expect((await api("GET", `/waves/${id}`)).body.status).toBe("cancelled");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-schedule-after-cancel-1280.png");
    await page.close();
  });

  it("lists and counts a State written to at its Mission once, and says a bounce in plain words", async () => {
    const wave = await created(followUpWave(2, "Letters as counted (wave confirm)").body);
    const id = wave.body.id;
    const message = (recipient: string, owner: string, status: string, more = {}) => ({
      waveId: id,
      recipient,
      owner,
      status,
      notAfter: wave.body.notAfter,
      claims: status === "skipped" ? 0 : 1,
      createdAt: wave.body.createdAt,
      updatedAt: wave.body.createdAt,
      ...more,
    });
    // The ledger of a dispatched wave as the API keeps it (a dispatch takes minutes): the page's reading is the test.
    const ledger = [
      message("owner:STATE:PRK", "STATE:PRK", "skipped", { skipReason: "no-active-contact" }),
      message("C-PRK-MISSION", "STATE:PRK", "sent", { email: "mission@prk-mission.example" }),
      message("C-GIN-POC", "STATE:GIN", "skipped", { skipReason: "bounced", reason: "bounced" }),
      message("C-GIN-MISSION", "STATE:GIN", "sent", { email: "mission@gin-mission.example" }),
      message("C-MLI-POC", "STATE:MLI", "bounced", {
        email: "poc.mli@example.org",
        reason: "hard bounce (General): smtp; 550 5.1.1 user unknown",
      }),
    ];
    const counts = { sent: 2, bounced: 1, skipped: 2 };
    const page = await signIn("secretariat");
    await page.route(`**/waves/${id}`, async (route) =>
      route.fulfill({ response: await route.fetch(), json: { ...wave.body, status: "completed", counts } }),
    );
    await page.route(`**/waves/${id}/messages**`, async (route) =>
      route.fulfill({ response: await route.fetch(), json: { items: ledger } }),
    );
    // Its rest was written, and completed (audit 32, bug 2): the page names it in place of "Write to the rest".
    const rest = { ...wave.body, id: "01RESTOFHALTEDWAVECONFIRM0", description: "Its rest (wave confirm)", restOf: id };
    // Its letters, which the chain's pages read for late bounces (audit 33, bug 1): none bounced.
    await page.route(`**/waves/${rest.id}/messages**`, async (route) => route.fulfill({ json: { items: [] } }));
    await page.route(`**/waves/${rest.id}/unreached**`, async (route) => route.fulfill({ json: { items: [] } }));
    await page.route(/\/waves\?/, async (route) => {
      const listed = await route.fetch();
      const { items } = (await listed.json()) as { items: unknown[] };
      await route.fulfill({ response: listed, json: { items: [...items, { ...rest, status: "completed" }] } });
    });
    await go(page, `#/waves/${id}`);
    await page.getByRole("heading", { name: "Letters", exact: true }).waitFor();
    await settled(page);

    expect(await page.locator('[data-field="progress"]').textContent()).toBe("3 of 3 letters settled.");
    expect(
      await page.locator("[data-count]").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-count"))),
    ).toEqual(["sent", "bounced"]);
    expect(await page.locator('[data-field="beside-letters"]').textContent()).toBe(
      "1 State with no active point of contact was written to at its Permanent Mission: its letter is counted " +
        "above. 1 contact was skipped (no letter went to it): its row under Letters says why.",
    );
    const rows = page
      .locator("table", { has: page.locator("caption", { hasText: "Letters of the wave" }) })
      .locator("tbody tr");
    expect(await rows.count()).toBe(4);
    const prk = rows.filter({ hasText: "(PRK)" });
    expect(await prk.count()).toBe(1);
    expect(await prk.locator("td").last().textContent()).toBe(
      "Written to its Permanent Mission: the State has no active point of contact.",
    );
    const mali = rows.filter({ hasText: "(MLI)" }).locator("td").last();
    expect(await mali.textContent()).toMatch(
      /^The address refused the letter for good \(a hard bounce\)\. The desk marks the contact unreachable by e-mail/,
    );
    expect(await mali.locator(".muted").textContent()).toBe("SES: hard bounce (General): smtp; 550 5.1.1 user unknown");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-letters-counted-1280.png");
    await page.close();
    await cancelled(id);
  });

  it("says who a halted wave did not write to and what to do next, reading on while letters are queued; a draft past its send time offers no Schedule", async () => {
    const wave = await created(followUpWave(2, "Halted (wave confirm)").body);
    const id = wave.body.id;
    const halt = "hard bounces reached 5% of the letters out: 2 of 36 (5.6%)";
    const message = (recipient: string, owner: string, status: string, more = {}) => ({
      waveId: id,
      recipient,
      owner,
      status,
      notAfter: wave.body.notAfter,
      claims: status === "skipped" ? 0 : 1,
      createdAt: wave.body.createdAt,
      updatedAt: wave.body.createdAt,
      ...more,
    });
    // Audit 31's halt, in small: Zimbabwe's letter is still queued at the halt, then failed; Fiji's Mission's failed.
    const failed = { reason: `wave halted: ${halt}` };
    const ledger = [
      message("C-MLI-POC", "STATE:MLI", "sent"),
      message("owner:STATE:FJI", "STATE:FJI", "skipped", { skipReason: "no-active-contact" }),
      message("C-FJI-MISSION", "STATE:FJI", "failed", failed),
      message("C-ZWE-POC", "STATE:ZWE", "failed", failed),
    ];
    let waveReads = 0;
    const page = await signIn("secretariat");
    await page.route(`**/waves/${id}`, async (route) => {
      waveReads += 1;
      // The first reading finds a letter queued: the page must read again, though the wave is halted.
      const counts =
        waveReads === 1 ? { sent: 1, failed: 1, queued: 1, skipped: 1 } : { sent: 1, failed: 2, skipped: 1 };
      await route.fulfill({
        response: await route.fetch(),
        json: { ...wave.body, status: "halted", haltReason: halt, counts },
      });
    });
    let ledgerReads = 0;
    await page.route(`**/waves/${id}/messages**`, async (route) => {
      ledgerReads += 1;
      await route.fulfill({ response: await route.fetch(), json: { items: ledger } });
    });
    // Its rest was written, and completed (audit 32, bug 2): the page names it in place of "Write to the rest".
    const rest = { ...wave.body, id: "01RESTOFHALTEDWAVECONFIRM0", description: "Its rest (wave confirm)", restOf: id };
    // Its letters, which the chain's pages read for late bounces (audit 33, bug 1): none bounced.
    await page.route(`**/waves/${rest.id}/messages**`, async (route) => route.fulfill({ json: { items: [] } }));
    await page.route(`**/waves/${rest.id}/unreached**`, async (route) => route.fulfill({ json: { items: [] } }));
    await page.route(/\/waves\?/, async (route) => {
      const listed = await route.fetch();
      const { items } = (await listed.json()) as { items: unknown[] };
      await route.fulfill({ response: listed, json: { items: [...items, { ...rest, status: "completed" }] } });
    });
    // The composer asked for its rest all the same names that rest and offers no form (audit 33, item 7).
    await go(page, `#/waves/new?restOf=${id}`);
    const written = page.locator('[data-field="rest-written"]');
    await written.waitFor();
    expect(await written.textContent()).toBe(
      `The rest of “${wave.body.description}” is already written: “Its rest (wave confirm)” (completed). Open it: a ` +
        "wave has one rest, and a second would write to the same States and organizations again.",
    );
    expect(await written.getByRole("link").getAttribute("href")).toBe(`#/waves/${rest.id}`);
    expect(await page.getByRole("button", { name: "Create the draft wave" }).count()).toBe(0);
    ledgerReads = 0;
    await go(page, `#/waves/${id}`);
    await page.getByRole("heading", { name: "What to do next" }).waitFor();
    await page.locator('[data-field="progress"]', { hasText: "3 of 3 letters settled." }).waitFor();
    expect(await page.locator('[data-field="not-written-to"]').textContent()).toBe(
      "Not written to (2): the wave halted before their letters left.",
    );
    expect(await page.locator('[data-list="not-written-to"] li').allTextContents()).toEqual(["Fiji", "Zimbabwe"]);
    expect(await page.getByText("Every State and organization of the audience was written to.").count()).toBe(0);
    const fiji = page
      .locator("table", { has: page.locator("caption", { hasText: "Letters of the wave" }) })
      .locator("tbody tr", { hasText: "(FJI)" });
    expect(await fiji.locator("td").last().textContent()).toMatch(/^Not written to: the State has no active point/);
    expect(await page.getByRole("link", { name: "Compose a new wave with this template" }).count()).toBe(1);
    await page.locator('[data-field="wave-rest"]').waitFor();
    expect(await page.locator('[data-field="wave-rest"]').textContent()).toBe(
      "Its rest: “Its rest (wave confirm)” (completed)",
    );
    expect(await page.getByRole("link", { name: "Write to the rest" }).count()).toBe(0);
    await keepScreenshot(page, "wave-halted-1280.png");
    // Its ledger read once for each version of the wave read (letters queued, then settled): Letters, Not reached and
    // the rest chain read it back from one reading (review of audit 33).
    await expect.poll(() => ledgerReads).toBe(2);

    // The same wave as a draft whose send time passed an hour ago, written as the rest of another halted wave: its
    // way on is the composer as that rest again, not a plain new wave (audit 32, bug 3).
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const restOf = "01HALTEDBEFORETHISRESTWAVE";
    await page.unroute(`**/waves/${id}`);
    await page.route(`**/waves/${id}`, async (route) =>
      route.fulfill({
        response: await route.fetch(),
        json: {
          ...wave.body,
          sendAt: anHourAgo.slice(0, 16),
          timeZone: "UTC",
          sendInstant: anHourAgo,
          restOf,
          counts: {},
        },
      }),
    );
    await go(page, "#/waves");
    await go(page, `#/waves/${id}`);
    await page.locator('[data-field="send-time-passed"]').waitFor();
    await settled(page);
    expect(await page.getByRole("button", { name: "Schedule the wave" }).count()).toBe(0);
    expect(await page.locator('[data-field="send-time-passed"] p').first().textContent()).toBe(
      `Its send time, ${anHourAgo.slice(0, 10)} ${anHourAgo.slice(11, 16)} UTC, has passed: it can no longer be ` +
        "scheduled. To send its letter, write to the rest of the halted wave again, with a later send time.",
    );
    expect(await page.getByRole("link", { name: "Write to the rest again" }).getAttribute("href")).toBe(
      `#/waves/new?restOf=${restOf}`,
    );
    // A draft lists no letters: the halted wave's two readings were all (a third, late, would show here).
    expect(ledgerReads).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    // Home lists the completed rest whose chain left Fiji and Zimbabwe unwritten (review of audit 33).
    await go(page, "#/");
    const rests = page.locator('[data-list="rests-not-reached"] li');
    await rests.first().waitFor();
    expect(await rests.allTextContents()).toEqual([
      "Its rest (wave confirm): completed, but its chain did not reach 2 States or organizations after all (their " +
        "letters bounced or failed). Its page names them and the next step.",
    ]);
    expect(await rests.getByRole("link").getAttribute("href")).toBe(`#/waves/${rest.id}`);
    await page.close();
    await cancelled(id);
  });

  it("had no console error, page error or CSP report", () => {
    expect(troubles).toEqual([]);
  });
});
