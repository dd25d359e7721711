// The programme's letters and adoption from the staff console, in Debian's Chromium against a fresh local stack (whose
// current year is a draft rolled forward, not stored): the secretariat gives the September invitation's briefing
// values on the activity's page, each letter through its own route, and the year's file holds them; another letter
// changed since the page read it does not stand in the way, while this letter changed since is refused and read again
// in place, keeping what was typed; a bad time shows at its field and stores nothing; a wave its schedule already made
// a draft is said held, and why, on the programme's page and the activity's, and named with the template's composer;
// a venue is given in each language (a missing one refused at its field, the API's 422 at the venue) and opens again
// in each; members and experts see the values and no form; the form asks only for the values the letter's template
// names (the March request's activity has none to give), and a value the template no longer names is kept through a
// save; the draft year is adopted from the programme page (a change made meanwhile is read again first, and a page
// that meets the year adopted already says so).
// Screenshots go to .local/e2e/console/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { programme as schedules } from "../../events/programme.ts";
import {
  type ConsoleGroup,
  consoleBrowser,
  focusedElement,
  holdReadings,
  type Json,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

const desk = consoleBrowser({ expectedErrors: /status of (409|412|422)/ });
const { signIn, troubles } = desk;
const api = secretariatApi(desk);

const ACTIVITY = "sep-letter-open-briefing-invitation";
const STATES_LETTER = "open-briefing-invitation-states";
const ORGANIZATIONS_LETTER = "open-briefing-invitation-organizations";

const currentYear = async (): Promise<number> => (await api("GET", "/programme/years")).body.currentYear;

/** The year's file as GET /programme/{year} gives it, with its ETag. */
async function yearFile(year: number): Promise<{ etag: string; programme: Json }> {
  const answer = await api("GET", `/programme/${year}`);
  expect(answer.status).toBe(200);
  return { etag: answer.etag, programme: answer.body.programme };
}

/** Someone else gives a letter's values through its own route, on the values as they read them now. */
async function giveAsSomeoneElse(year: number, waveKey: string, values: Json): Promise<void> {
  const path = `/programme/${year}/activities/${ACTIVITY}/letters/${waveKey}/values`;
  const read = await api("GET", path);
  expect(read.status).toBe(200);
  const put = await api("PUT", path, { ...read.body.values, ...values }, { "if-match": read.etag });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
}

const letterOf = (programme: Json, waveKey: string): Json =>
  programme.activities
    .find((activity: Json) => activity.id === ACTIVITY)
    .letters.find((letter: Json) => letter.waveKey === waveKey);

async function openActivity(group: ConsoleGroup, year: number): Promise<Page> {
  const page = await signIn(group, { at: `#/programme/${year}/${ACTIVITY}` });
  await page.getByRole("heading", { name: "Letters", exact: true }).waitFor();
  await settled(page);
  return page;
}

const field = (page: Page, waveKey: string, name: string) => page.locator(`#values-${waveKey}-briefing-${name}`);

describe("the programme's letters and adoption in the console", { timeout: 180_000 }, () => {
  it("gives the September letter's briefing values from the activity's page, and the year's file holds them", async () => {
    const year = await currentYear();
    const page = await openActivity("secretariat", year);
    await field(page, STATES_LETTER, "date").fill(`${year}-09-17`);
    await field(page, STATES_LETTER, "time").fill("10:00");
    await field(page, STATES_LETTER, "venue").fill("Conference Room 4, United Nations Headquarters");
    const form = page.getByRole("form", { name: `The ${year} values of ${STATES_LETTER}` });
    await form.getByRole("button", { name: "Save the letter's values" }).click();
    await page.locator(`#values-${STATES_LETTER}-saved`).waitFor();
    expect(await page.locator(`#values-${STATES_LETTER}-saved`).textContent()).toContain(
      "The letter will be sent with these values when its schedule fires.",
    );
    const { programme } = await yearFile(year);
    expect(letterOf(programme, STATES_LETTER).values).toEqual({
      "briefing.date": `${year}-09-17`,
      "briefing.time": "10:00",
      "briefing.venue": "Conference Room 4, United Nations Headquarters",
    });
    // The year is stored now (a draft still), and the other letter was given nothing.
    expect(programme.activities.length).toBeGreaterThan(0);
    expect(letterOf(programme, ORGANIZATIONS_LETTER).values).toBeUndefined();
    expect((await api("GET", `/programme?year=${year}`)).body.status).toBe("draft");
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "programme-letter-values-saved-1280.png");
    await page.close();
  });

  it("says a wave its schedule already made a draft keeps its old values, and links the template's composer", async () => {
    const year = await currentYear();
    const schedule = schedules.schedules.find((candidate) => candidate.id === ORGANIZATIONS_LETTER);
    const fire = desk.stack.targets["wave-dispatch"];
    if (!schedule || !fire) throw new Error(`no ${ORGANIZATIONS_LETTER} schedule or wave-dispatch target`);
    // Fired with no values for the year: the letter is not sent, its wave is made a draft.
    await fire(schedule.input ?? {});
    const wave = (await api("GET", `/waves/${ORGANIZATIONS_LETTER}-${year}`)).body;
    expect(wave.status).toBe("draft");

    // The programme's page and the activity's say it was held, and why.
    const calendar = await signIn("secretariat", { at: `#/programme/${year}` });
    const row = calendar.getByRole("row").filter({ has: calendar.getByRole("link", { name: /open briefing/ }) });
    await expect
      .poll(() => row.filter({ hasText: wave.templateId }).first().textContent())
      .toContain(`${wave.templateId} (1 wave; its schedule's wave held as a draft, not sent)`);
    await calendar.close();
    const page = await openActivity("secretariat", year);
    expect(await page.locator("[data-field='held']").textContent()).toBe(wave.description);
    // Named in words (then the month it fired in), and what it lacks, with no field path or placeholder.
    expect(wave.description).toContain(`The programme's open briefing invitation of ${year} to the organizations (`);
    expect(wave.description).toContain(
      ": a draft, not sent: the briefing's date, starting time and venue were not given;",
    );
    await field(page, ORGANIZATIONS_LETTER, "venue").fill("Trusteeship Council Chamber");
    const form = page.getByRole("form", { name: `The ${year} values of ${ORGANIZATIONS_LETTER}` });
    await form.getByRole("button", { name: "Save the letter's values" }).click();
    const saved = page.locator(`#values-${ORGANIZATIONS_LETTER}-saved`);
    await saved.waitFor();
    expect(await saved.textContent()).toContain(
      `Its ${year} wave ${ORGANIZATIONS_LETTER}-${year} is already a draft and keeps its old values`,
    );
    expect(await saved.getByRole("link", { name: `staff wave of ${wave.templateId}` }).getAttribute("href")).toBe(
      `#/waves/new?template=${wave.templateId}`,
    );
    expect(letterOf((await yearFile(year)).programme, ORGANIZATIONS_LETTER).values).toEqual({
      "briefing.venue": "Trusteeship Council Chamber",
    });
    await keepScreenshot(page, "programme-letter-values-draft-wave-1280.png");
    await page.close();
  });

  it("saves over another letter changed since the page read it; refuses this letter changed since, and reads it again in place keeping the typing", async () => {
    const year = await currentYear();
    const page = await openActivity("secretariat", year);
    const form = page.getByRole("form", { name: `The ${year} values of ${STATES_LETTER}` });
    const save = form.getByRole("button", { name: "Save the letter's values" });
    // Someone else gives the organizations' letter a venue between the page's read and the save: no conflict.
    await giveAsSomeoneElse(year, ORGANIZATIONS_LETTER, { "briefing.venue": "Trusteeship Council" });
    await field(page, STATES_LETTER, "time").fill("10:30");
    await save.click();
    await page.locator(`#values-${STATES_LETTER}-saved`).waitFor();
    expect(letterOf((await yearFile(year)).programme, STATES_LETTER).values["briefing.time"]).toBe("10:30");

    // Someone else changes this letter's time after the page's save: the next save from the page is refused.
    await giveAsSomeoneElse(year, STATES_LETTER, { "briefing.time": "11:00" });
    await field(page, STATES_LETTER, "time").fill("15:00");
    await save.click();
    const readAgain = form.getByRole("button", { name: "Read the letter's values again (keeps what you typed)" });
    await readAgain.waitFor();
    expect(await form.getByRole("alert").textContent()).toMatch(/412|Precondition|changed|current/i);
    expect(letterOf((await yearFile(year)).programme, STATES_LETTER).values["briefing.time"]).toBe("11:00");
    await keepScreenshot(page, "programme-letter-values-stale-1280.png");

    await readAgain.click();
    await form.getByText(`Now on record for ${STATES_LETTER}:`).waitFor();
    expect(await page.locator(`#values-${STATES_LETTER}-given`).textContent()).toMatch(
      /^Given now: .*briefing.time 11:00/,
    );
    expect(await field(page, STATES_LETTER, "time").inputValue()).toBe("15:00");
    await save.click();
    await page.locator(`#values-${STATES_LETTER}-saved`).waitFor();
    const stored = (await yearFile(year)).programme;
    expect(letterOf(stored, STATES_LETTER).values["briefing.time"]).toBe("15:00");
    // The other letter's change stands.
    expect(letterOf(stored, ORGANIZATIONS_LETTER).values).toEqual({
      "briefing.venue": "Trusteeship Council",
    });
    await page.close();
  });

  it("shows a bad time at its field and stores nothing", async () => {
    const year = await currentYear();
    const before = await yearFile(year);
    const page = await openActivity("secretariat", year);
    await field(page, STATES_LETTER, "time").fill("25:00");
    const form = page.getByRole("form", { name: `The ${year} values of ${STATES_LETTER}` });
    await form.getByRole("button", { name: "Save the letter's values" }).click();
    const problem = page.locator(`#values-${STATES_LETTER}-briefing-time-problem`);
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/HH:mm/);
    expect(await field(page, STATES_LETTER, "time").getAttribute("aria-invalid")).toBe("true");
    expect(await field(page, STATES_LETTER, "time").inputValue()).toBe("25:00");
    const after = await yearFile(year);
    expect(after.etag).toBe(before.etag);
    expect(letterOf(after.programme, STATES_LETTER).values["briefing.time"]).toBe("15:00");
    await keepScreenshot(page, "programme-letter-values-bad-time-1280.png");
    await page.close();
  });

  it("gives a letter's venue in each language, refuses a missing one at its field, and opens it again in each", async () => {
    const year = await currentYear();
    const page = await openActivity("secretariat", year);
    const form = page.getByRole("form", { name: `The ${year} values of ${ORGANIZATIONS_LETTER}` });
    const venue = form.getByRole("group", { name: "Briefing venue" });
    // The one text stored opens as one venue for every language.
    expect(await venue.getByRole("radio", { name: "One venue for every language" }).isChecked()).toBe(true);
    expect(await field(page, ORGANIZATIONS_LETTER, "venue").inputValue()).toBe("Trusteeship Council");
    await venue.getByRole("radio", { name: "A venue in each language" }).check();
    const texts = {
      ar: "قاعة مجلس الوصاية",
      zh: "托管理事会会议厅",
      en: "Trusteeship Council Chamber",
      fr: "Salle du Conseil de tutelle",
      ru: "Зал Совета по Опеке",
      es: "Salón del Consejo de Administración Fiduciaria",
    };
    const arabic = field(page, ORGANIZATIONS_LETTER, "venue-ar");
    expect([await arabic.getAttribute("lang"), await arabic.getAttribute("dir")]).toEqual(["ar", "rtl"]);
    for (const [language, text] of Object.entries(texts)) {
      if (language !== "zh") await field(page, ORGANIZATIONS_LETTER, `venue-${language}`).fill(text);
    }
    const before = await yearFile(year);
    const save = form.getByRole("button", { name: "Save the letter's values" });
    await save.click();
    const chinese = page.locator(`#values-${ORGANIZATIONS_LETTER}-briefing-venue-zh-problem`);
    await chinese.waitFor();
    expect(await chinese.textContent()).toBe("Give the venue in Chinese.");
    await expect
      .poll(async () => (await focusedElement(page)).id)
      .toBe(`values-${ORGANIZATIONS_LETTER}-briefing-venue-zh`);
    expect((await yearFile(year)).etag).toBe(before.etag);
    await keepScreenshot(page, "programme-letter-values-venue-missing-1280.png");

    // A text the API refuses (over 300 characters) is its 422 at that language's field, which takes the focus.
    await field(page, ORGANIZATIONS_LETTER, "venue-zh").fill(texts.zh);
    await field(page, ORGANIZATIONS_LETTER, "venue-fr").fill("S".repeat(301));
    await save.click();
    const french = page.locator(`#values-${ORGANIZATIONS_LETTER}-briefing-venue-fr-problem`);
    await french.waitFor();
    expect(await french.textContent()).toMatch(/300/);
    await expect
      .poll(async () => (await focusedElement(page)).id)
      .toBe(`values-${ORGANIZATIONS_LETTER}-briefing-venue-fr`);
    expect((await yearFile(year)).etag).toBe(before.etag);

    await field(page, ORGANIZATIONS_LETTER, "venue-fr").fill(texts.fr);
    await save.click();
    await page.locator(`#values-${ORGANIZATIONS_LETTER}-saved`).waitFor();
    expect(letterOf((await yearFile(year)).programme, ORGANIZATIONS_LETTER).values).toEqual({
      "briefing.venue": texts,
    });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    // Opened again, the venue stored in each language is in its six fields.
    const again = await openActivity("secretariat", year);
    const reopened = again
      .getByRole("form", { name: `The ${year} values of ${ORGANIZATIONS_LETTER}` })
      .getByRole("group", { name: "Briefing venue" });
    expect(await reopened.getByRole("radio", { name: "A venue in each language" }).isChecked()).toBe(true);
    for (const [language, text] of Object.entries(texts)) {
      expect(await field(again, ORGANIZATIONS_LETTER, `venue-${language}`).inputValue()).toBe(text);
    }
    await keepScreenshot(again, "programme-letter-values-venue-each-1280.png");
    await again.close();
  });

  it("shows members and experts the values, and no form", async () => {
    const year = await currentYear();
    for (const group of ["members", "experts"] as ConsoleGroup[]) {
      const page = await openActivity(group, year);
      await page.getByRole("heading", { name: `Values given for ${year}` }).waitFor();
      expect(await page.locator(`#values-${STATES_LETTER}-given`).textContent()).toContain(
        `briefing.date ${year}-09-17, briefing.time 15:00, briefing.venue Conference Room 4`,
      );
      expect(await page.locator("form").count()).toBe(0);
      expect(await page.getByRole("button", { name: /Save the letter's values/ }).count()).toBe(0);
      if (group === "members") {
        await keepScreenshot(page, "programme-letter-values-members-1280.png");
      }
      await page.close();
    }
    const member = await signIn("members", { at: `#/programme/${year}` });
    await member.getByRole("heading", { name: "Programme of work" }).waitFor();
    await settled(member);
    expect(await member.getByRole("button", { name: "Adopt this programme" }).count()).toBe(0);
    await member.close();
  });

  it("asks only for the values a letter's template names, and says a letter whose template names none takes none", async () => {
    const year = await currentYear();
    // The March first-report request names no briefing value: its activity has nothing to give.
    const march = await signIn("secretariat", { at: `#/programme/${year}/mar-letter-first-report` });
    await march.getByRole("heading", { name: "Letters", exact: true }).waitFor();
    await settled(march);
    expect(await march.locator("[data-field='sent-by']").first().textContent()).toMatch(/^its schedule/);
    expect(await march.getByRole("heading", { name: `Values given for ${year}` }).count()).toBe(0);
    expect(await march.getByRole("form", { name: /values of/ }).count()).toBe(0);
    await march.close();

    // The organizations' template edited by staff: first without its venue, then without any briefing value.
    const templatePath = `/templates/${
      (await api("GET", `/programme?year=${year}`)).body.activities
        .find((activity: Json) => activity.id === ACTIVITY)
        .letters.find((letter: Json) => letter.waveKey === ORGANIZATIONS_LETTER).templateId
    }`;
    const original = await api("GET", templatePath);
    expect(original.status).toBe(200);
    const rewritten = (words: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(original.body.variants as Record<string, Record<string, unknown>>).map(([language, variant]) => [
          language,
          Object.fromEntries(
            Object.entries(variant).map(([part, text]) => [
              part,
              // `reviewed` is a flag, kept as it is.
              typeof text === "string"
                ? Object.entries(words).reduce((out, [placeholder, word]) => out.replaceAll(placeholder, word), text)
                : text,
            ]),
          ),
        ]),
      );
    const patchTemplate = async (variants: Json) => {
      const read = await api("GET", templatePath);
      const patched = await api("PATCH", templatePath, { variants }, { "if-match": read.etag });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    };
    try {
      await patchTemplate(rewritten({ "{{briefing.venue}}": "Conference Room 4" }));
      const page = await openActivity("secretariat", year);
      const form = page.getByRole("form", { name: `The ${year} values of ${ORGANIZATIONS_LETTER}` });
      expect(await field(page, ORGANIZATIONS_LETTER, "date").count()).toBe(1);
      expect(await field(page, ORGANIZATIONS_LETTER, "time").count()).toBe(1);
      expect(await form.getByRole("group", { name: "Briefing venue" }).count()).toBe(0);
      expect(await page.locator(`#values-${ORGANIZATIONS_LETTER}-unasked`).textContent()).toBe(
        "Not asked, since its template does not name it: briefing.venue (kept as it is, and unused).",
      );
      // The other letter's template still names all three.
      const states = page.getByRole("form", { name: `The ${year} values of ${STATES_LETTER}` });
      expect(await states.getByRole("group", { name: "Briefing venue" }).count()).toBe(1);
      // A save sends the venue on record back as it is: the form did not ask for it, and it is not lost.
      const venueBefore = letterOf((await yearFile(year)).programme, ORGANIZATIONS_LETTER).values["briefing.venue"];
      expect(venueBefore).toBeDefined();
      await field(page, ORGANIZATIONS_LETTER, "date").fill(`${year}-10-05`);
      await form.getByRole("button", { name: "Save the letter's values" }).click();
      await page.locator(`#values-${ORGANIZATIONS_LETTER}-saved`).waitFor();
      expect(letterOf((await yearFile(year)).programme, ORGANIZATIONS_LETTER).values).toEqual({
        "briefing.date": `${year}-10-05`,
        "briefing.venue": venueBefore,
      });
      await keepScreenshot(page, "programme-letter-values-named-only-1280.png");
      await page.close();

      await patchTemplate(
        rewritten({
          "{{briefing.venue}}": "Conference Room 4",
          "{{briefing.date|date}}": "1 October",
          "{{briefing.time|time}}": "10:00",
        }),
      );
      const none = await openActivity("secretariat", year);
      expect(await none.locator(`#values-${ORGANIZATIONS_LETTER}-none`).textContent()).toMatch(
        new RegExp(
          `^${ORGANIZATIONS_LETTER}: its template .+ names no briefing date, time or venue, .*on record, unused: briefing.date ${year}-10-05`,
        ),
      );
      expect(await none.getByRole("form", { name: `The ${year} values of ${ORGANIZATIONS_LETTER}` }).count()).toBe(0);
      expect(await none.getByRole("form", { name: `The ${year} values of ${STATES_LETTER}` }).count()).toBe(1);
      expect(await seriousViolations(none)).toEqual([]);
      await none.close();
    } finally {
      await patchTemplate(original.body.variants);
    }
  });

  it("adopts the draft year after an inline confirmation, a change made meanwhile read again first", async () => {
    const year = await currentYear();
    const openProgramme = async () => {
      const page = await signIn("secretariat", { at: `#/programme/${year}` });
      await page.getByRole("heading", { name: "Programme of work" }).waitFor();
      await settled(page);
      return page;
    };
    const page = await openProgramme();
    // Another page open on the draft while this one adopts it: its press meets an adopted year (409).
    const late = await openProgramme();
    // Someone corrects the year after this page read it (the file as it stands would change nothing, and write
    // nothing): the adoption is refused (412), and the year read again.
    const { etag, programme } = await yearFile(year);
    const [first, ...others] = programme.activities;
    const corrected = { ...programme, activities: [{ ...first, note: `${first.note} (checked)` }, ...others] };
    expect((await api("PUT", `/programme/${year}`, corrected, { "if-match": etag })).status).toBe(200);

    await page.getByRole("button", { name: "Adopt this programme" }).click();
    await page.getByRole("button", { name: "Keep it a draft" }).waitFor();
    // The question gives its safe answer the focus once drawn (an effect after the paint): asked until it has.
    await expect.poll(async () => (await focusedElement(page)).name).toBe("Keep it a draft");
    await keepScreenshot(page, "programme-adopt-confirm-1280.png");
    // The year's reading again is held: the 412 is said at once, not only once the year is read.
    const release = await holdReadings(page, `**/programme/${year}`);
    await page.getByRole("button", { name: "Yes, adopt it" }).click();
    await page.locator("#adopt-problem").waitFor();
    expect(await page.locator("#adopt-problem").textContent()).toBe(
      `Someone changed the ${year} programme after this page read it; it has been read again. Check it, then adopt it again.`,
    );
    await release();
    expect((await api("GET", `/programme?year=${year}`)).body.status).toBe("draft");

    await page.getByRole("button", { name: "Adopt this programme" }).click();
    await page.getByRole("button", { name: "Yes, adopt it" }).click();
    await page.locator("#adopted").waitFor();
    expect(await page.locator("#adopted").textContent()).toBe(`The ${year} programme is adopted.`);
    await expect.poll(async () => (await focusedElement(page)).id).toBe("adopted");
    await page
      .getByText(/\(adopted/)
      .first()
      .waitFor();
    expect(await page.getByRole("button", { name: "Adopt this programme" }).count()).toBe(0);
    expect((await api("GET", "/programme/years")).body.years).toContainEqual(
      expect.objectContaining({ year, status: "adopted", stored: true }),
    );
    // The values given before adoption are the adopted year's.
    expect(letterOf((await yearFile(year)).programme, STATES_LETTER).values["briefing.time"]).toBe("15:00");
    await keepScreenshot(page, "programme-adopted-1280.png");
    await page.close();

    await late.getByRole("button", { name: "Adopt this programme" }).click();
    await late.getByRole("button", { name: "Yes, adopt it" }).click();
    await late.locator("#adopted").waitFor();
    // Who adopted it and when, from the year's trail: the first page's press, a minute ago at most.
    expect(await late.locator("#adopted").textContent()).toMatch(
      new RegExp(
        `^The ${year} programme was adopted by local-secretariat at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, after this page read it`,
      ),
    );
    await late
      .getByText(/\(adopted/)
      .first()
      .waitFor();
    await late.close();
    expect(troubles).toEqual([]);
  });
});
