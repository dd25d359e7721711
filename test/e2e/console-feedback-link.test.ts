// Linking the requesting State's feedback, recorded on its request first, to the State's document that is the same
// note, recorded on the State's page afterwards (ADR 0070), in Debian's Chromium against the local stack: the row
// offers the document of its day, the link is asked first and then made, the row names the document and the State's
// assistance feedback counts the note once; a colleague's link meanwhile (409) and a document voided meanwhile (422)
// are said in the API's words, which take the focus, and the second writes nothing; a link made in error is undone,
// asked first, and the feedback counts on its own again, once however many undo it; one linked meanwhile to another
// document of its day is not unlinked from it (409); a feedback's day typed wrongly is corrected in its row, refused at
// its field in the future, and once it is the document's day, the document is offered; a colleague's correction
// meanwhile is refused as stale (412, ADR 0072), read again keeping what was typed, and saved over; a note recorded in
// error is voided with its reason (ADR 0073), refused at the reason when none is given and as stale after a colleague's
// correction: it no longer counts, and its row stays, marked voided, with no action; a note linked to a document voided
// since is said to count nowhere, and unlinked it counts. Screenshots (DESK_SCREENSHOTS=1) go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { deskDay } from "#shared/zoned-time.ts";
import { STALE_WORDS } from "../../console/src/ui/problem-words.ts";
import { circulatedOverHttp } from "../support/circulated-over-http.ts";
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

// 409, 412 and 422: a colleague's link meanwhile, a colleague's correction meanwhile, a document voided meanwhile and
// a day in the future, on purpose.
const desk = consoleBrowser({ expectedErrors: /status of (409|412|422)/ });
const { signIn, troubles } = desk;
const api = secretariatApi(desk);

const today = deskDay(new Date());
/** The day the request was received and circulated, and the later day the State's note was received. */
const [circulatedOn, noteDay] = [addDays(today, -10), addDays(today, -3)];

/** A request of `iso3` recorded and moved to circulated (the State consented), all on `circulatedOn`: its id. */
const circulatedRequest = (iso3: string, symbol: string) =>
  circulatedOverHttp(api, {
    iso3,
    symbol,
    description: "Console e2e: feedback linked to the State's document",
    on: circulatedOn,
  });

/** The requesting State's feedback on request `id`, received on the note's day unless said: its id. */
async function requesterFeedback(id: string, text: string, receivedOn = noteDay): Promise<string> {
  const recorded = await api("POST", `/assistance/requests/${id}/feedback`, { from: "requester", text, receivedOn });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  return String(recorded.body.id);
}

/** The same note recorded on the State's page as its document of kind assistance-feedback, of the note's day. */
async function feedbackDocument(iso3: string, symbol: string): Promise<Json> {
  const recorded = await api("POST", `/states/${iso3}/submissions`, {
    kind: "assistance-feedback",
    receivedOn: noteDay,
    symbol,
    language: "en",
  });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  return recorded.body;
}

/** The State's assistance-feedback obligation, as the API says it. */
async function feedbackObligation(iso3: string): Promise<Json> {
  const obligations = await api("GET", `/states/${iso3}/obligations`);
  return obligations.body.items.find((item: Json) => item.kind === "assistance-feedback");
}

/** How many submissions the State's assistance-feedback obligation counts, as the API says. */
const feedbackCounted = async (iso3: string): Promise<number> => (await feedbackObligation(iso3)).submissions;

