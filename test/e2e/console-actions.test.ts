// Controls the API had and the console lacked, in Debian's Chromium against the local stack: correcting a contact
// (only what changed sent; a stale correction read again in place, keeping what was typed; an address another active
// contact holds said at the e-mail), sending again a letter left unknown, dispatching a stalled wave again (a wave its
// schedule missed read again only then), and the organizations (listed, added and corrected, their points of contact
// kept, their timelines and the letters they were sent listed as a State's), each written by the secretariat only. The crash that leaves a letter unknown or a wave dispatching is not
// made here (test/integration/unknown-letters.test.ts and wave-sweep.test.ts make it): its outcome is written to
// the stack's DynamoDB Local through the stores. Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { systemClock } from "#shared/clock.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { waveScheduleName } from "#shared/waves/scheduler.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import {
  type ConsoleGroup,
  consoleBrowser,
  focusedElement,
  holdReadings,
  type Json,
  keepScreenshot,
  overflowOf,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// 409: an address in use and a letter sent again too early, refused on purpose; 412: a stale correction.
const desk = consoleBrowser({ expectedErrors: /status of (409|412|422)/ });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);
const audit = { actor: systemActor("console-actions-e2e") };
const HOUR = 3_600_000;

/** A contact of Norway's of its own, so that each test corrects one nobody else touches. */
async function norwegianContact(name: string): Promise<Json> {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}.${Date.now()}@example.org`;
  const created = await api("POST", "/contacts", { owner: "STATE:NOR", role: "capital-poc", name, email });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function openNorway(group: ConsoleGroup = "secretariat") {
  const page = await signIn(group, { at: "#/states/NOR" });
  await page.getByRole("heading", { name: "Norway (NOR)" }).waitFor();
  await settled(page);
  return page;
}

async function openWave(wave: Wave, group: ConsoleGroup = "secretariat") {
  const page = await signIn(group, { at: `#/waves/${wave.id}` });
  await page.getByRole("heading", { name: `Wave ${wave.id}` }).waitFor();
  await settled(page);
  return page;
}

function stores() {
  const doc = createDocumentClient(createDynamoClient({ region: "us-east-1", endpoint: desk.stack.dynamoEndpoint }));
  return {
    waves: waveRepository(doc, desk.stack.tableNames, systemClock),
    ledger: ledgerRepository(doc, desk.stack.tableNames, systemClock),
  };
}

/** A wave as a crash leaves it, sent two hours ago: its schedule fired, so its send time has passed. */
async function waveLeft(status: Wave["status"]): Promise<Wave> {
  const now = Date.now();
  const sendInstant = new Date(now - 2 * HOUR).toISOString();
  const wave: Wave = {
    id: `actions-${status}-${now}`,
    templateId: "assistance-follow-up",
    audience: "states-with-follow-up-due",
    sendAt: sendInstant.slice(0, 16),
    timeZone: "UTC",
    sendInstant,
    notAfter: new Date(now + 3 * 24 * HOUR).toISOString(),
    deadline: new Date(now + 90 * 24 * HOUR).toISOString().slice(0, 10),
    status,
    createdAt: sendInstant,
    updatedAt: sendInstant,
  };
  await stores().waves.create(wave, audit);
  return wave;
}

/** A letter left unknown: claimed, and its claim ended `claimEndedAgo` ago with no SES event since. */
async function unknownLetter(
  wave: Wave,
  owner: string,
  claimEndedAgo: number,
  more: Partial<Message> = {},
): Promise<Message> {
  const claimEnded = new Date(Date.now() - claimEndedAgo).toISOString();
  const message: Message = {
    waveId: wave.id,
    recipient: `e2e-${owner.slice(6).toLowerCase()}-${claimEndedAgo}`,
    owner,
    email: `poc.${owner.slice(6).toLowerCase()}.${claimEndedAgo}@example.org`,
    status: "unknown",
    reason: "the sender stopped between SES and the ledger",
    notAfter: wave.notAfter,
    leaseUntil: claimEnded,
    claims: 1,
    createdAt: wave.sendInstant,
    updatedAt: claimEnded,
    ...more,
  };
  expect(await stores().ledger.putNew(message)).toEqual({ created: true });
  return message;
}

