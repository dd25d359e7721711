// What the console shows, and where the keyboard is, after an action, in Debian's Chromium against the local stack:
// the obligations read again after a contact's change; a stale contact read again in place (a failed read said at
// the form); the focus given back (or to a neighbour) when an inline form or confirm closes, and Escape closing them;
// a snapshot's taking said and its taker named; the composer's Chair; the programme's current month in words.
// Screenshots go to .local/e2e/console/.
import { describe, expect, it } from "vitest";
import { deskDay } from "#shared/zoned-time.ts";
import { obligationStatusWords } from "../../console/src/pages/state/labels.ts";
import {
  consoleBrowser,
  focusedElement as focused,
  type Json,
  keepScreenshot,
  secretariatApi,
  settled,
} from "../support/console-browser.ts";

// 503: a contact's re-read the test makes fail once.
const desk = consoleBrowser({ expectedErrors: /status of (412|422|503)/ });
const { signIn, troubles, go } = desk;

const api = secretariatApi(desk);

const MONTHS = "January February March April May June July August September October November December".split(" ");
const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

describe("the console after an action", { timeout: 120_000 }, () => {
  it("reads the obligations again when contacts are deactivated: Chad's point of contact turns as the API says", async () => {
    const page = await signIn("secretariat", { at: "#/states/TCD" });
    await page.getByRole("heading", { name: "Chad (TCD)" }).waitFor();
    await settled(page);
    const status = page
      .getByRole("row", { name: /^Point of contact/ })
      .locator("td")
      .nth(1);
    const before = await status.textContent();

    const contacts = (await api("GET", "/contacts?owner=STATE:TCD")).body.items.filter((c: Json) => c.active);
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) {
      await page.getByRole("button", { name: `Deactivate ${contact.name}` }).click();
      await page
        .getByLabel(/^Why \(left the post, address no longer used…\); experts and members read it/)
        .fill("Left the post");
      await page.getByRole("button", { name: "Deactivate the contact" }).click();
      await page.getByRole("button", { name: `Deactivate ${contact.name}` }).waitFor({ state: "detached" });
    }
    const owed = (await api("GET", "/states/TCD/obligations")).body.items.find(
      (o: Json) => o.kind === "point-of-contact",
    );
    // Shown in words: the status before, and the API's status now.
    const words = obligationStatusWords(owed);
    expect(words).toBeDefined();
    expect(words).not.toBe(before);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe(words);
    await page.close();
  });

  it("reads a contact changed by someone else again in place (a failed read said at the form), shows its current details, and then acts on them", async () => {
    const created = await api("POST", "/contacts", {
      owner: "STATE:NOR",
      role: "capital-poc",
      name: "Stale Testperson",
      email: "stale.testperson@example.org",
      designatedOn: "2024-01-02",
    });
    expect(created.status).toBe(201);
    const page = await signIn("secretariat", { at: "#/states/NOR" });
    await page.getByRole("heading", { name: "Norway (NOR)" }).waitFor();
    await settled(page);
    const row = page.getByRole("row", { name: /Stale Testperson/ });
    await row.getByText("stale (not verified for 12 months)").waitFor();

    // Verified meanwhile from elsewhere: the list the officer acts on is stale.
    const current = await api("GET", `/contacts/${created.body.id}`);
    expect(
      (await api("POST", `/contacts/${created.body.id}/verify`, undefined, { "if-match": current.etag })).status,
    ).toBe(200);

    await page.getByRole("button", { name: "Verify Stale Testperson" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Stale Testperson" });
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toMatch(/reload/i);
    const readAgain = refusal.getByRole("button", { name: "Read Stale Testperson's current details" });
    // The read fails once (the API out of reach a moment): the press is answered where it was made.
    const contactUrl = `**/contacts/${created.body.id}`;
    await page.route(contactUrl, (route) =>
      route.request().method() === "GET"
        ? route.fulfill({
            status: 503,
            contentType: "application/problem+json",
            body: JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503 }),
          })
        : route.continue(),
    );
    await readAgain.click();
    const failed = page.locator(`#reread-${created.body.id}-problem`);
    await failed.waitFor();
    expect(await failed.textContent()).toContain("Could not read Stale Testperson's current details");
    expect(await failed.getAttribute("role")).toBe("alert");
    expect(await readAgain.getAttribute("aria-describedby")).toBe(`reread-${created.body.id}-problem`);
    await keepScreenshot(page, "state-contact-reread-failed-1280.png");
    await page.unroute(contactUrl);
    await readAgain.click();
    const now = page.locator("#contact-now");
    await now.waitFor();
    const today = (await api("GET", `/contacts/${created.body.id}`)).body.lastVerifiedOn;
    expect(await now.textContent()).toContain(`last verified ${today} (current)`);
    expect((await focused(page)).id).toBe("contact-now");
    expect(await failed.count()).toBe(0);
    await row.getByRole("cell", { name: "current", exact: true }).waitFor();
    // Acting again works on the version now shown.
    await page.getByRole("button", { name: "Verify Stale Testperson" }).click();
    await page.locator("#contact-now").waitFor({ state: "detached" });
    expect(await page.getByRole("alert").filter({ hasText: "Stale Testperson" }).count()).toBe(0);
    await keepScreenshot(page, "state-contact-reread-1280.png");
    await page.close();
  });

  it("gives the focus back to the opener when the deactivate form or the submission editor closes, or Escape", async () => {
    const page = await signIn("secretariat", { at: "#/states/KEN" });
    await page.getByRole("heading", { name: "Kenya (KEN)" }).waitFor();
    await settled(page);

    const deactivate = page.getByRole("button", { name: /^Deactivate / }).first();
    const opener = await deactivate.getAttribute("aria-label");
    await deactivate.click();
    await page.getByRole("button", { name: "Keep the contact" }).click();
    await expect.poll(async () => (await focused(page)).name).toBe(opener);
    await deactivate.press("Enter");
    await expect.poll(async () => (await focused(page)).id).toBe("deactivate-reason");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Keep the contact" }).waitFor({ state: "detached" });
    await expect.poll(async () => (await focused(page)).name).toBe(opener);

    const correct = page.getByRole("button", { name: "Correct or void", exact: true }).first();
    await correct.click();
    await page.getByRole("form", { name: /^Correct / }).waitFor();
    await page.getByRole("button", { name: "Close without saving" }).click();
    await expect.poll(async () => (await focused(page)).name).toBe("Correct or void");
    await correct.press("Enter");
    await page
      .getByRole("form", { name: /^Correct / })
      .getByLabel("Document symbol")
      .focus();
    await page.keyboard.press("Escape");
    await page.locator("#editor-title").waitFor({ state: "detached" });
    await expect.poll(async () => (await focused(page)).name).toBe("Correct or void");
    await page.close();
  });

  it("gives the focus back to 'Cancel the wave' when the wave is kept, by button or Escape", async () => {
    const draft = await api("POST", "/waves", {
      templateId: "programme-first-report-request",
      audience: "non-reporting-states",
      sendAt: "2099-01-01T09:00",
      timeZone: "UTC",
      notAfter: "2099-01-02T00:00:00Z",
      deadline: "2099-03-01",
      description: "A draft to keep",
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const page = await signIn("secretariat", { at: `#/waves/${draft.body.id}` });
    await settled(page);
    await page.getByRole("button", { name: "Cancel the wave" }).click();
    await page.getByRole("button", { name: "Keep the wave" }).click();
    await expect.poll(async () => (await focused(page)).id).toBe("cancel-wave");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).name).toBe("Keep the wave");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Keep the wave" }).waitFor({ state: "detached" });
    await expect.poll(async () => (await focused(page)).id).toBe("cancel-wave");
    await page.close();
  });

  it("focuses a new feed's address; asks before revoking, says it after, then focuses the next feed or the label", async () => {
    const page = await signIn("experts", { at: "#/programme" });
    for (const label of ["after-one", "after-two"]) {
      await page.getByLabel("Label (optional, e.g. phone)").fill(label);
      await page.getByRole("button", { name: "Issue a feed" }).click();
      await page.getByRole("button", { name: `Revoke ${label}` }).waitFor();
      // The address, shown this once, has the focus (audit 30: it stayed in the label field, unannounced).
      await expect.poll(async () => (await focused(page)).id).toBe("feed-address");
    }
    // Issued today, as the desk counts days: New York's.
    const issued = page.getByRole("table", { name: "Your live feeds" }).getByRole("row", { name: /^after-one/ });
    expect((await issued.getByRole("cell").allTextContents()).slice(1, 2)).toEqual([deskDay(Date.now())]);
    // Asked first, the safe answer focused; Escape keeps the feed and gives the focus back.
    await page.getByRole("button", { name: "Revoke after-one" }).click();
    await page.getByRole("group", { name: /^Revoke the feed after-one\?/ }).waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe("Keep it");
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await focused(page)).name).toBe("Revoke after-one");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Yes, revoke it" }).click();
    await expect
      .poll(() => page.locator("#feed-revoked").textContent())
      .toBe("Revoked the feed after-one: its address reads nothing any more.");
    await page.getByRole("row", { name: /^after-one/ }).waitFor({ state: "detached" });
    await expect.poll(async () => (await focused(page)).name).toBe("Revoke after-two");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Yes, revoke it" }).click();
    await page.getByRole("row", { name: /^after-two/ }).waitFor({ state: "detached" });
    await expect.poll(async () => (await focused(page)).id).toBe("feed-label");
    await page.close();
  });

  it("says a snapshot was taken, or was already taken and is unchanged, and names its taker as the timeline does", async () => {
    const page = await signIn("secretariat", { at: "#/snapshots" });
    await page.getByRole("heading", { name: "Quarterly snapshots" }).waitFor();
    await settled(page);
    const take = async () => {
      await page.getByLabel("Quarter (YYYY-Qn, ended)").fill("2025-Q4");
      await page.getByRole("button", { name: "Take the snapshot" }).click();
    };
    await take();
    await page.getByRole("status").filter({ hasText: "2025-Q4 taken." }).waitFor();
    const stored = (await api("GET", "/snapshots/2025-Q4")).body;
    await take();
    const minute = `${stored.computedAt.slice(0, 16).replace("T", " ")} UTC`;
    await page
      .getByRole("status")
      .filter({ hasText: `2025-Q4 was already taken on ${minute}, unchanged.` })
      .waitFor();
    const row = page.getByRole("row", { name: /^2025-Q4/ });
    await row.getByText(`${minute} by local-secretariat`).waitFor();
    expect(await row.textContent()).not.toContain(stored.computedBy);
    await page.close();
  });

  it("composes a wave whose letters name the Chair: the API's 422 at the Chair field, then accepted with one", async () => {
    const templateId = `chair-e2e-${Date.now()}`;
    const created = await api("POST", "/templates", {
      id: templateId,
      kind: "other",
      fallbackLanguage: "en",
      variants: {
        en: {
          subject: "{{state.name}}",
          text: "Dear {{contact.name}},\n\n{{committee.chair}}",
          html: "<p>Dear {{contact.name}},</p><p>{{committee.chair}}</p>",
        },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await signIn("secretariat", { at: `#/waves/new?template=${templateId}` });
    await page.getByRole("heading", { name: "Compose a wave" }).waitFor();
    const chair = page.getByLabel("Chair's name (optional)");
    expect(await chair.getAttribute("aria-describedby")).toContain("chair-hint");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await page.locator("#chair-problem").waitFor();
    expect(await page.locator("#chair-problem").textContent()).toMatch(/no Chair is configured/);
    expect(await chair.getAttribute("aria-invalid")).toBe("true");
    await keepScreenshot(page, "compose-chair-1280.png");
    await chair.fill("Acting Chair Testperson");
    await page.getByRole("button", { name: "Create the draft wave" }).click();
    await page.getByRole("heading", { name: /^Wave |\(wave \w+\)$/ }).waitFor();
    const id = page.url().split("#/waves/")[1] ?? "";
    expect((await api("GET", `/waves/${id}`)).body.chair).toBe("Acting Chair Testperson");
    await page.close();
  });

  it("says an activity planned for the current month is in that month, on home and on its page", async () => {
    const due = (await api("GET", "/programme?next=5")).body;
    const page = await signIn("members");
    const list = page.locator("ol.due-next");
    await list.locator("li").first().waitFor();
    expect(await list.textContent()).not.toMatch(/in -\d/);
    const thisMonth = due.dueNext.filter((activity: Json) => activity.status === "this-month");
    for (const activity of thisMonth) {
      const words = `in ${monthName(activity.plannedMonth)}, this month`;
      await list
        .locator("li")
        .filter({ hasText: activity.title })
        .filter({ hasText: `(${words})` })
        .waitFor();
    }
    const first = thisMonth[0] ?? due.dueNext[0];
    await go(page, `#/programme/${due.year}/${encodeURIComponent(first.id)}`);
    await page.getByRole("heading", { name: first.title }).waitFor();
    const when = await page.locator("dl.facts dd").first().textContent();
    expect(when).not.toMatch(/-\d+ days|days ago \(this-month\)/);
    if (first.status === "this-month") expect(when).toContain(`in ${monthName(first.plannedMonth)}, this month`);
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