/** The feedback on request `id` as the API holds it, by id. */
async function feedbackOn(id: string): Promise<Record<string, Json>> {
  const items: Json[] = (await api("GET", `/assistance/requests/${id}/feedback`)).body.items;
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

async function onRequestPage(group: "secretariat" | "experts", id: string): Promise<Page> {
  const page = await signIn(group, { at: `#/assistance/${id}` });
  await page.getByRole("heading", { name: "Feedback", exact: true }).waitFor();
  await settled(page);
  return page;
}

/** The status once the State's feedback received `typedWrongly` is corrected to the note's day. */
const dayCorrected = (typedWrongly: string) =>
  `Corrected the feedback received ${typedWrongly}: the day received, now ${noteDay}. The State's assistance ` +
  "feedback is dated by the corrected day; its count does not change.";

/** The feedback table's row whose text says `text`. */
const rowOf = (page: Page, text: string) =>
  page.getByRole("table", { name: "Feedback on the request" }).locator("tbody tr", { hasText: text });

describe("linking the State's feedback to its document in the console, session 42", { timeout: 120_000 }, () => {
  it("offers the document of the note's day, asks first, links it, and the note counts once", async () => {
    const id = await circulatedRequest("GMB", "S/AC.44/2026/S42/GMB");
    await requesterFeedback(id, "The workshop helped us draft the export control bill");
    await feedbackDocument("GMB", "S/AC.44/2026/S42/NOTE.1");
    // Recorded twice, the note counts twice.
    expect(await feedbackCounted("GMB")).toBe(2);

    const page = await onRequestPage("experts", id);
    const row = rowOf(page, "The workshop helped");
    const review = row.getByRole("button", { name: "Review the link to S/AC.44/2026/S42/NOTE.1" });
    await review.waitFor();
    await review.click();
    const question = page.getByRole("group", {
      name: `Link the feedback received ${noteDay} to Gambia's document S/AC.44/2026/S42/NOTE.1?`,
    });
    await question.waitFor();
    expect(await question.textContent()).toContain(
      "They are then one note: Gambia's assistance feedback counts it once, as that document, not twice.",
    );
    // The safe answer has the focus: a second Enter links nothing.
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Keep them apart");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-link-question-1280.png", { windowOnly: true });

    // Kept apart: nothing sent, and the keyboard goes back to the review.
    await page.keyboard.press("Escape");
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Review the link to S/AC.44/2026/S42/NOTE.1");
    expect(await feedbackCounted("GMB")).toBe(2);

    await review.click();
    await question.getByRole("button", { name: "Yes, link them" }).click();
    const linked = page.locator("#feedback-changed");
    await expect
      .poll(() => linked.textContent())
      .toBe(
        `Linked the feedback received ${noteDay} to S/AC.44/2026/S42/NOTE.1: the note counts once, as that document.`,
      );
    // The row names the document and offers only to undo the link.
    expect(await row.locator('[data-field="document"]').textContent()).toBe("S/AC.44/2026/S42/NOTE.1 Unlink");
    expect(await row.locator('[data-field="document"]').getByRole("button").count()).toBe(1);
    await row.getByRole("button", { name: "Unlink S/AC.44/2026/S42/NOTE.1" }).waitFor();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-changed");
    expect(await feedbackCounted("GMB")).toBe(1);
    // The feedback form offers the document no more: it is one note, linked.
    expect(await page.getByLabel(/^Recorded already as the State's document/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-link-linked-1280.png", { windowOnly: true });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("says a colleague's link meanwhile and a document voided meanwhile in the API's words, linking nothing", async () => {
    const id = await circulatedRequest("SEN", "S/AC.44/2026/S42/SEN");
    const first = await requesterFeedback(id, "Le séminaire a aidé");
    const second = await requesterFeedback(id, "La loi est adoptée");
    await feedbackDocument("SEN", "S/AC.44/2026/S42/NOTE.2");
    const voidedLater = await feedbackDocument("SEN", "S/AC.44/2026/S42/NOTE.3");

    const page = await onRequestPage("secretariat", id);
    // Two documents of the note's day: chosen from a list.
    const row = rowOf(page, "Le séminaire a aidé");
    const choice = row.getByLabel("The same note as");
    await choice.waitFor();
    await choice.selectOption("S/AC.44/2026/S42/NOTE.2");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(
      page.locator('section[aria-labelledby="request-feedback-title"]'),
      "feedback-link-choice-1280.png",
    );

    // Narrow: the page reads without scrolling sideways, the table scrolling in its own region.
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await row.getByRole("button", { name: "Review the link" }).click();
    const yes = page.getByRole("button", { name: "Yes, link them" });
    await yes.waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, "feedback-link-question-390.png", { windowOnly: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // A colleague links that document to the other note of the day meanwhile.
    const colleague = await api("PUT", `/assistance/requests/${id}/feedback/${second}/document`, {
      symbol: "S/AC.44/2026/S42/NOTE.2",
    });
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(200);
    await yes.click();
    const problem = page.locator("#feedback-link-problem");
    await expect
      .poll(() => problem.textContent())
      .toBe(
        `S/AC.44/2026/S42/NOTE.2 is linked already to the request's feedback received on ${noteDay}: it is not recorded twice`,
      );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-link-problem");
    // Read again: the other note names the document, and this one is offered only the document left.
    await expect
      .poll(() => rowOf(page, "La loi est adoptée").locator('[data-field="document"]').textContent())
      .toBe("S/AC.44/2026/S42/NOTE.2 Unlink");
    const review = row.getByRole("button", { name: "Review the link to S/AC.44/2026/S42/NOTE.3" });
    await review.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-link-conflict-1280.png", { windowOnly: true });

    await review.click();
    await yes.waitFor();
    // The document is voided on the State's page meanwhile.
    const read = await api("GET", `/states/SEN/submissions/${voidedLater.id}`);
    const voided = await api(
      "POST",
      `/states/SEN/submissions/${voidedLater.id}/void`,
      { reason: "Console e2e: recorded in error" },
      { "if-match": read.etag },
    );
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    const counted = await feedbackCounted("SEN");
    await yes.click();
    await expect
      .poll(() => problem.textContent())
      .toBe(
        "The feedback does not match the document it names: S/AC.44/2026/S42/NOTE.3 is not among Senegal's " +
          `documents: record the note on the State's page first, received ${noteDay}, then link the feedback to it.`,
      );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-link-problem");
    expect((await feedbackOn(id))[first].document).toBeUndefined();
    // Read again: the voided document is offered no more, and no other of that day is left.
    await expect.poll(() => row.locator('[data-field="document"]').getByRole("button").count()).toBe(0);
    expect(await feedbackCounted("SEN")).toBe(counted);
    expect(await page.locator("#feedback-changed").textContent()).toBe("");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-link-refused-1280.png", { windowOnly: true });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("undoes a link made in error, asked first: the feedback counts on its own again, once however many undo it", async () => {
    const id = await circulatedRequest("GHA", "S/AC.44/2026/S42/GHA");
    const feedbackId = await requesterFeedback(id, "The training reached our customs officers");
    await feedbackDocument("GHA", "S/AC.44/2026/S42/NOTE.4");
    const path = `/assistance/requests/${id}/feedback/${feedbackId}/document`;
    const linked = await api("PUT", path, { symbol: "S/AC.44/2026/S42/NOTE.4" });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(await feedbackCounted("GHA")).toBe(1);

    const page = await onRequestPage("secretariat", id);
    const row = rowOf(page, "The training reached");
    const unlink = row.getByRole("button", { name: "Unlink S/AC.44/2026/S42/NOTE.4" });
    await unlink.waitFor();
    await unlink.click();
    const question = page.getByRole("group", {
      name: `Unlink the feedback received ${noteDay} from Ghana's document S/AC.44/2026/S42/NOTE.4?`,
    });
    await question.waitFor();
    expect(await question.textContent()).toContain(
      "They are then two notes: Ghana's assistance feedback counts the feedback on its own again, beside the " +
        "document. Do this only if the feedback is not that document.",
    );
    // The safe answer has the focus: a second Enter unlinks nothing.
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Keep them linked");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-unlink-question-1280.png", { windowOnly: true });

    // Kept linked: nothing sent, and the keyboard goes back to the button.
    await page.keyboard.press("Escape");
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Unlink S/AC.44/2026/S42/NOTE.4");
    expect(await feedbackCounted("GHA")).toBe(1);

    await unlink.click();
    const yes = question.getByRole("button", { name: "Yes, unlink them" });
    await yes.click();
    const said = page.locator("#feedback-changed");
    const unlinkedWords =
      `Unlinked the feedback received ${noteDay} from S/AC.44/2026/S42/NOTE.4: it counts on its own again, beside ` +
      "the document.";
    await expect.poll(() => said.textContent()).toBe(unlinkedWords);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-changed");
    // Read again: the row offers the link again, and the feedback counts beside the document.
    const review = row.getByRole("button", { name: "Review the link to S/AC.44/2026/S42/NOTE.4" });
    await review.waitFor();
    expect((await feedbackOn(id))[feedbackId].document).toBeUndefined();
    expect(await feedbackCounted("GHA")).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-unlink-unlinked-1280.png", { windowOnly: true });

    // Linked again on the page, then asked to undo, while a colleague undoes it meanwhile: the API answers the
    // feedback as it is, and it counts once more, not twice.
    const linkAgain = async () => {
      await review.click();
      await page.getByRole("button", { name: "Yes, link them" }).click();
      await unlink.waitFor();
      expect(await feedbackCounted("GHA")).toBe(1);
      await unlink.click();
      await yes.waitFor();
    };
    const unlinkNote4 = `${path}?symbol=${encodeURIComponent("S/AC.44/2026/S42/NOTE.4")}`;
    await linkAgain();
    const colleague = await api("DELETE", unlinkNote4);
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(200);
    await yes.click();
    await expect.poll(() => said.textContent()).toBe(unlinkedWords);
    await review.waitFor();
    expect(await page.locator("#feedback-link-problem").count()).toBe(0);
    expect(await feedbackCounted("GHA")).toBe(2);

    // Once more, while a colleague undoes it and links the feedback to another document of its day, the one it is:
    // the undoing of the link to the first is refused in the API's words, which take the focus, and writes nothing.
    await linkAgain();
    await feedbackDocument("GHA", "S/AC.44/2026/S42/NOTE.5");
    expect((await api("DELETE", unlinkNote4)).status).toBe(200);
    const relinked = await api("PUT", path, { symbol: "S/AC.44/2026/S42/NOTE.5" });
    expect(relinked.status, JSON.stringify(relinked.body)).toBe(200);
    const counted = await feedbackCounted("GHA");
    await yes.click();
    const problem = page.locator("#feedback-link-problem");
    await expect
      .poll(() => problem.textContent())
      .toBe(
        "This feedback is linked to S/AC.44/2026/S42/NOTE.5 now, no longer to S/AC.44/2026/S42/NOTE.4: read it again",
      );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-link-problem");
    // Read again: the row names the other document, and the status line says nothing was unlinked.
    await expect
      .poll(() => row.locator('[data-field="document"]').textContent())
      .toBe("S/AC.44/2026/S42/NOTE.5 Unlink");
    expect(await said.textContent()).toBe("");
    expect((await feedbackOn(id))[feedbackId].document?.symbol).toBe("S/AC.44/2026/S42/NOTE.5");
    expect(await feedbackCounted("GHA")).toBe(counted);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-unlink-conflict-1280.png", { windowOnly: true });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("corrects a feedback's day typed wrongly, so that it is offered the State's document of its day", async () => {
    const id = await circulatedRequest("TGO", "S/AC.44/2026/S42/TGO");
    const typedWrongly = addDays(noteDay, -1);
    const feedbackId = await requesterFeedback(id, "The peer review was useful", typedWrongly);
    await feedbackDocument("TGO", "S/AC.44/2026/S42/NOTE.6");
    expect(await feedbackObligation("TGO")).toMatchObject({ submissions: 2, firstReceivedOn: typedWrongly });

    const page = await onRequestPage("secretariat", id);
    const row = rowOf(page, "The peer review was useful");
    // A day apart from the document's: no link is offered.
    expect(await row.locator('[data-field="document"]').getByRole("button").count()).toBe(0);
    await row.getByRole("button", { name: `Correct the feedback received ${typedWrongly}` }).click();
    const form = page.getByRole("form", { name: `Correct the feedback received ${typedWrongly}` });
    await form.waitFor();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-correct-text");
    expect(await form.getByLabel("What it says").inputValue()).toBe("The peer review was useful");
    const day = form.getByLabel("Received on (YYYY-MM-DD)");
    expect(await day.inputValue()).toBe(typedWrongly);
    const save = form.getByRole("button", { name: "Save the correction" });

    // Nothing changed: said, not sent.
    await save.click();
    await expect
      .poll(() => page.locator("#feedback-correct-problem").textContent())
      .toBe("Nothing to correct: change what it says or the day before saving, or keep the feedback as it is");

    // A day in the future: refused at the field, which takes the focus, and nothing is written.
    const tomorrow = addDays(today, 1);
    await day.fill(tomorrow);
    await save.click();
    await expect
      .poll(() => page.locator("#feedback-correct-receivedOn-problem").textContent())
      .toBe(`is in the future (today is ${today})`);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-correct-receivedOn");
    expect(await day.inputValue()).toBe(tomorrow);
    expect((await feedbackOn(id))[feedbackId].receivedOn).toBe(typedWrongly);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-correct-refused-1280.png", { windowOnly: true });

    await day.fill(noteDay);
    await save.click();
    await expect.poll(() => page.locator("#feedback-changed").textContent()).toBe(dayCorrected(typedWrongly));
    await expect.poll(() => form.count()).toBe(0);
    // The keyboard goes back to the row's button, which names the feedback by its corrected day.
    await expect.poll(async () => (await focusedElement(page)).name).toBe(`Correct the feedback received ${noteDay}`);
    // Read again: the row shows the day and offers the document of that day, the same note.
    expect(await row.locator("td").first().textContent()).toBe(noteDay);
    await row.getByRole("button", { name: "Review the link to S/AC.44/2026/S42/NOTE.6" }).waitFor();
    expect(await feedbackObligation("TGO")).toMatchObject({ submissions: 2, firstReceivedOn: noteDay });
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-corrected-1280.png", { windowOnly: true });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("says a colleague's correction meanwhile, reads it again keeping what was typed, and saves over it", async () => {
    const id = await circulatedRequest("BEN", "S/AC.44/2026/S43/BEN");
    const typedWrongly = addDays(noteDay, -1);
    const feedbackId = await requesterFeedback(id, "The mission helped", typedWrongly);
    const colleagueText = "The mission helped our customs service";

    const page = await onRequestPage("secretariat", id);
    const row = rowOf(page, "The mission helped");
    await row.getByRole("button", { name: `Correct the feedback received ${typedWrongly}` }).click();
    const form = page.getByRole("form", { name: `Correct the feedback received ${typedWrongly}` });
    await form.waitFor();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-correct-text");
    const text = form.getByLabel("What it says");
    const day = form.getByLabel("Received on (YYYY-MM-DD)");
    await day.fill(noteDay);

    // Meanwhile a colleague corrects what it says, against the version they read.
    const path = `/assistance/requests/${id}/feedback/${feedbackId}`;
    const read = await api("GET", path);
    const colleague = await api("PATCH", path, { text: colleagueText }, { "if-match": read.etag });
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(200);

    const save = form.getByRole("button", { name: "Save the correction" });
    await save.click();
    const problem = page.locator("#feedback-correct-problem");
    await expect.poll(() => problem.textContent()).toBe(STALE_WORDS);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-correct-problem");
    // The table is read again at once and shows the colleague's words; the form keeps what was typed over the version
    // it read.
    await expect.poll(() => row.locator("td").nth(2).textContent()).toBe(colleagueText);
    expect(await text.inputValue()).toBe("The mission helped");
    expect(await day.inputValue()).toBe(noteDay);
    expect((await feedbackOn(id))[feedbackId]).toMatchObject({ text: colleagueText, receivedOn: typedWrongly });
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-correct-stale-1280.png", { windowOnly: true });

    await form.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();
    const now = page.locator("#feedback-correct-now");
    await expect
      .poll(() => now.textContent())
      .toBe(
        `Now on record: what it says "${colleagueText}", received on "${typedWrongly}". Saving sends only what you ` +
          `typed that differs from it: received on "${noteDay}" (now "${typedWrongly}"). The other fields show the ` +
          "version now on record.",
      );
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-correct-now");
    expect(await problem.count()).toBe(0);
    expect(await text.inputValue()).toBe(colleagueText);
    expect(await day.inputValue()).toBe(noteDay);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-correct-read-again-1280.png", { windowOnly: true });

    await save.click();
    await expect.poll(() => page.locator("#feedback-changed").textContent()).toBe(dayCorrected(typedWrongly));
    await expect.poll(() => form.count()).toBe(0);
    // Both corrections stand: the colleague's words and the day saved here.
    expect(await row.locator("td").first().textContent()).toBe(noteDay);
    expect(await row.locator("td").nth(2).textContent()).toBe(colleagueText);
    expect((await feedbackOn(id))[feedbackId]).toMatchObject({ text: colleagueText, receivedOn: noteDay });
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("voids a note recorded in error, with its reason: it no longer counts, and its row stays, marked, with no action", async () => {
    const id = await circulatedRequest("CPV", "S/AC.44/2026/S43/CPV");
    const laterDay = addDays(noteDay, 1);
    const feedbackId = await requesterFeedback(id, "The mission belongs to another request");
    await requesterFeedback(id, "The training helped our customs", laterDay);
    expect(await feedbackObligation("CPV")).toMatchObject({ submissions: 2, firstReceivedOn: noteDay });

    const page = await onRequestPage("secretariat", id);
    const row = rowOf(page, "The mission belongs");
    const voidName = `Void the feedback received ${noteDay}`;
    const open = row.getByRole("button", { name: voidName });
    await open.click();
    const form = page.getByRole("form", { name: voidName });
    await form.waitFor();
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-void-reason");
    expect(await form.locator("#feedback-void-means").textContent()).toMatch(
      /^It no longer counts towards Cabo Verde's assistance feedback: the obligation counts one note less/,
    );

    // Kept: nothing sent, and the keyboard goes back to the row's button.
    await page.keyboard.press("Escape");
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).name).toBe(voidName);

    // No reason: the API's refusal at the field, which takes the focus, and nothing is written.
    await open.click();
    const voidIt = form.getByRole("button", { name: "Void this feedback" });
    await voidIt.click();
    await expect
      .poll(() => page.locator("#feedback-void-reason-problem").textContent())
      .toBe("say why, in at least 3 characters");
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-void-reason");
    expect((await feedbackOn(id))[feedbackId].voided).toBeUndefined();
    expect(await feedbackCounted("CPV")).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-void-refused-1280.png", { windowOnly: true });

    // Narrow: the page reads without scrolling sideways, the table scrolling in its own region.
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(form, "feedback-void-form-390.png");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Meanwhile a colleague corrects what it says: the void is refused as stale, the table read again at once, and
    // the reason kept.
    const reason = form.getByLabel("Why it was recorded in error");
    await reason.fill("Recorded on the wrong request");
    const path = `/assistance/requests/${id}/feedback/${feedbackId}`;
    const colleagueText = "The mission belongs to another request, said in Praia";
    const read = await api("GET", path);
    const colleague = await api("PATCH", path, { text: colleagueText }, { "if-match": read.etag });
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(200);
    await voidIt.click();
    await expect.poll(() => page.locator("#feedback-void-problem").textContent()).toBe(STALE_WORDS);
    await expect.poll(() => row.locator("td").nth(2).textContent()).toBe(colleagueText);
    expect(await reason.inputValue()).toBe("Recorded on the wrong request");
    await form.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();
    await expect
      .poll(() => page.locator("#feedback-void-now").textContent())
      .toBe(
        `Now on record: the feedback of the requesting State received ${noteDay}, saying "${colleagueText}". Your ` +
          "reason is kept: voiding now voids it as it stands.",
      );
    expect((await feedbackOn(id))[feedbackId].voided).toBeUndefined();

    await voidIt.click();
    const said = page.locator("#feedback-changed");
    await expect
      .poll(() => said.textContent())
      .toBe(`Voided the feedback received ${noteDay}: Recorded on the wrong request.`);
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("feedback-changed");
    // One note less, dated by the note still counted.
    expect(await feedbackObligation("CPV")).toMatchObject({ submissions: 1, firstReceivedOn: laterDay });
    const { voided } = (await feedbackOn(id))[feedbackId];
    expect(voided).toMatchObject({ reason: "Recorded on the wrong request" });
    // Listed still, marked voided in words, with no action; the other note keeps its own.
    expect(await row.locator('[data-field="voided"]').textContent()).toBe(
      `Voided ${deskDay(voided.at)}: Recorded on the wrong request.`,
    );
    expect(await row.getByRole("button").count()).toBe(0);
    await rowOf(page, "The training helped")
      .getByRole("button", { name: `Void the feedback received ${laterDay}` })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "feedback-voided-1280.png", { windowOnly: true });
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page.locator('section[aria-labelledby="request-feedback-title"]'), "feedback-voided-390.png");
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("says that a note linked to a document voided since counts nowhere, and unlinking it makes it count", async () => {
    const id = await circulatedRequest("LBR", "S/AC.44/2026/S43/LBR");
    const document = await feedbackDocument("LBR", "S/AC.44/2026/S43/NOTE.1");
    const recorded = await api("POST", `/assistance/requests/${id}/feedback`, {
      from: "requester",
      text: "The review mission was timely",
      symbol: "S/AC.44/2026/S43/NOTE.1",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const read = await api("GET", `/states/LBR/submissions/${document.id}`);
    const voided = await api(
      "POST",
      `/states/LBR/submissions/${document.id}/void`,
      { reason: "Console e2e: recorded on the wrong State's page." },
      { "if-match": read.etag },
    );
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    expect(await feedbackCounted("LBR")).toBe(0);

    const page = await onRequestPage("secretariat", id);
    const cell = rowOf(page, "The review mission").locator('[data-field="document"]');
    await expect
      .poll(() => cell.locator(".caution").textContent())
      .toBe(
        "S/AC.44/2026/S43/NOTE.1 was voided, so this note counts nowhere now: if the State did send it, unlink it so " +
          "that it counts on its own.",
      );
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(
      page.locator('section[aria-labelledby="request-feedback-title"]'),
      "feedback-linked-document-voided-1280.png",
    );
    await cell.getByRole("button", { name: "Unlink S/AC.44/2026/S43/NOTE.1" }).click();
    await page.getByRole("button", { name: "Yes, unlink them" }).click();
    await expect.poll(() => cell.locator(".caution").count()).toBe(0);
    expect(await feedbackCounted("LBR")).toBe(1);
    expect(troubles).toEqual([]);
    await page.close();
  });
});