describe("the console's contact correction, letter resend and wave redispatch", { timeout: 120_000 }, () => {
  it("corrects a contact's phone and name, sends only those (a refused one said at its field), and gives the focus back to Correct", async () => {
    const contact = await norwegianContact("Correct Testperson");
    const page = await openNorway();
    const opener = page.getByRole("button", { name: "Correct Correct Testperson" });
    await opener.click();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-role");
    expect(await page.locator("#correct-email").inputValue()).toBe(contact.email);
    const patches: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") patches.push(request.postData() ?? "");
    });
    // A telephone the API refuses: its 422 at the field, the rest kept, nothing stored.
    await page.locator("#correct-name").fill("Corrected Testperson");
    await page.locator("#correct-phone").fill("call me");
    await page.getByRole("button", { name: "Save the correction" }).click();
    const atPhone = page.locator("#correct-phone-problem");
    await atPhone.waitFor();
    expect(await atPhone.textContent()).toContain("must be a telephone number");
    expect(await page.locator("#correct-name").inputValue()).toBe("Corrected Testperson");
    expect((await api("GET", `/contacts/${contact.id}`)).body.name).toBe(contact.name);
    await page.locator("#correct-phone").fill("+47 22 24 36 00");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-contact-correct-1280.png");
    await page.getByRole("button", { name: "Save the correction" }).click();
    await page.getByRole("button", { name: "Save the correction" }).waitFor({ state: "detached" });
    const stored = (await api("GET", `/contacts/${contact.id}`)).body;
    expect([stored.name, stored.phone, stored.email]).toEqual([
      "Corrected Testperson",
      "+47 22 24 36 00",
      contact.email,
    ]);
    expect(patches.map((body) => JSON.parse(body))).toEqual([
      { name: "Corrected Testperson", phone: "call me" },
      { name: "Corrected Testperson", phone: "+47 22 24 36 00" },
    ]);
    const row = page.getByRole("row", { name: /Corrected Testperson/ });
    await row.getByRole("cell", { name: "+47 22 24 36 00" }).waitFor();
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Correct Corrected Testperson");
    await page.close();
  });

  it("reads a contact changed meanwhile again in place, keeping what was typed, and saves over it knowingly", async () => {
    const contact = await norwegianContact("Stale Correction");
    const page = await openNorway();
    await page.getByRole("button", { name: "Correct Stale Correction" }).click();
    await page.locator("#correct-phone").fill("+47 23 00 00 01");
    // Corrected from elsewhere while the form is open: a title.
    const current = await api("GET", `/contacts/${contact.id}`);
    const other = await api(
      "PATCH",
      `/contacts/${contact.id}`,
      { title: "Senior Adviser" },
      { "if-match": current.etag },
    );
    expect(other.status, JSON.stringify(other.body)).toBe(200);

    await page.getByRole("button", { name: "Save the correction" }).click();
    const problem = page.locator("#correct-contact-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("changed since this list was read");
    await page.getByRole("button", { name: "Read Stale Correction's current details" }).click();
    const now = page.locator("#contact-now");
    await now.waitFor();
    expect(await now.textContent()).toContain("Senior Adviser");
    expect(await page.locator("#correct-phone").inputValue()).toBe("+47 23 00 00 01");
    expect(await page.locator("#correct-title").inputValue()).toBe("Senior Adviser");
    await keepScreenshot(page, "state-contact-correct-reread-1280.png");
    await page.getByRole("button", { name: "Save the correction" }).click();
    await page.getByRole("button", { name: "Save the correction" }).waitFor({ state: "detached" });
    const stored = (await api("GET", `/contacts/${contact.id}`)).body;
    expect([stored.phone, stored.title]).toEqual(["+47 23 00 00 01", "Senior Adviser"]);
    await page.close();
  });

  it("says at the e-mail field that another active contact holds the address, and stores nothing", async () => {
    const holder = await norwegianContact("Address Holder");
    const contact = await norwegianContact("Address Seeker");
    const page = await openNorway();
    await page.getByRole("button", { name: "Correct Address Seeker" }).click();
    await page.locator("#correct-email").fill(holder.email);
    await page.locator("#correct-name").fill("Address Seeker Renamed");
    await page.getByRole("button", { name: "Save the correction" }).click();
    const atEmail = page.locator("#correct-email-problem");
    await atEmail.waitFor();
    expect(await atEmail.textContent()).toBe(
      "is already used by Address Holder, capital point of contact of Norway; deactivate that contact first",
    );
    expect(await page.locator("#correct-email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#correct-email").getAttribute("aria-describedby")).toBe("correct-email-problem");
    expect(await page.locator("#correct-contact-problem").count()).toBe(0);
    expect(await page.locator("#correct-email").inputValue()).toBe(holder.email);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-contact-correct-email-taken-1280.png");
    const stored = (await api("GET", `/contacts/${contact.id}`)).body;
    expect([stored.name, stored.email, stored.updatedAt]).toEqual([contact.name, contact.email, contact.updatedAt]);
    await page.close();
  });

  it("shows members and experts each contact without the person (ADR 0048), and no Correct button", async () => {
    const contact = await norwegianContact("Unseen Button");
    for (const group of ["members", "experts"] as ConsoleGroup[]) {
      const page = await openNorway(group);
      const contacts = page.getByRole("region", { name: "Contacts", exact: true });
      await contacts.locator('[data-field="contacts-people"]').waitFor();
      expect(await contacts.getByRole("row").count()).toBeGreaterThan(1);
      expect(await contacts.getByRole("columnheader", { name: "Role", exact: true }).count()).toBe(1);
      expect(await contacts.getByRole("columnheader", { name: "Name", exact: true }).count()).toBe(0);
      const shown = (await contacts.textContent()) ?? "";
      expect([shown.includes(contact.name), shown.includes(contact.email)]).toEqual([false, false]);
      expect(await contacts.getByRole("button", { name: /^Correct / }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it("says a letter whose contact was deactivated since cannot be sent again, on which day and why, and offers no send", async () => {
    const wave = await waveLeft("completed");
    const retired = await norwegianContact("Retired Person");
    const read = await api("GET", `/contacts/${retired.id}`);
    const reason = { reason: "Retired from the ministry in November" };
    const deactivated = await api("POST", `/contacts/${retired.id}/deactivate`, reason, { "if-match": read.etag });
    expect(deactivated.status, JSON.stringify(deactivated.body)).toBe(200);
    await unknownLetter(wave, "STATE:NOR", 25 * HOUR, { contactId: retired.id, email: retired.email });
    const page = await openWave(wave);
    await page.getByRole("button", { name: "Send again the letter to Norway" }).click();
    const said = page.locator("fieldset.confirm");
    await expect
      .poll(async () => said.textContent())
      .toContain(
        `It cannot be sent again: Retired Person was deactivated on ${deactivated.body.deactivatedOn} by ` +
          `${deactivated.body.deactivatedBy} (Retired from the ministry in November): a deactivated contact is not ` +
          "written to.",
      );
    expect(await page.getByRole("button", { name: "Yes, send it again" }).count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Leave it unknown");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Send again the letter to Norway");
    expect((await api("GET", `/waves/${wave.id}/messages?status=unknown`)).body.items).toHaveLength(1);
    await page.close();
  });

  it("sends again a letter left unknown once its event window has closed, to its contact's address now, and says the API's refusal before", async () => {
    const wave = await waveLeft("completed");
    // Norway's letter went to an address its contact no longer has.
    const moved = await norwegianContact("Moved Mission");
    const settledOut = await unknownLetter(wave, "STATE:NOR", 25 * HOUR, { contactId: moved.id });
    const stillOpen = await unknownLetter(wave, "STATE:KEN", HOUR);
    const page = await openWave(wave);
    // Unknown is not settled: the wave's progress says so, and where to send them again.
    expect(await page.locator('[data-field="progress"]').textContent()).toBe(
      "0 of 2 letters settled; 2 are unknown (SES may or may not have taken them): an SES event may settle each " +
        "until its event window closes; then each can be sent again from its row under Letters.",
    );

    // Kenya's letter: SES may still settle it; the question says so, and the API refuses.
    const kenya = page.getByRole("button", { name: "Send again the letter to Kenya" });
    await kenya.click();
    const question = page.locator("fieldset.confirm");
    expect(await question.textContent()).toContain("(its event window): until then it is not sent again");
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Leave it unknown");
    await page.getByRole("button", { name: "Yes, send it again" }).click();
    const refused = page.locator('[data-field="resend-refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(
      /^The letter to Kenya is not sent again: SES events may still settle it until \d{4}-\d\d-\d\d \d\d:\d\d UTC \(the event window\)\.$/,
    );
    await expect.poll(async () => (await focusedElement(page)).field).toBe("resend-refused");
    const kept = (await api("GET", `/waves/${wave.id}/messages?status=unknown`)).body.items;
    expect(kept.map((message: Json) => message.recipient).sort()).toEqual(
      [settledOut.recipient, stillOpen.recipient].sort(),
    );

    // Norway's letter: its window closed an hour ago; it is queued again, and its button goes.
    const norway = page.getByRole("button", { name: "Send again the letter to Norway" });
    await norway.click();
    expect(await question.textContent()).toContain("No SES event can settle it any more");
    await expect
      .poll(async () => question.textContent())
      .toContain(`Moved Mission's address is now ${moved.email} (the letter went to ${settledOut.email})`);
    expect(await question.locator("legend").textContent()).toBe(`Send again the letter to Norway (${moved.email})?`);
    await keepScreenshot(page, "wave-letter-send-again-1280.png");
    await page.getByRole("button", { name: "Yes, send it again" }).click();
    const resent = page.locator('[data-field="resent"]');
    await resent.waitFor();
    expect(await resent.textContent()).toMatch(/^The letter to Norway is queued again: dispatch sends it at /);
    await norway.waitFor({ state: "detached" });
    await expect.poll(async () => (await focusedElement(page)).field).toBe("resent");
    const stored = (await api("GET", `/waves/${wave.id}/messages?status=queued`)).body.items;
    expect(stored).toMatchObject([
      { recipient: settledOut.recipient, email: moved.email, resentAt: expect.any(String) },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    for (const group of ["members", "experts"] as ConsoleGroup[]) {
      const reader = await openWave(wave, group);
      await reader.getByRole("cell", { name: "unknown" }).waitFor();
      expect(await reader.getByRole("button", { name: /^Send again/ }).count()).toBe(0);
      await reader.close();
    }
  });

  it("dispatches a wave left dispatching again, asked first, and reads the wave again", async () => {
    const wave = await waveLeft("dispatching");
    const page = await openWave(wave);
    const opener = page.getByRole("button", { name: "Dispatch the wave again" });
    await opener.click();
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Not now");
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Dispatch the wave again");
    await opener.click();
    expect(await page.locator("fieldset.confirm").textContent()).toContain("No letter is sent twice");
    // The wave as staff read it (its audience and day, having no description, in lower case mid-sentence), not its id.
    const legend = await page.locator("fieldset.confirm legend").textContent();
    expect(legend).not.toContain(wave.id);
    expect(legend).toMatch(/^Dispatch wave to States owed /);
    await keepScreenshot(page, "wave-dispatch-again-1280.png");
    await page.getByRole("button", { name: "Yes, dispatch it again" }).click();
    const requested = page.locator('[data-field="redispatched"]');
    await requested.waitFor();
    // When it runs, and no schedule id: that is the machinery's (audit 33, item 8).
    expect(await requested.textContent()).toMatch(/^Dispatch runs at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    // The local scheduler holds the wave's schedule again, to fire within three minutes.
    const firesAt = desk.stack.nextRuns()[waveScheduleName(wave.id)];
    expect(firesAt?.getTime()).toBeGreaterThan(Date.now());
    expect(firesAt?.getTime()).toBeLessThan(Date.now() + 3 * 60_000);
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Dispatch the wave again");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    for (const group of ["members", "experts"] as ConsoleGroup[]) {
      const reader = await openWave(wave, group);
      expect(await reader.getByRole("button", { name: "Dispatch the wave again" }).count()).toBe(0);
      await reader.close();
    }
  });

  it("stops reading a wave its schedule missed, and reads it again once dispatched again", async () => {
    // Stored a draft, which nothing fires, and shown scheduled two hours ago; the dispatch asked is answered here.
    const wave = await waveLeft("draft");
    let reads = 0;
    const page = await signIn("secretariat");
    await page.route(`**/waves/${wave.id}`, async (route) => {
      reads += 1;
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), status: "scheduled" } });
    });
    const firesAt = new Date(Date.now() + 2 * 60_000).toISOString();
    await page.route(`**/waves/${wave.id}/redispatch`, (route) =>
      route.fulfill({ json: { wave: { ...wave, status: "scheduled" }, scheduleName: "e2e", firesAt } }),
    );
    await go(page, `#/waves/${wave.id}`);
    await page.getByRole("button", { name: "Dispatch the wave again" }).click();
    // Nothing moves it on its own: the page says it is not watching.
    expect(await page.getByText("Updated every few seconds").count()).toBe(0);
    const before = reads;
    await page.getByRole("button", { name: "Yes, dispatch it again" }).click();
    await page.getByText("Updated every few seconds").waitFor();
    // Read again at once, and again until the schedule made again fires it.
    await expect.poll(() => reads, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 2);
    // The page goes on asking: its readings under way finish before it closes.
    await page.unrouteAll({ behavior: "wait" });
    await page.close();
    const draft = await api("GET", `/waves/${wave.id}`);
    expect((await api("POST", `/waves/${wave.id}/cancel`, undefined, { "if-match": draft.etag })).status).toBe(200);
  });

  it("lists the organizations; the secretariat adds one, keeps its points of contact and corrects it", async () => {
    const page = await signIn("secretariat");
    await page.getByRole("link", { name: "Organizations", exact: true }).click();
    await page.getByRole("heading", { name: "Organizations", level: 1 }).waitFor();
    const list = page.getByRole("region", { name: "Organizations" });
    await list.getByRole("link", { name: "International Atomic Energy Agency" }).waitFor();
    // The 25 seeded, under their header row, each with its point of contact's standing.
    expect(await list.getByRole("row").count()).toBe(26);
    const standingOf = async (name: string) =>
      (await list
        .getByRole("row", { name: new RegExp(`^${name}`) })
        .getByRole("cell")
        .last()
        .textContent()) ?? "";
    expect(await standingOf("International Atomic Energy Agency")).toBe("current (verified within 12 months)");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "organizations-1280.png");

    // A name left empty is the API's 422 at its field; nothing is added.
    const add = page.getByRole("form", { name: "Add an organization" });
    await add.getByLabel("Kind").selectOption("regional");
    await add.getByLabel("Acronym").fill("SRF");
    await add.getByRole("button", { name: "Add the organization" }).click();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("organization-name");
    expect(await page.locator("#organization-name-problem").textContent()).toBeTruthy();
    await add.getByLabel("Name").fill("Southern Regional Forum");
    await add.getByLabel("Region (regional and subregional ones; optional)").fill("Southern Africa");
    await add.getByRole("button", { name: "Add the organization" }).click();
    await page.getByText("Southern Regional Forum added, as srf.").waitFor();
    // Added without a contact: a letter to it would reach no one, and the list says so.
    await list.getByRole("link", { name: "Southern Regional Forum" }).waitFor();
    expect(await standingOf("Southern Regional Forum")).toBe("no point of contact");
    await list.getByRole("link", { name: "Southern Regional Forum" }).click();
    await page.getByRole("heading", { name: "Southern Regional Forum (SRF)" }).waitFor();
    expect(await page.locator('[data-field="organization"]').textContent()).toBe("Regional; Southern Africa");

    // Its point of contact: only an organization's roles are offered, and the letters default to English.
    const contact = page.getByRole("form", { name: "Add a contact" });
    expect(await contact.getByLabel("Role").locator("option").allTextContents()).toEqual([
      "Organization's point of contact",
      "Assistance provider's contact",
    ]);
    expect(await contact.getByLabel("Language of letters").locator("option").first().textContent()).toBe(
      "The organization's (English)",
    );
    await contact.getByLabel("Name").fill("Thandi Forumperson");
    await contact.getByLabel("E-mail").fill(`thandi.${Date.now()}@srf.example`);
    await contact.getByRole("button", { name: "Add the contact" }).click();
    const contacts = page.getByRole("region", { name: "The organization's contacts" });
    await contacts.getByRole("row", { name: /Thandi Forumperson Organization's point of contact/ }).waitFor();
    const stored = await api("GET", "/contacts?owner=ORG:srf");
    expect(stored.body.items.map((c: Json) => [c.role, c.language])).toEqual([["organization-poc", "en"]]);

    // Corrected: only the name and the cleared region are sent. The organization is not read again meanwhile (held,
    // as on a slow line): the page shows the correction's own answer, and a second correction writes against it.
    const release = await holdReadings(page, "**/organizations/srf");
    const correct = page.getByRole("form", { name: "Correct SRF" });
    await correct.getByLabel("Name").fill("Southern Regional Security Forum");
    await correct.getByLabel("Region (regional and subregional ones; optional)").fill("");
    await correct.getByRole("button", { name: "Save the correction" }).click();
    await page.getByRole("heading", { name: "Southern Regional Security Forum (SRF)" }).waitFor();
    expect(await page.locator('[data-field="organization"]').textContent()).toBe("Regional");
    await correct.getByLabel("Note (optional)").fill("Secretariat in Gaborone.");
    await correct.getByRole("button", { name: "Save the correction" }).click();
    await expect
      .poll(() => page.locator('[data-field="organization"]').textContent())
      .toBe("Regional. Secretariat in Gaborone.");
    await release();
    const organization = await api("GET", "/organizations/srf");
    expect([organization.body.name, organization.body.region, organization.body.note]).toEqual([
      "Southern Regional Security Forum",
      undefined,
      "Secretariat in Gaborone.",
    ]);
    // Its timeline, read again after each write on the page, newest first, in words: the two corrections, the
    // contact by name, the addition.
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect
      .poll(() => timeline.locator("ol.timeline li strong").allTextContents())
      .toEqual([
        "Organization's details corrected",
        "Organization's details corrected",
        "Contact added",
        "Organization added",
      ]);
    expect(await timeline.locator("ol.timeline li").nth(2).textContent()).toContain("contact Thandi Forumperson, by");
    for (const time of await timeline.locator("ol.timeline li time").allTextContents()) {
      // The day it happened, with the desk's minute it was recorded when the same day (ADR 0063).
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2} New York)?$/);
    }
    expect(await timeline.textContent()).not.toMatch(/organization srf|[0-9A-Z]{26}/);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "organization-1280.png");

    // A wave to the organizations names each as a link to its page, the new one among them.
    const template = await api("POST", "/templates", {
      id: `organizations-e2e-${Date.now()}`,
      kind: "other",
      fallbackLanguage: "en",
      variants: { en: { subject: "To the organizations", text: "Dear colleague,", html: "<p>Dear colleague,</p>" } },
    });
    expect(template.status).toBe(201);
    const wave = await api("POST", "/waves", {
      templateId: template.body.id,
      audience: "organizations",
      sendAt: "2099-01-01T09:00",
      timeZone: "UTC",
      notAfter: "2099-01-02T00:00:00Z",
    });
    expect(wave.status).toBe(201);
    await page.goto(`${desk.stack.consoleUrl}#/waves/${wave.body.id}`);
    await page.locator('[data-field="audience-counts"]').waitFor();
    await page.getByText(/^The \d+ recipients$/).click();
    await page
      .getByRole("table", { name: "Recipients" })
      .getByRole("link", { name: "Southern Regional Security Forum" })
      .click();
    await page.getByRole("heading", { name: "Southern Regional Security Forum (SRF)" }).waitFor();
    await page.close();

    for (const group of ["experts", "members"] as ConsoleGroup[]) {
      const reader = await signIn(group, { at: "#/organizations/srf" });
      await reader.getByRole("heading", { name: "Southern Regional Security Forum (SRF)" }).waitFor();
      await reader.getByRole("region", { name: "The organization's contacts" }).waitFor();
      expect(await reader.locator("form").count()).toBe(0);
      await go(reader, "#/organizations");
      await reader.getByRole("region", { name: "Organizations" }).waitFor();
      expect(await reader.locator("form").count()).toBe(0);
      await reader.close();
    }
  });

  it("lists the letters an organization was sent, newest first, as a State's page lists its own", async () => {
    const wave = await waveLeft("completed");
    const letterTo = (owner: string, status: Message["status"], hoursAgo: number, subject: string): Message => {
      const at = new Date(Date.now() - hoursAgo * HOUR).toISOString();
      return {
        waveId: wave.id,
        recipient: `e2e-${owner.toLowerCase().replace(":", "-")}-${hoursAgo}`,
        owner,
        email: `poc.${hoursAgo}@example.org`,
        status,
        notAfter: wave.notAfter,
        claims: 1,
        sentAt: at,
        letter: { language: "en", fellBack: false, subject, text: "Dear colleague,", html: "<p>Dear colleague,</p>" },
        createdAt: at,
        updatedAt: at,
      };
    };
    for (const letter of [
      letterTo("ORG:iaea", "delivered", 2, `Earlier letter ${wave.id}`),
      letterTo("ORG:iaea", "bounced", 1, `Later letter ${wave.id}`),
      letterTo("ORG:opcw", "sent", 1, `Another organization's letter ${wave.id}`),
      letterTo("STATE:NOR", "sent", 1, `Norway's letter ${wave.id}`),
    ]) {
      expect(await stores().ledger.putNew(letter)).toEqual({ created: true });
    }
    const rowsOf = (page: Page, who: string) =>
      page
        .getByRole("region", { name: /^Letters sent to / })
        .getByRole("table", { name: `Letters to the ${who}, newest first` })
        .locator("tbody tr", { hasText: wave.id });

    for (const group of ["secretariat", "members"] as ConsoleGroup[]) {
      const page = await signIn(group, { at: "#/organizations/iaea" });
      await page.getByRole("heading", { name: "International Atomic Energy Agency (IAEA)" }).waitFor();
      const rows = rowsOf(page, "organization");
      await expect.poll(() => rows.count()).toBe(2);
      const cells = async (row: number) => (await rows.nth(row).locator("td, th").allTextContents()).slice(1);
      // The address each went to is the secretariat's alone (ADR 0048): the members' table has no such column.
      const to = group === "secretariat" ? [expect.stringContaining("@")] : [];
      expect(await cells(0)).toEqual([
        ...to,
        `Later letter ${wave.id}`,
        "English",
        "Letter bounced",
        expect.any(String),
        wave.id,
      ]);
      expect((await cells(1)).slice(to.length, to.length + 3)).toEqual([
        `Earlier letter ${wave.id}`,
        "English",
        "Letter delivered",
      ]);
      // The timeline has the same letters, newest first, and the demonstration seed's contact of the IAEA alone.
      const timeline = page.getByRole("region", { name: "Timeline" });
      const letters = timeline.locator("ol.timeline li", { hasText: wave.id });
      await expect
        .poll(() => letters.allTextContents())
        .toEqual([
          expect.stringContaining(`Letter bounced wave ${wave.id}`),
          expect.stringContaining(`Letter delivered wave ${wave.id}`),
        ]);
      const seeded = timeline.locator("ol.timeline li", { hasText: "Demonstration contact added" });
      expect(await seeded.count()).toBe(1);
      if (group === "members") expect(await seeded.textContent()).toContain("contact Organization's point of contact");
      // And the catalogue's seed that added it (this stack's start, later than the letters put above are dated).
      const added = timeline.locator("ol.timeline li", { hasText: "Organization added from the desk's catalogue" });
      expect(await added.count()).toBe(1);
      expect(await added.textContent()).toMatch(/catalogue by the desk's first data$/);
      if (group === "secretariat") {
        await keepScreenshot(page, "organization-letters-1280.png");
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }

    // Each letter's wave is a link to the wave's page.
    const reader = await signIn("members", { at: "#/organizations/iaea" });
    await rowsOf(reader, "organization").first().getByRole("link", { name: wave.id }).click();
    await reader.getByRole("heading", { name: `Wave ${wave.id}` }).waitFor();
    await reader.close();

    // At 390 px the page is no wider than the screen: the letters' table scrolls within its panel.
    const narrow = await signIn("secretariat", { width: 390, at: "#/organizations/iaea" });
    await expect.poll(() => rowsOf(narrow, "organization").count()).toBe(2);
    await settled(narrow);
    expect(await overflowOf(narrow)).toBeLessThanOrEqual(0);
    await keepScreenshot(narrow, "organization-390.png");
    await narrow.close();

    // The State's page reads its letters through the same panel.
    const norway = await openNorway("members");
    const rows = rowsOf(norway, "State");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(`Norway's letter ${wave.id}`);
    await norway.close();
    // An organization never written to says so.
    const quiet = await signIn("secretariat", { at: "#/organizations/asean" });
    await quiet
      .getByRole("region", { name: /^Letters sent to / })
      .getByText("No letter sent to this organization yet.")
      .waitFor();
    await quiet.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});

// Audit 30: a point of contact whose address SES reported is said unreachable, since when, and a new address typed in
// the correction form starts ok; an organization is recorded once, the 409 said at the name field.
describe("a contact whose address bounced", { timeout: 120_000 }, () => {
  it("is said unreachable, and a corrected address starts ok", async () => {
    const email = `bounced.${Date.now()}@example.org`;
    const added = await api("POST", "/contacts", {
      owner: "STATE:NER",
      role: "capital-poc",
      name: "Bea Bounced",
      email,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const read = await api("GET", `/contacts/${added.body.id}`);
    const bounced = await api(
      "PATCH",
      `/contacts/${added.body.id}`,
      { emailStatus: "bounced" },
      { "if-match": read.etag },
    );
    expect(bounced.status, JSON.stringify(bounced.body)).toBe(200);
    const day = bounced.body.emailStatusOn;

    const page = await signIn("secretariat", { at: "#/states/NER" });
    await page.getByRole("heading", { name: "Niger (NER)" }).waitFor();
    await settled(page);
    const row = page.getByRole("row").filter({ hasText: "Bea Bounced" });
    await row.getByText(`unreachable by e-mail: a letter to it bounced on ${day}`).waitFor();

    await page.getByRole("button", { name: "Correct Bea Bounced" }).click();
    const status = page.getByLabel(`E-mail status: a letter to it bounced on ${day} (a new address starts ok)`);
    expect(await status.inputValue()).toBe("");
    await page.locator("#correct-email").fill(`bea.${Date.now()}@niger-diplomatie.example`);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-contact-bounced-correct-1280.png");
    await page.getByRole("button", { name: "Save the correction" }).click();
    await page.getByRole("button", { name: "Save the correction" }).waitFor({ state: "detached" });
    await row.getByText("current", { exact: true }).waitFor();
    const stored = (await api("GET", `/contacts/${added.body.id}`)).body;
    expect(stored.emailStatus).toBe("ok");
    expect(troubles).toEqual([]);
    await page.close();
  });
});

describe("the console records an organization once", { timeout: 120_000 }, () => {
  it("refuses the name of one on record at the name field, naming it by acronym and name", async () => {
    const page = await signIn("secretariat", { at: "#/organizations" });
    const list = page.getByRole("region", { name: "Organizations" });
    await list.getByRole("link", { name: "International Atomic Energy Agency" }).waitFor();
    const add = page.getByRole("form", { name: "Add an organization" });
    await add.getByLabel("Name").fill("international atomic energy  agency");
    await add.getByLabel("Acronym").fill("IAEA-2");
    await add.getByRole("button", { name: "Add the organization" }).click();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("organization-name");
    expect(await page.locator("#organization-name-problem").textContent()).toBe(
      "IAEA, International Atomic Energy Agency, is already recorded under this name",
    );
    // Said once, at its field: not again above the fields.
    expect(await add.locator("[data-form-problem]").count()).toBe(0);
    expect(await add.getByLabel("Acronym").inputValue()).toBe("IAEA-2");
    await keepScreenshot(page, "organization-recorded-once.png");
    expect((await api("GET", "/organizations/iaea-2")).status).toBe(404);
    expect(troubles).toEqual([]);
    await page.close();
  });
});
