// The console's correspondence pages in Debian's Chromium against the local stack: templates side by side with the
// API's own preview (right to left in Arabic; a missing deadline said at its field), a stale template edit's 412 at
// its form, the composer's send time in a chosen zone (an impossible one refused at its field), and a wave composed,
// previewed, tested, scheduled from the keyboard and watched from home to completion, then among a State's letters
// received (a skipped contact's row named, with its role); what experts and members are not offered; axe, 1280 and
// 390 px.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { deskDay } from "#shared/zoned-time.ts";
import { SKIP_REASONS, type SkipReason } from "../../console/src/pages/correspondence/wave-facts.ts";
import { CONTACT_ROLES } from "../../console/src/pages/state/labels.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import { firstFiringBetween } from "../../shared/schedules/send-day.ts";
import { apiCaller } from "../support/api-call.ts";
import {
  consoleBrowser,
  focusedElement,
  holdReadings,
  keepScreenshot,
  overflowOf,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";
import { followUpWave } from "../support/follow-up-wave.ts";
import { nextMinute } from "../support/next-minute.ts";

// A stale edit's 412 and the composer's 422 are made on purpose.
const desk = consoleBrowser({ expectedErrors: /status of (422|412)/ });
const { signIn, troubles } = desk;

const marker = `E2E-LETTERS-${Date.now()}`;
const templateId = `letters-e2e-${Date.now()}`;
let waveId = "";

/** The fields this file reads from the answers of the routes it calls. */
interface Answer {
  id: string;
  variants: { en: { subject: string } };
  recipients: { contact: { id: string }; owner: { name: string } }[];
  skipped: { reason: SkipReason }[];
  items: { owner: string; status: string; skipReason?: SkipReason }[];
  name: string;
  sendInstant: string;
  activities: {
    day: string;
    lastDay: string;
    letters?: { waveKey: string; schedule?: { expression: string; timeZone: string } }[];
  }[];
}

const api = apiCaller<Answer>(
  () => desk.stack.apiUrl,
  () => issueToken(desk.stack.jwtKeys, { group: "secretariat" }),
);

interface StoredMail {
  subject: string;
  destination: { to: string[] };
}

async function mailWith(text: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${desk.stack.sesUrl}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((email) => email.subject.includes(text));
}

async function go(page: Page, hash: string) {
  await page.goto(`${desk.stack.consoleUrl}${hash}`);
}

// Two shared cores: pages take a while, and the wave waits for its minute.
describe("the console's correspondence", { timeout: 90_000 }, () => {
  it("lists the templates; a template's languages side by side, and the API's preview right to left in Arabic", async () => {
    const created = await api("POST", "/templates", {
      id: templateId,
      kind: "other",
      description: "The console's e2e letter",
      fallbackLanguage: "en",
      variants: {
        en: {
          subject: `${marker} {{state.name}}`,
          text: "Dear {{contact.name}},\n\nThe Committee writes to {{state.name}}, with an answer by {{deadline|date}}.",
          html: "<p>Dear {{contact.name}},</p><p>The Committee writes to {{state.name}} by {{deadline|date}}.</p>",
        },
      },
    });
    expect(created.status).toBe(201);

    const page = await signIn("members");
    await page.getByRole("link", { name: "Templates", exact: true }).click();
    await page.getByRole("heading", { name: "Letter templates" }).waitFor();
    await page.getByRole("link", { name: "programme-first-report-request" }).click();
    await page.getByRole("heading", { name: "Template programme-first-report-request" }).waitFor();
    // Six languages side by side, each in its own language and direction.
    expect(await page.locator(".letter-variant").count()).toBe(6);
    const arabic = page.locator(".letter-variant div[lang='ar']");
    expect(await arabic.getAttribute("dir")).toBe("rtl");
    expect(await arabic.textContent()).toMatch(/[\u0600-\u06FF]/);
    // The API renders the letter Chad's officer gets in English, then in Arabic.
    const preview = page.getByRole("article", { name: "Letter preview" });
    await preview.getByText("Chad").first().waitFor();
    await page.getByLabel("Recipient's language").selectOption("ar");
    await page.locator("[data-preview-language='ar']").waitFor();
    const rendered = preview.locator(".letter-text");
    expect(await rendered.getAttribute("dir")).toBe("rtl");
    expect(await rendered.getAttribute("lang")).toMatch(/^ar/);
    expect(await rendered.textContent()).toContain("تشاد");
    // The HTML part as a mail client shows it: the API's document, right to left, in a frame that runs nothing.
    const frame = preview.locator("iframe.letter-html");
    expect(await frame.getAttribute("sandbox")).toBe("");
    const html = page.frameLocator("iframe.letter-html");
    await html.getByText("تشاد").first().waitFor();
    expect(await html.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await html.locator("html").getAttribute("lang")).toMatch(/^ar/);
    await keepScreenshot(preview, "template-preview-1280.png");
    // Members read; they are offered no edit and no composer.
    expect(await page.getByRole("button", { name: /Save the/ }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /Compose a wave/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "template-1280.png");
    await page.close();
  });

  it("says a preview's missing deadline at the Deadline field, in words, not in the template's syntax", async () => {
    const page = await signIn("members", { at: `#/templates/${templateId}` });
    const preview = page.getByRole("article", { name: "Letter preview" });
    await preview.getByText("Chad").first().waitFor();
    const deadline = page.getByLabel("Deadline", { exact: true });
    await deadline.fill("");
    const problem = page.locator("#preview-deadline-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe("Give a deadline to preview this letter");
    expect(await deadline.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => preview.count()).toBe(0);
    // Said once, at its field: not again under the form.
    expect(await page.locator('section[aria-labelledby="preview-title"] p[role="alert"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows a stale edit's 412 at the form and keeps what was typed; saving again replaces it", async () => {
    const page = await signIn("secretariat", { at: `#/templates/${templateId}` });
    await page.getByRole("heading", { name: `Template ${templateId}` }).waitFor();
    const subject = page.getByLabel("Subject");
    await subject.fill(`${marker} {{state.name}}: edited in the console`);
    // Someone else saves the template meanwhile.
    const current = await api("GET", `/templates/${templateId}`);
    const theirs = await api(
      "PATCH",
      `/templates/${templateId}`,
      { description: "Changed by someone else" },
      { "if-match": current.etag },
    );
    expect(theirs.status).toBe(200);
    await page.getByRole("button", { name: "Save the English variant" }).click();
    const stale = page.locator("#edit-stale");
    await stale.waitFor();
    expect(await stale.textContent()).toContain("Your text is still here");
    // The refusal names no field: the keyboard is taken to the form's problem.
    await expect.poll(async () => (await focusedElement(page)).id).toBe("edit-stale");
    expect(await subject.inputValue()).toBe(`${marker} {{state.name}}: edited in the console`);
    // The page now shows their change; saving again applies ours over it. From here the template is not read again
    // until the test lets it (held, as on a slow line): the save's own answer is the version the next save writes
    // against, so a second save at once is not refused as stale.
    await page.getByText("Changed by someone else").waitFor();
    const release = await holdReadings(page, `**/templates/${templateId}`);
    await page.getByRole("button", { name: "Save the English variant" }).click();
    await page.getByText("The English variant is saved").waitFor();
    // Saved: the keyboard goes on from the button pressed, not from the top of the page.
    expect(await focusedElement(page)).toMatchObject({ tag: "BUTTON", name: "Save the English variant" });
    const stored = async () => (await api("GET", `/templates/${templateId}`)).body.variants.en.subject;
    expect(await stored()).toBe(`${marker} {{state.name}}: edited in the console`);
    await subject.fill(`${marker} {{state.name}}: edited twice`);
    await page.getByRole("button", { name: "Save the English variant" }).click();
    await expect.poll(stored).toBe(`${marker} {{state.name}}: edited twice`);
    expect(await stale.count()).toBe(0);
    await release();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows the API's problem at the send time for a time the clocks skip, keeping the rest of the form", async () => {
    const page = await signIn("secretariat", { at: `#/templates/${templateId}` });
    await page.getByRole("link", { name: "Compose a wave with this template" }).click();
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    expect(await page.getByLabel("Template").inputValue()).toBe(templateId);
    // The first draft counts calendar days from New York's today, whatever the hour in UTC.
    const today = deskDay(Date.now());
    expect(await page.getByLabel("Time zone", { exact: true }).inputValue()).toBe("America/New_York");
    expect(await page.getByLabel("Send at (in that time zone)").inputValue()).toBe(`${addDays(today, 1)}T09:00`);
    expect(await page.getByLabel("No letter after (in that time zone)").inputValue()).toBe(
      `${addDays(today, 8)}T17:00`,
    );
    const deadline = page.getByLabel("Deadline the letters ask an answer by");
    expect(await deadline.inputValue()).toBe(addDays(today, 90));
    // A Sunday is remarked beside the field, and described with it; a weekday draws nothing.
    await deadline.fill("2027-01-31");
    const weekend = page.locator("#deadline-weekend");
    expect(await weekend.textContent()).toBe("31 January 2027 is a Sunday. The letters will name it as it is.");
    expect(await deadline.getAttribute("aria-describedby")).toContain("deadline-weekend");
    await deadline.fill("2027-02-01");
    await weekend.waitFor({ state: "detached" });
    await page.getByLabel("Time zone", { exact: true }).selectOption("America/New_York");
    await page.getByLabel("Send at (in that time zone)").fill("2027-03-14T02:30");
    await page.getByLabel("Description (optional)").fill("A wave at a time that does not exist");
    await page.getByText("names no instant in America/New_York").waitFor();
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    const problem = page.locator("#sendAt-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("does not exist in America/New_York");
    expect(await page.getByLabel("Send at (in that time zone)").getAttribute("aria-describedby")).toContain(
      "sendAt-problem",
    );
    expect(await page.getByLabel("Description (optional)").inputValue()).toBe("A wave at a time that does not exist");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "compose-1280.png");
    await page.close();
  });

  it("composes a wave, previews its audience, sends a test copy, schedules it by keyboard and watches it complete", {
    timeout: 300_000,
  }, async () => {
    const page = await signIn("secretariat", { at: `#/waves/new?template=${templateId}` });
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    const timeZone = "Asia/Tokyo";
    // Time to create, preview and test the wave before its minute comes (scheduling is refused after it).
    const { sendAt, instant } = nextMinute(timeZone, 75_000);
    await page.getByLabel("Time zone", { exact: true }).selectOption(timeZone);
    await page.getByLabel("Send at (in that time zone)").fill(sendAt);
    await page
      .getByText(`That is ${instant.toISOString().slice(0, 10)} ${instant.toISOString().slice(11, 16)} UTC.`)
      .waitFor();
    await page.getByLabel("Audience").selectOption("non-reporting-states");
    await page.getByLabel("Description (optional)").fill(`Console wave ${marker}`);
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await page.getByRole("heading", { name: /^Wave |\(wave \w+\)$/ }).waitFor();
    waveId = page.url().split("#/waves/")[1] ?? "";
    expect(waveId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await page.locator('[data-field="status"]').textContent()).toBe("draft");

    // The audience preview: who gets the letter, who is skipped and why.
    const audience = page.locator('[data-field="audience-counts"]');
    await audience.waitFor();
    const recipients = Number(await audience.locator("strong").first().textContent());
    expect(recipients).toBeGreaterThan(0);
    const preview = await api("GET", `/waves/${waveId}/audience`);
    expect(recipients).toBe(preview.body.recipients.length);
    // A State with no active point of contact is no skipped contact: it is written to at its Mission, or not reached.
    const contactsSkipped = preview.body.skipped.filter((skip) => skip.reason !== "no-active-contact");
    for (const reason of new Set(contactsSkipped.map((skip) => skip.reason))) {
      await page.getByRole("heading", { name: "Skipped, and why" }).waitFor();
      expect(await page.locator("li strong", { hasText: SKIP_REASONS[reason as SkipReason] }).count()).toBeGreaterThan(
        0,
      );
    }

    // A test copy to a staff address arrives in the SES emulator, alone.
    await page.getByLabel("To (a staff address)").fill("officer@desk.example");
    await page.getByRole("button", { name: "Send the test copy" }).click();
    await page.locator('[data-field="test-sent"]').waitFor();
    expect((await mailWith(marker)).map((mail) => [mail.subject.startsWith("[TEST] "), mail.destination.to])).toEqual([
      [true, ["officer@desk.example"]],
    ]);
    // A second copy rendered for a recipient chosen from the audience: the API's own contactId, the letter in that
    // recipient's language.
    const chosen = preview.body.recipients.at(-1);
    if (!chosen) throw new Error("the audience has no recipient");
    await page.getByLabel("Rendered as the letter for").selectOption(chosen.contact.id);
    await page.getByRole("button", { name: "Send the test copy" }).click();
    await page
      .locator('[data-field="test-sent"]')
      .filter({ hasText: `the letter for ${chosen.owner.name} in` })
      .waitFor();
    expect((await mailWith(marker)).filter((mail) => mail.subject.startsWith("[TEST] "))).toHaveLength(2);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-draft-1280.png");

    // Scheduled from the keyboard, on a slow line (the wave read again only when the test lets it): the page shows the
    // wave as the schedule answered it, with its new ETag, without waiting for a reading, and the focus goes on to
    // the cancel button; pressed, it asks first, and kept, nothing was written against the draft's ETag.
    const release = await holdReadings(page, `**/waves/${waveId}`);
    const scheduled = page.waitForResponse((response) => response.url().endsWith(`/waves/${waveId}/schedule`));
    await page.getByRole("button", { name: "Schedule the wave" }).focus();
    await page.keyboard.press("Enter");
    expect((await scheduled).status()).toBe(200);
    await page.locator('[data-field="status"]', { hasText: "scheduled" }).waitFor();
    expect(await page.getByRole("button", { name: "Schedule the wave" }).count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("cancel-wave");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Keep the wave" }).click();
    await release();
    await page.locator('[data-field="status"]', { hasText: "scheduled" }).waitFor();
    expect(await page.locator("#moves-problem").count()).toBe(0);

    // Home lists it among the waves in flight, linking to its page.
    await page.getByRole("link", { name: "Home", exact: true }).click();
    const inFlight = page.locator('[data-list="waves-in-flight"]');
    await inFlight.getByRole("link", { name: `Console wave ${marker}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "home-wave-in-flight-1280.png");
    await inFlight.getByRole("link", { name: `Console wave ${marker}` }).click();
    await page.getByRole("heading", { name: `Wave ${waveId}` }).waitFor();

    // The page asks again while the wave is in flight: its counts reach completion without a reload.
    await page.locator('[data-field="status"]', { hasText: "completed" }).waitFor({ timeout: 200_000 });
    expect(await page.locator('[data-live="counts"]').getAttribute("aria-live")).toBe("polite");
    await page.locator('[data-count="sent"]').waitFor();
    expect(Number(await page.locator('[data-count="sent"]').textContent())).toBe(recipients);
    // Every letter written is settled: those sent, and those skipped for want of a usable address.
    const progress = (await page.locator('[data-field="progress"]').textContent()) ?? "";
    const [, settledLetters, written] = /^(\d+) of (\d+) letters settled\.$/.exec(progress) ?? [];
    expect(settledLetters).toBe(written);
    const ledger = await api("GET", `/waves/${waveId}/messages?limit=100`);
    expect(Number(written)).toBe(ledger.body.items.filter((message) => message.status !== "skipped").length);
    await page.getByRole("heading", { name: "Letters", exact: true }).waitFor();
    await page.getByRole("heading", { name: "Not reached" }).waitFor();
    await settled(page);
    const rows = page
      .locator("table", { has: page.locator("caption", { hasText: "Letters of the wave" }) })
      .locator("tbody tr");
    // A State written to at its Mission is listed once: its ledger row "no active point of contact" is no letter.
    const listed = ledger.body.items.filter((message) => message.skipReason !== "no-active-contact");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(listed.length);
    const sentRows = rows.filter({ has: page.getByRole("cell", { name: "sent", exact: true }) });
    await expect.poll(() => sentRows.count(), { timeout: 15_000 }).toBe(recipients);
    // Each skipped letter says why in words; a State with no active point of contact, that its Mission was written to.
    const skipped = listed.filter((message) => message.status === "skipped");
    expect(skipped.length).toBeGreaterThan(0);
    const whyCells = await rows.locator("td:nth-last-child(1)").allTextContents();
    for (const message of skipped) {
      const words = message.skipReason ? SKIP_REASONS[message.skipReason] : "";
      expect(whyCells.some((cell) => words !== "" && cell.startsWith(words))).toBe(true);
    }
    expect(whyCells.join(" ")).not.toMatch(/no-active-contact|duplicate-address/);
    const missionStand = ledger.body.items.find(
      (message) =>
        message.skipReason === "no-active-contact" &&
        ledger.body.items.some((other) => other.owner === message.owner && other.status === "sent"),
    );
    // The demo seed has such States (the DPRK, Eswatini).
    expect(missionStand).toBeDefined();
    expect(whyCells).toContain("Written to its Permanent Mission: the State has no active point of contact.");
    const letters = (await mailWith(marker)).filter((mail) => !mail.subject.startsWith("[TEST]"));
    expect(letters).toHaveLength(recipients);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-completed-1280.png");
    await page.close();
  });

  it("names each letter's recipient with its code beside it, in the order of the names", async () => {
    expect(waveId).not.toBe("");
    const page = await signIn("members", { at: `#/waves/${waveId}` });
    await page.getByRole("heading", { name: "Letters", exact: true }).waitFor();
    await settled(page);
    const recipients = page
      .locator("table", { has: page.locator("caption", { hasText: "Letters of the wave" }) })
      .locator("tbody tr td:first-child");
    const ledger = (await api("GET", `/waves/${waveId}/messages?limit=100`)).body.items.filter(
      (message) => message.skipReason !== "no-active-contact",
    );
    await expect.poll(() => recipients.count(), { timeout: 15_000 }).toBe(ledger.length);
    const expected = await Promise.all(
      ledger.map(async ({ owner }) => {
        const iso3 = owner.replace("STATE:", "");
        return `${(await api("GET", `/states/${iso3}`)).body.name} (${iso3})`;
      }),
    );
    expected.sort((a, b) => a.localeCompare(b, "en"));
    await expect.poll(() => recipients.allTextContents()).toEqual(expected);
    const letters = page.locator("table", { has: page.locator("caption", { hasText: "Letters of the wave" }) });
    expect(await letters.locator("thead th").allTextContents()).not.toContain("Address");
    await page.close();
  });

  it("names every row of a State's letters received, a skipped one as such, with the role of its contact", async () => {
    expect(waveId).not.toBe("");
    const ledger = (await api("GET", `/waves/${waveId}/messages?limit=100`)).body.items;
    const skipped = ledger.find(
      (message) => message.status === "skipped" && message.skipReason !== "no-active-contact",
    );
    if (!skipped) throw new Error("the wave skipped no contact");
    const page = await signIn("members", { at: `#/states/${skipped.owner.replace("STATE:", "")}` });
    const rows = page
      .getByRole("table", { name: "Letters to the State, newest first" })
      .locator("tbody tr", { has: page.locator(`a[href="#/waves/${waveId}"]`) });
    const skippedRow = rows.filter({ hasText: "(no letter: skipped)" });
    await expect.poll(() => skippedRow.count()).toBeGreaterThan(0);
    expect(await rows.locator("th").allTextContents()).not.toContain("");
    // Dated as what the dispatch did that day, and told apart by its contact's role (no address for members).
    const [date, to] = await skippedRow.first().locator("td").allTextContents();
    expect(date).toMatch(/^Skipped \d{4}-\d{2}-\d{2}$/);
    expect(Object.values(CONTACT_ROLES)).toContain(to);
    await page.close();
  });

  it("offers experts and members no composer, test copy, schedule or cancel", async () => {
    expect(waveId).not.toBe("");
    const draft = await api("POST", "/waves", {
      templateId,
      audience: "non-reporting-states",
      sendAt: "2099-01-01T09:00",
      timeZone: "UTC",
      notAfter: "2099-01-02T00:00:00Z",
      deadline: "2099-03-01",
      description: "A draft only the secretariat may move",
    });
    expect(draft.status).toBe(201);
    for (const group of ["experts", "members"] as const) {
      const page = await signIn(group);
      await page.getByRole("link", { name: "Waves", exact: true }).click();
      await page.getByRole("heading", { name: "Correspondence waves" }).waitFor();
      await page.getByRole("link", { name: `Console wave ${marker}` }).waitFor();
      expect(await page.getByRole("link", { name: "Compose a wave" }).count()).toBe(0);
      await go(page, `#/waves/${draft.body.id}`);
      await page.locator('[data-field="audience-counts"]').waitFor();
      expect(await page.getByRole("button", { name: /Schedule|Cancel|test copy/ }).count()).toBe(0);
      expect(await page.locator("form").count()).toBe(0);
      // The person is the secretariat's alone (ADR 0048): no column stands empty for it.
      const recipientsTable = page.locator("table", { has: page.locator("caption", { hasText: "Recipients" }) });
      expect(await recipientsTable.locator("thead th").allTextContents()).toEqual(["To", "Addressed to", "Language"]);
      expect(await recipientsTable.locator("tbody td").allTextContents()).not.toContain("");
      await page.getByText("Names and addresses are the secretariat's alone").waitFor({ state: "attached" });
      await go(page, "#/waves/new");
      await page.getByText("Only the secretariat composes waves.").waitFor();
      await page.close();
    }
  });

  it("names the other waves of the same letter beside a draft's audience, each linked to its page", async () => {
    const sameLetter = (description: string) => api("POST", "/waves", followUpWave(40, description).body);
    const first = await sameLetter(`First of the same letter ${marker}`);
    const second = await sameLetter(`Second of the same letter ${marker}`);
    expect([first.status, second.status]).toEqual([201, 201]);
    const page = await signIn("secretariat");
    // While the first is a draft it sends nothing, and the second's page names no other wave.
    await go(page, `#/waves/${second.body.id}`);
    await page.locator('[data-field="audience-as-of"]').waitFor();
    expect(await page.locator('[data-field="same-letter"]').count()).toBe(0);
    const scheduled = await api("POST", `/waves/${first.body.id}/schedule`, undefined, { "If-Match": first.etag });
    expect(scheduled.status).toBe(200);
    // Opened again, the page reads the audience again: the list is shown first, so the wave's page is left (two hash
    // changes at once under load could leave it mounted, showing what it read before).
    await go(page, "#/waves");
    await page.getByRole("heading", { name: "Correspondence waves" }).waitFor();
    await go(page, `#/waves/${second.body.id}`);
    const caution = page.locator('[data-field="same-letter"]');
    await caution.waitFor();
    const instant = scheduled.body.sendInstant;
    expect(await caution.textContent()).toContain(
      `(scheduled, sends ${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC)`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-same-letter-1280.png");
    await caution.getByRole("link", { name: `First of the same letter ${marker}` }).click();
    await page.getByRole("heading", { name: `Wave ${first.body.id}` }).waitFor();
    await page.close();
    const cancelled = await api("POST", `/waves/${first.body.id}/cancel`, undefined, { "If-Match": scheduled.etag });
    expect(cancelled.status).toBe(200);
  });

  it("names the programme's coming sending of a staff wave's letter, and whether the wave holds it", async () => {
    // The first-report request's next firing, from its schedule as GET /programme serves it: in this programme year or
    // the next.
    const today = new Date();
    const thisYear = today.getUTCMonth() === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
    const firings: string[] = [];
    for (const year of [thisYear, thisYear + 1]) {
      const view = await api("GET", `/programme?year=${year}`);
      expect(view.status).toBe(200);
      for (const activity of view.body.activities) {
        for (const letter of activity.letters ?? []) {
          const { schedule } = letter;
          if (letter.waveKey !== "first-report-request" || !schedule) continue;
          const firing = firstFiringBetween(schedule.expression, schedule.timeZone, activity.day, activity.lastDay);
          if (firing) firings.push(firing.toISOString());
        }
      }
    }
    const firesAt = firings.find((instant) => Date.parse(instant) > Date.now() + 8 * 86_400_000);
    if (!firesAt) throw new Error(`no coming firing of the first-report request among ${firings.join(", ")}`);
    // A staff wave of the same letter a week before it, to the same audience, and one to all States.
    const day = new Date(Date.parse(firesAt) - 7 * 86_400_000).toISOString().slice(0, 10);
    const staffWave = (audience: string) =>
      api("POST", "/waves", {
        templateId: "programme-first-report-request",
        audience,
        sendAt: `${day}T09:00`,
        timeZone: "America/New_York",
        notAfter: `${day}T23:00:00Z`,
        deadline: new Date(Date.parse(day) + 90 * 86_400_000).toISOString().slice(0, 10),
        description: `Early first-report request ${audience} ${marker}`,
      });
    const early = await staffWave("non-reporting-states");
    const toAll = await staffWave("all-states");
    expect([early.status, toAll.status]).toEqual([201, 201]);
    const fires = `${firesAt.slice(0, 10)} ${firesAt.slice(11, 16)} UTC`;
    const page = await signIn("secretariat", { at: `#/waves/${early.body.id}` });
    const caution = page.locator('[data-field="programme-sends"]');
    await caution.waitFor();
    expect(await caution.textContent()).toContain(`To this audience on ${fires}`);
    expect(await caution.textContent()).toContain("the programme's letter is held as a draft and not sent");
    expect(await caution.locator("li[data-held]").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "wave-programme-sends-1280.png");
    await go(page, `#/waves/${toAll.body.id}`);
    await page.getByRole("heading", { name: `Wave ${toAll.body.id}` }).waitFor();
    await caution.waitFor();
    expect(await caution.textContent()).toContain(`To States without a first national report on ${fires}`);
    expect(await caution.textContent()).toContain("those in both audiences will have the letter twice");
    expect(await caution.locator("li[data-held]").count()).toBe(0);
    // Its link opens the programme's item that sends the letter.
    await caution.getByRole("link").first().click();
    await page.waitForURL(/#\/programme\/\d{4}\//);
    // The item names the same firing, and the audience its schedule writes to.
    const sentBy = page
      .locator('[data-list="letters"] tr', { hasText: "first-report-request" })
      .locator('[data-field="sent-by"]');
    await sentBy.locator("time").waitFor();
    expect(await sentBy.textContent()).toBe(`its schedule, to States without a first national report, firing ${fires}`);
    await keepScreenshot(page, "programme-item-schedule-1280.png");
    await page.close();
    for (const wave of [early, toAll]) {
      const cancelled = await api("POST", `/waves/${wave.body.id}/cancel`, undefined, { "If-Match": wave.etag });
      expect(cancelled.status).toBe(200);
    }
  });

  it("reads at 390 px: no correspondence page wider than the screen", async () => {
    const page = await signIn("secretariat", { width: 390 });
    for (const [hash, heading, shot] of [
      ["#/templates", "Letter templates", "templates-390.png"],
      ["#/templates/programme-first-report-request", "Template programme-first-report-request", "template-390.png"],
      ["#/waves/new", "Compose a wave", "compose-390.png"],
      ["#/waves", "Correspondence waves", "waves-390.png"],
      [`#/waves/${waveId}`, `Wave ${waveId}`, "wave-390.png"],
    ] as const) {
      await go(page, hash);
      await page.getByRole("heading", { name: heading }).waitFor();
      await settled(page);
      expect(await overflowOf(page), hash).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), hash).toEqual([]);
      await keepScreenshot(page, shot);
    }
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
