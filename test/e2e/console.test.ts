// The staff console in Debian's Chromium against the local stack: sign-in per group, the home page's figures, the
// States, a State's page, recording Mali's first report (by keyboard), what members are not offered, the API's
// problem next to its field, axe-core on every page, 1280 px and 390 px. Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ageBucketLabels, assistanceAgeBuckets, countByAge } from "#shared/assistance/age-buckets.ts";
import { finalRequestStatuses } from "#shared/assistance/transitions.ts";
import { deskDay } from "#shared/zoned-time.ts";
import {
  apiRequests,
  consoleBrowser,
  holdReadings,
  type Json,
  keepScreenshot,
  overflowOf,
  type PageGlobals,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

const NON_REPORTING = [
  "Chad",
  "Democratic People's Republic of Korea",
  "Eswatini",
  "Gambia",
  "Guinea",
  "Mali",
  "Mauritania",
  "Somalia",
];

const desk = consoleBrowser({ search: true });
const { openConsole, signIn, troubles } = desk;
const api = secretariatApi(desk);

async function nonReportingNames(page: Page): Promise<string[]> {
  await page.getByText(/\d+ of 193/).waitFor();
  return page.locator('[data-list="non-reporting"] a').allTextContents();
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

// Two shared cores: a page with its six panels can take a while to settle.
describe("the staff console", { timeout: 90_000 }, () => {
  it("offers the three sign-ins, and nothing else, before anyone signs in", async () => {
    const page = await openConsole();
    const buttons = await page.getByRole("button").allTextContents();
    expect(buttons).toEqual(["Sign in as secretariat", "Sign in as experts", "Sign in as members"]);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "sign-in-1280.png", { windowOnly: true });
    await page.close();
  });

  it("runs no inline script: the Content-Security-Policy blocks one", async () => {
    // A page of its own, so the refusal is not counted among the troubles of the other pages.
    const page = await desk.browser.newPage();
    await page.goto(desk.stack.consoleUrl);
    await expect(page.addScriptTag({ content: "window.injected = true;" })).rejects.toThrow(/Content Security Policy/);
    expect(await page.evaluate(() => "injected" in globalThis)).toBe(false);
    await page.close();
  });

  it.each(["secretariat", "experts", "members"] as const)(
    "signs in as %s and shows 185 of 193 at home",
    async (group) => {
      const page = await signIn(group);
      await page.getByText("185 of 193").waitFor();
      expect(await nonReportingNames(page)).toEqual(NON_REPORTING);
      await page.close();
    },
  );

  it("shows where things stand at 1280 px, with no serious accessibility violation", async () => {
    const page = await signIn("members");
    await page.getByText("185 of 193").waitFor();
    // Every panel has loaded: none is left saying "Loading…".
    await settled(page);
    for (const title of [
      "Points of contact",
      "Pending assistance requests by age",
      "Waves in flight",
      "Due next in the programme",
      "Latest snapshot",
    ]) {
      await page.getByRole("heading", { name: title }).waitFor();
    }
    expect(await page.locator("table").first().textContent()).toMatch(/current \(verified within 12 months\)\d+/);
    // Which States have no point of contact, each a link to its page, as many as the table counts.
    const missing = Number(
      (await page.getByRole("row", { name: /no point of contact/ }).textContent())?.match(/\d+$/)?.[0],
    );
    const chase = page.locator('[data-list="poc-missing"]');
    await chase.locator("summary").click();
    expect(await chase.locator("summary").textContent()).toBe(`${missing} States: no point of contact`);
    expect(await chase.getByRole("link").count()).toBe(missing);
    const names = await chase.getByRole("link").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    // Pending assistance by age, in the snapshot's words and by its rule, on New York's day.
    const pending: string[] = [];
    let cursor = "";
    do {
      const listed = await api("GET", `/assistance/requests?limit=100${cursor}`);
      for (const request of listed.body.items as Json[]) {
        if (!finalRequestStatuses.includes(request.status)) pending.push(request.receivedOn);
      }
      cursor = listed.body.cursor ? `&cursor=${encodeURIComponent(listed.body.cursor)}` : "";
    } while (cursor);
    const ages = countByAge(pending, deskDay(Date.now()));
    const agesPanel = page.getByRole("region", { name: "Pending assistance requests by age" });
    expect(await agesPanel.getByRole("row").allTextContents()).toEqual(
      assistanceAgeBuckets.map((bucket) => `${ageBucketLabels[bucket]}${ages[bucket]}`),
    );
    expect(pending.length).toBeGreaterThan(0);
    // This year's programme is a draft rolled forward, its title saying so: the status says what it still lacks.
    const programme = page.getByRole("region", { name: "Due next in the programme" }).locator("p").first();
    expect(await programme.textContent()).toMatch(/^Draft programme of work .* \(not yet adopted\)$/);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "home-1280.png");
    await page.close();
  });

  // The index is rebuilt from the seed as the stack starts (about 17 s on an idle machine): on a loaded one it may not
  // have caught up yet, and the wait counts in this test's time.
  it("lists the States with the API's filters and its search", { timeout: 180_000 }, async () => {
    await desk.stack.searchReady;
    const page = await signIn("members");
    await page.getByRole("link", { name: "States", exact: true }).click();
    await page.getByText("193 States", { exact: true }).waitFor();
    // The languages of letters still to confirm: the 76 best guesses, each said to be one.
    await page.getByLabel("Language of letters").selectOption("inferred");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText("76 States", { exact: true }).waitFor();
    expect(page.url()).toContain("languageBasis=inferred");
    expect(await page.locator("tbody tr", { hasText: "(a best guess)" }).count()).toBe(76);
    await page.getByLabel("Language of letters").selectOption("");
    // The action plan with a region: the API's plan list, narrowed here, is what the console must show.
    const planned = (await api("GET", "/states?hasActionPlan=true&limit=100")).body.items as Json[];
    const weogWithPlans = planned.filter((state) => state.region === "weog").map((state) => state.name);
    expect(weogWithPlans.length).toBeGreaterThan(0);
    await page.getByLabel("Action plan").selectOption("true");
    await page.getByLabel("Regional group").selectOption("weog");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText(`${weogWithPlans.length} States`, { exact: true }).waitFor();
    // By name, as the Committee lists Member States (the API gives them by ISO code).
    expect(await page.locator("tbody tr td:first-child a").allTextContents()).toEqual(
      [...weogWithPlans].sort((a, b) => a.localeCompare(b, "en")),
    );
    await page.getByLabel("Action plan").selectOption("");
    await page.getByLabel("Regional group").selectOption("");
    await page.getByLabel("Reporting status").selectOption("non-reporting");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText("8 States", { exact: true }).waitFor();
    expect(page.url()).toContain("status=non-reporting");
    await page.getByLabel("Search", { exact: true }).fill("mal");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText("1 State", { exact: true }).waitFor();
    expect(await page.locator("tbody tr a").allTextContents()).toEqual(["Mali"]);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "states-1280.png");
    // Arabic's article starts a word of more than 50 States' names: the search gives its first 50, and the page says so.
    await page.getByLabel("Reporting status").selectOption("");
    await page.getByLabel("Search", { exact: true }).fill("\u0627\u0644");
    await page.getByRole("button", { name: "Show" }).click();
    const count = page.locator('p[aria-live="polite"]');
    await expect.poll(() => count.textContent()).toMatch(/^50 States: the search matched more than 50 States/);
    expect(await page.locator("tbody tr").count()).toBe(50);
    await page.close();
  });

  it("offers members no write action on a State's page; experts may record", async () => {
    const member = await signIn("members", { at: "#/states/MLI" });
    await member.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    await member.getByRole("heading", { name: "Timeline" }).waitFor();
    expect(await member.locator("form").count()).toBe(0);
    expect(await member.getByRole("button", { name: /Record/ }).count()).toBe(0);
    await member.close();
    const expert = await signIn("experts", { at: "#/states/MLI" });
    await expert.getByRole("button", { name: "Record a first report" }).waitFor();
    await expert.close();
  });

  it("shows the API's problem next to the field it names, keeping what was typed", async () => {
    const page = await signIn("secretariat", { at: "#/states/MLI" });
    await page.getByLabel("Received on (YYYY-MM-DD)").fill("2004-04-27");
    await page.getByLabel("Document symbol").fill("S/AC.44/2026/CONSOLE-1");
    await page.getByRole("button", { name: "Record a first report" }).click();
    const problem = page.locator("#receivedOn-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("2004-04-28");
    expect(await page.getByLabel("Received on (YYYY-MM-DD)").getAttribute("aria-describedby")).toBe(
      "receivedOn-problem",
    );
    expect(await page.getByLabel("Document symbol").inputValue()).toBe("S/AC.44/2026/CONSOLE-1");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("records Mali's first report from the keyboard, and Mali leaves the non-reporting list", async () => {
    const page = await signIn("secretariat");
    expect(await nonReportingNames(page)).toContain("Mali");
    // From home to Mali's page by keyboard: focus the link, follow it.
    await page.getByRole("link", { name: "Mali", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    await page.getByLabel("Received on (YYYY-MM-DD)").focus();
    await page.keyboard.type(daysAgo(2));
    await page.keyboard.press("Tab");
    await page.keyboard.type("S/AC.44/2026/CONSOLE-2");
    // On a slow line (the submissions read again only when the test lets it), the form stays busy until the list
    // shows the report: pressed again once the timeline (not held) shows it recorded, it sends nothing, where it sent
    // the same document again and was refused as already recorded.
    const recorded = page
      .getByRole("region", { name: "Timeline" })
      .getByText("First national report received (S/AC.44/2026/CONSOLE-2)");
    const before = await recorded.count();
    const release = await holdReadings(page, (url) => url.pathname.endsWith("/states/MLI/submissions"));
    const posts = apiRequests(desk.stack, "POST", "/states/MLI/submissions");
    await page.keyboard.press("Enter");
    await expect.poll(() => recorded.count()).toBeGreaterThan(before);
    await page.keyboard.press("Enter");
    await release();
    await page.getByText("(first report received").waitFor();
    expect(posts()).toHaveLength(1);
    expect(await page.locator("[data-form-problem]").count()).toBe(0);
    expect(await page.locator('[data-field="reportingStatus"]').textContent()).toBe("reported");
    expect(await page.getByRole("cell", { name: "S/AC.44/2026/CONSOLE-2" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "state-mali-1280.png");
    await page.getByRole("link", { name: "Home" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("186 of 193").waitFor();
    expect(await nonReportingNames(page)).toEqual(NON_REPORTING.filter((name) => name !== "Mali"));
    await page.close();
  });

  it("signs in and moves between pages from the keyboard alone", async () => {
    const page = await openConsole();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent)).toBe(
      "Sign in as secretariat",
    );
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByText(/Signed in as/).textContent()).resolves.toContain("experts");
    // Signing in moves focus to the page's content (an effect, run once the page is shown: asked until it has run);
    // backwards from there: the banner's controls, then the skip link.
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id))
      .toBe("main");
    const reached: string[] = [];
    while (reached.at(-1) !== "Skip to content" && reached.length < 16) {
      await page.keyboard.press("Shift+Tab");
      reached.push(
        (await page.evaluate(() =>
          (globalThis as unknown as PageGlobals).document.activeElement?.textContent?.trim(),
        )) ?? "",
      );
    }
    // Sign out, then the pages of the banner in reverse (Home and States among them), then the skip link.
    expect(reached[0]).toBe("Sign out");
    expect(reached.at(-1)).toBe("Skip to content");
    expect(reached.slice(-3, -1)).toEqual(["States", "Home"]);
    await page.getByRole("link", { name: "States", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Member States" }).waitFor();
    await page.close();
  });

  it("reads at 390 px: no page wider than the screen", async () => {
    const page = await signIn("members", { width: 390 });
    await page.getByText("186 of 193").waitFor();
    await settled(page);
    const overflow = () => overflowOf(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "home-390.png");
    for (const [hash, heading, shot] of [
      ["#/states", "Member States", "states-390.png"],
      ["#/states/MLI", "Mali (MLI)", "state-mali-390.png"],
    ] as const) {
      await page.goto(`${desk.stack.consoleUrl}${hash}`);
      await page.getByRole("heading", { name: heading }).waitFor();
      await settled(page);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await keepScreenshot(page, shot);
    }
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
