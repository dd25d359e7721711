// Two corrections the API allows the secretariat and the experts, in Debian's Chromium against the local stack: an
// expert refreshes a stale provider's offer on its State's page while a colleague changes its description through the
// API (the 412 is read again in place, and the colleague's change stands), and the secretariat corrects a first report
// that was an action plan, after a question that says the State becomes non-reporting (its status, obligations and
// timeline say so after), and retires an organization recorded twice: asked first (Escape keeps it), refused in the
// API's words while a contact is active, then said on its page and left out of the list unless asked for, its acronym
// and name then added again under the next free id (ADR 0061).
// A member is offered neither correction. Screenshots go to .local/e2e/console/.
import { describe, expect, it } from "vitest";
import { deskDay } from "#shared/zoned-time.ts";
import {
  consoleBrowser,
  focusedElement,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

// 412: the stale offer correction, refused on purpose; 409: the organization's retirement while a contact is active.
const desk = consoleBrowser({ expectedErrors: /status of (409|412)/ });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

/** The desk's day, New York's, as the API counts a provider's freshness. */
const today = () => deskDay(new Date());
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

type Provider = { kind: "state"; iso3: string } | { kind: "organization"; id: string };

describe("corrections the console offers staff", { timeout: 120_000 }, () => {
  it("refreshes a stale provider's offer on its State's page, keeping a colleague's description", async () => {
    const providers = (await api("GET", "/assistance/providers")).body.items as {
      provider: Provider;
      stale: boolean;
    }[];
    const stale = providers.find((summary) => summary.provider.kind === "state" && summary.stale)?.provider;
    if (stale?.kind !== "state") throw new Error("the demo seed has no stale State provider");
    const offer = (await api("GET", `/assistance/offers?provider=state:${stale.iso3}&limit=100`)).body.items[0];

    const page = await signIn("experts", { at: `#/states/${stale.iso3}` });
    const offered = page.getByRole("region", { name: "Assistance offered" });
    await offered.getByRole("heading", { name: "Assistance offered" }).waitFor();
    await settled(page);
    expect(await offered.locator('[data-field="offers-standing"]').textContent()).toContain("stale");
    await offered.locator(`button[aria-describedby="offer-${offer.id}-description"]`).click();
    const form = page.getByRole("form", { name: "Correct this offer" });
    await form.waitFor();
    await settled(page);
    // Opened from the row's button: the keyboard goes on in the form's first field.
    expect((await focusedElement(page)).tag).toBe("INPUT");
    const other = form.getByRole("checkbox", { name: "Other", exact: true });
    const hadOther = await other.isChecked();
    await other.setChecked(!hadOther);
    await form.getByLabel("Last updated by the provider (YYYY-MM-DD)").fill(today());

    // Meanwhile a colleague corrects the description through the API.
    const read = await api("GET", `/assistance/offers/${offer.id}`);
    const colleague = await api(
      "PATCH",
      `/assistance/offers/${offer.id}`,
      { description: `${offer.description} (confirmed by the mission)` },
      { "if-match": read.etag },
    );
    expect(colleague.status).toBe(200);

    await form.getByRole("button", { name: "Save the correction" }).click();
    await page.locator("#correct-offer-problem").waitFor();
    await form.getByRole("button", { name: "Read the current version (keeps what you typed)" }).click();
    const now = page.locator("#correct-offer-now");
    await now.waitFor();
    expect(await now.textContent()).toContain(`last updated "${today()}" (now "${offer.lastUpdatedOn}")`);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("correct-offer-now");
    expect(await form.getByLabel("Description").inputValue()).toBe(`${offer.description} (confirmed by the mission)`);
    expect(await other.isChecked()).toBe(!hadOther);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "offer-correction-read-again-1280.png");

    await form.getByRole("button", { name: "Save the correction" }).click();
    await offered.getByText(/^Saved the correction: areas .*; last updated \d{4}-\d{2}-\d{2}\.$/).waitFor();
    // The form closes once the list shows the change; the keyboard goes back to the row's button.
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Correct this offer");
    expect(await offered.locator('[data-field="offers-standing"]').textContent()).not.toContain("stale");
    const stored = (await api("GET", `/assistance/offers/${offer.id}`)).body;
    expect(stored.description).toBe(`${offer.description} (confirmed by the mission)`);
    expect(stored.lastUpdatedOn).toBe(today());
    expect(stored.areas.includes("other")).toBe(!hadOther);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("corrects a first report that was an action plan: the State becomes non-reporting, its timeline says why", async () => {
    const unreported = (await api("GET", "/states?status=non-reporting&limit=1")).body.items[0];
    const symbol = "S/AC.44/2026/KIND-1";
    const obligations = (await api("GET", `/states/${unreported.iso3}/obligations`)).body.items as {
      kind: string;
      submissions: number;
    }[];
    const plans = (obligations.find((obligation) => obligation.kind === "action-plan")?.submissions ?? 0) + 1;
    const recorded = await api("POST", `/states/${unreported.iso3}/submissions`, {
      kind: "first-report",
      receivedOn: daysAgo(10),
      symbol,
      language: "en",
    });
    expect(recorded.status).toBe(201);

    const page = await signIn("secretariat", { at: `#/states/${unreported.iso3}` });
    await page.getByRole("heading", { name: `${unreported.name} (${unreported.iso3})` }).waitFor();
    await settled(page);
    expect(await page.locator('[data-field="reportingStatus"]').textContent()).toBe("reported");
    await page
      .getByRole("row", { name: new RegExp(symbol) })
      .getByRole("button", { name: "Correct or void" })
      .click();
    const form = page.getByRole("form", { name: `Kind of ${symbol}` });
    await form.getByLabel("Kind it is").selectOption("action-plan");
    await form.getByLabel("Why the kind was wrong").fill("The document is the State's action plan");
    await form.getByRole("button", { name: "Review the correction" }).click();

    // Asked first, with what changes; the safe answer has the keyboard.
    const question = form.getByRole("group", { name: `Correct ${symbol} to National implementation action plan?` });
    await question.waitFor();
    expect(await question.getByRole("listitem").allTextContents()).toEqual([
      `${symbol} counts as National implementation action plan, no longer as First national report.`,
      "First national report: none counts (outstanding: owed, not received).",
      `National implementation action plan: ${plans === 1 ? "1 submission counts" : `${plans} submissions count`} ` +
        "(fulfilled).",
      `${unreported.name} becomes non-reporting: no first report of it would count.`,
    ]);
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Go back to the form");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "submission-kind-question-1280.png");
    await question.getByRole("button", { name: "Yes, correct the kind" }).click();

    await page
      .getByText(
        `${symbol} is now recorded as National implementation action plan (was First national report); ` +
          `${unreported.name}'s reporting status: non-reporting.`,
      )
      .waitFor();
    expect(await page.locator('[data-field="reportingStatus"]').textContent()).toBe("non-reporting");
    const row = page.getByRole("row", { name: new RegExp(symbol) });
    expect(await row.getByRole("cell", { name: "National implementation action plan" }).count()).toBe(1);
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Correct or void");
    const obligationsPanel = page.getByRole("region", { name: "Obligations" });
    expect(await obligationsPanel.getByRole("row", { name: /First national report/ }).textContent()).toContain(
      "outstanding: owed, not received",
    );
    const timeline = page.getByRole("region", { name: "Timeline" });
    const kindEntry = timeline
      .getByRole("listitem")
      .filter({ has: page.locator('[data-action="submission.correct-kind"]') });
    await kindEntry.waitFor();
    expect(await kindEntry.textContent()).toContain(": The document is the State's action plan");
    await timeline
      .getByRole("listitem")
      .filter({ has: page.locator('[data-action="state.reporting-status"]') })
      .filter({ hasText: "from reported to non-reporting" })
      .waitFor();
    await keepScreenshot(page, "submission-kind-corrected-1280.png");
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("retires an organization recorded twice: asked first, refused while a contact is active, then said", async () => {
    const acronym = `RT-${Date.now().toString(36).toUpperCase()}`;
    const name = `Retirement Test Forum ${acronym}`;
    const created = await api("POST", "/organizations", { kind: "regional", name, acronym });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const contact = await api("POST", "/contacts", {
      owner: `ORG:${id}`,
      role: "organization-poc",
      name: "Retiring Contact",
      email: `${id}@retire.example`,
    });
    expect(contact.status).toBe(201);
    // An offer that ended yesterday: history, which does not stop the retirement, and is corrected no more after it.
    // Yesterday in New York, the desk's day: between 00:00 and 05:00 UTC the UTC day before is still the desk's today.
    const ended = await api("POST", "/assistance/offers", {
      provider: { kind: "organization", id },
      areas: ["legislation"],
      description: "A workshop on export control laws, ended",
      validFrom: "2025-01-01",
      validUntil: deskDay(new Date(Date.now() - 86_400_000)),
    });
    expect(ended.status).toBe(201);

    const page = await signIn("secretariat", { at: `#/organizations/${id}` });
    const retire = page.getByRole("button", { name: "Retire this organization" });
    await retire.click();
    const form = page.getByRole("form", { name: `Retire ${name} (${acronym})` });
    await form.waitFor();
    // Opened from the button: the keyboard goes on in the reason; Escape keeps the organization, the focus goes back.
    await expect.poll(async () => (await focusedElement(page)).id).toBe("retire-organization-reason");
    await page.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Retire this organization");
    expect(await page.getByRole("form", { name: "Add a contact" }).count()).toBe(1);
    await page.getByRole("button", { name: "Correct this offer" }).waitFor();

    await retire.click();
    await form.getByLabel(/^Why/).fill("recorded twice");
    await form.getByRole("button", { name: "Retire the organization" }).click();
    const refused = page.locator("#retire-organization-problem");
    await refused.waitFor();
    expect(await refused.textContent()).toContain("its active contact Retiring Contact: deactivate it first");
    expect(await seriousViolations(page)).toEqual([]);

    const deactivated = await api(
      "POST",
      `/contacts/${contact.body.id}/deactivate`,
      { reason: "left the post" },
      { "if-match": contact.etag },
    );
    expect(deactivated.status).toBe(200);
    await form.getByRole("button", { name: "Retire the organization" }).click();
    const retired = page.locator("#organization-retired");
    await retired.waitFor();
    expect(await retired.textContent()).toMatch(new RegExp(`^Retired on ${today()} by \\S+: recorded twice\\.`));
    await expect.poll(async () => (await focusedElement(page)).id).toBe("organization-retired");
    expect(await page.getByRole("form", { name: `Correct ${acronym}` }).count()).toBe(0);
    // Its contacts, deactivated meanwhile through the API, are read again: none is offered for verifying any more.
    await expect.poll(() => page.getByRole("button", { name: "Verify Retiring Contact" }).count()).toBe(0);
    // Its contacts and offers are history: none is added to it, none corrected.
    expect(await page.getByRole("form", { name: "Add a contact" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Correct this offer" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "organization-retired-1280.png");

    await go(page, "#/organizations");
    const list = page.locator('[data-list="organizations"]');
    await list.waitFor();
    await settled(page);
    expect(await list.getByText(name).count()).toBe(0);
    await page.getByRole("checkbox", { name: /^Show the \d+ retired organizations? too$/ }).check();
    const row = list.locator("tr", { hasText: name });
    expect(await row.textContent()).toContain(`Retired on ${today()}`);

    // Its name is free and its id kept: the same acronym and name are added again, under the next free id.
    const add = page.getByRole("form", { name: "Add an organization" });
    await add.getByLabel("Name").fill(name);
    await add.getByLabel("Acronym").fill(acronym);
    expect(await add.locator('[data-field="new-organization-id"]').textContent()).toContain(
      `The id ${id} is kept by the retired ${acronym}, ${name} (retired on ${today()} by `,
    );
    await keepScreenshot(add, "organization-add-retired-acronym-1280.png");
    await add.getByRole("button", { name: "Add the organization" }).click();
    await add.getByRole("status").getByText(`${name} added, as ${id}-2.`).waitFor();
    expect(troubles).toEqual([]);
    await page.close();
  });

  it("offers a member neither correction", async () => {
    const page = await signIn("members", { at: "#/assistance/offers" });
    await page.getByRole("heading", { name: "Every offer" }).waitFor();
    await settled(page);
    expect(await page.locator('[data-list="offers"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Correct this offer" }).count()).toBe(0);
    await page.close();
  });
});
