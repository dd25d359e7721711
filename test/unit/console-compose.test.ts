// The wave composer's pure parts, in Node (console audit 29, items 3, 11 and 14): a refusal at a field the form does
// not draw (a template changed since it was read) has the templates read again and is said above the form, never
// silently; a field's refusal goes when its value changes; the "No letter after" limit follows the send time until
// the officer types one, and is refused in the page's words as the API refuses it; templates and zones in words.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { Invalid } from "#shared/errors.ts";
import type { NewWave } from "#shared/waves/schemas.ts";
import { createWave } from "#shared/waves/waves.ts";
import type { components } from "../../console/src/api/schema";
import {
  briefingNamed,
  pathsShown,
  VENUE_PATH,
  venuePathsChanged,
} from "../../console/src/pages/correspondence/compose-fields.ts";
import { followSendTime, limitForSendDay, limitRefusal } from "../../console/src/pages/correspondence/compose-limit.ts";
import {
  aboveTheFields,
  editsAfter,
  NO_EDITS,
  namesUndrawnField,
  problemStanding,
  templateChangeNews,
} from "../../console/src/pages/correspondence/compose-problem.ts";
import { templateWords } from "../../console/src/pages/correspondence/compose-template-words.ts";
import { composerRefusal } from "../../console/src/pages/correspondence/composer-refusal.ts";
import { localToInstant, timeZoneWords } from "../../console/src/pages/correspondence/time.ts";
import { venueFormOf } from "../../console/src/ui/venue.ts";
import { programmeTemplates } from "../../shared/templates/programme-templates.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

type Problem = components["schemas"]["Problem"];

const at = "2026-12-01T00:00:00Z";
const letter = (text: string) => ({ en: { subject: "Outreach", text, html: `<p>${text}</p>` } });
const outreach = { id: "outreach", kind: "other" as const, updatedAt: at, variants: letter("Dear {{state.name}}") };
/** The same template as a colleague changed it: its letters now name the briefing's day. */
const outreachWithDay = {
  ...outreach,
  updatedAt: "2026-12-06T11:40:00Z",
  variants: letter("Dear {{state.name}}, on {{briefing.date|date}}"),
};
const refusal = (...errors: { path: string; message: string }[]): Problem => ({
  type: "about:blank",
  title: "The wave cannot be created",
  status: 422,
  errors,
});

/** The paths POST /waves's use case refuses `wave` at, with the templates given stored (clock 2026-12-06 09:30 UTC). */
async function apiRefusal(templates: readonly (typeof outreach)[], wave: Partial<NewWave>): Promise<Problem> {
  const clock = fixedClock("2026-12-06T09:30:00Z");
  const audit = { actor: systemActor("test") };
  const stored = inMemoryTemplates(clock, inMemoryAudit(clock));
  for (const { updatedAt, ...template } of templates)
    await stored.create({ ...template, createdAt: at, updatedAt }, audit);
  const create = createWave({ clock, templates: stored, waves: inMemoryWaves(clock, inMemoryAudit(clock)) });
  const input = {
    templateId: "outreach",
    audience: "all-states",
    sendAt: "2026-12-07T09:00",
    timeZone: "America/New_York",
    notAfter: "2026-12-14T22:00:00.000Z",
    ...wave,
  } as const;
  return create(input, audit).then(
    () => refusal(),
    (error: Invalid) => refusal(...error.issues.map(({ path, message }) => ({ path, message }))),
  );
}

describe("a template changed while the composer is open", () => {
  it("names a briefing value in the API's refusal at a field drawn only once the template is read again", async () => {
    const problem = await apiRefusal([outreachWithDay], {});
    expect(problem.errors?.map(({ path }) => path)).toEqual(["body.values.briefing.date"]);
    const asRead = pathsShown(briefingNamed(outreach), "one");
    expect(namesUndrawnField(problem, asRead)).toBe(true);
    const readAgain = pathsShown(briefingNamed(outreachWithDay), "one");
    expect(namesUndrawnField(problem, readAgain)).toBe(false);
    // Read again, the field is drawn and says the refusal: above the form, only what changed.
    const news = templateChangeNews(outreach, outreachWithDay);
    expect(news).toBe(
      "The template outreach changed since this composer opened: its letters now name the briefing's day, asked below.",
    );
    expect(aboveTheFields(problem, readAgain, news)).toBe(news);
  });

  it("says a refusal no field shows above the form, with the fields shown said at theirs", () => {
    const problem = refusal(
      { path: "body.sendAt", message: "has passed" },
      { path: "body.values.briefing.date", message: "the template uses {{briefing.date}}: give its value" },
    );
    const shown = pathsShown(briefingNamed(outreach), "one");
    expect(aboveTheFields(problem, shown, undefined)).toBe(
      "The wave cannot be created (values.briefing.date: the template uses {{briefing.date}}: give its value)",
    );
    // A refusal naming no field (a 409, a failed request) is said in full; one whose every error has a field, not.
    expect(
      aboveTheFields({ type: "about:blank", title: "Conflict", status: 409, detail: "taken" }, shown, undefined),
    ).toBe("Conflict: taken");
    expect(aboveTheFields(refusal({ path: "body.sendAt", message: "has passed" }), shown, undefined)).toBeUndefined();
    expect(namesUndrawnField(refusal({ path: "body.sendAt", message: "has passed" }), shown)).toBe(false);
    expect(namesUndrawnField({ ...problem, status: 409 }, shown)).toBe(false);
  });

  it("says a template unchanged, or changed without asking a new value, plainly", () => {
    expect(templateChangeNews(outreach, { ...outreach })).toBeUndefined();
    expect(templateChangeNews(outreach, { ...outreach, updatedAt: outreachWithDay.updatedAt })).toBe(
      "The template outreach changed since this composer opened.",
    );
    const withAll = letter("{{briefing.date|date}} {{briefing.time}} {{briefing.venue}}");
    expect(templateChangeNews(outreach, { ...outreachWithDay, variants: withAll })).toContain(
      "now name the briefing's day, the briefing's starting time and the briefing's venue",
    );
  });

  it("draws the venue's languages only while a text is given in each", () => {
    const venue = briefingNamed({ variants: letter("{{briefing.venue}}") });
    expect([...pathsShown(venue, "one")].filter((path) => path.startsWith(VENUE_PATH))).toEqual([VENUE_PATH]);
    expect(pathsShown(venue, "each").has(`${VENUE_PATH}.ar`)).toBe(true);
    expect(pathsShown(briefingNamed(outreach), "each").has(VENUE_PATH)).toBe(false);
  });
});

describe("a field's refusal once its value changes", () => {
  const problem = refusal(
    { path: "body.sendAt", message: "2026-12-06 06:30 in America/New_York (2026-12-06 11:30 UTC) has passed" },
    { path: `${VENUE_PATH}.ru`, message: "Give the venue in Russian." },
    { path: `${VENUE_PATH}.zh`, message: "Give the venue in Chinese." },
  );

  it("goes, while the refusal's other errors stand", () => {
    const edits = editsAfter(NO_EDITS, problem, ["body.sendAt"]);
    expect(problemStanding(problem, edits)?.errors?.map(({ path }) => path)).toEqual([
      `${VENUE_PATH}.ru`,
      `${VENUE_PATH}.zh`,
    ]);
    // A path covers those under it (a new template judges every briefing value afresh); nothing stands after.
    expect(problemStanding(problem, editsAfter(edits, problem, ["body.values"]))).toBeUndefined();
  });

  it("stands again in a new refusal, and a refusal naming no field stands until the next", () => {
    const edits = editsAfter(NO_EDITS, problem, ["body.sendAt"]);
    const next = refusal({ path: "body.sendAt", message: "has passed" });
    expect(problemStanding(next, edits)).toBe(next);
    expect(editsAfter(edits, next, ["body.chair"]).paths).toEqual(new Set(["body.chair"]));
    const conflict = { type: "about:blank", title: "Conflict", status: 409 };
    expect(problemStanding(conflict, editsAfter(NO_EDITS, conflict, ["body.sendAt"]))).toBe(conflict);
    expect(problemStanding(undefined, edits)).toBeUndefined();
  });

  it("names the venue's texts an edit changed: each language typed, or the whole venue", () => {
    const each = { ...venueFormOf({ ar: "", zh: "", en: "Room 1", fr: "", ru: "", es: "" }) };
    expect(venuePathsChanged(each, { ...each, each: { ...each.each, ru: "Зал 1" } })).toEqual([`${VENUE_PATH}.ru`]);
    expect(venuePathsChanged(each, { ...each, mode: "one" })).toEqual([VENUE_PATH]);
    const one = venueFormOf("Room 1");
    expect(venuePathsChanged(one, { ...one, one: "Room 2" })).toEqual([VENUE_PATH]);
    expect(venuePathsChanged(one, { ...one })).toEqual([]);
  });
});

describe("the limit after which no letter goes", () => {
  it("is a week after the send time's day at 17:00, following the send time until the officer types one", () => {
    expect(limitForSendDay("2026-12-07")).toBe("2026-12-14T17:00");
    const form = { sendAt: "2026-12-07T09:00", notAfter: "2026-12-14T17:00" };
    expect(followSendTime(form, "2026-12-20T09:00", false)).toEqual({
      sendAt: "2026-12-20T09:00",
      notAfter: "2026-12-27T17:00",
    });
    // Across a month's end, and on a day the clocks skip an hour in New York (the day is what counts).
    expect(followSendTime(form, "2026-12-30T09:00", false).notAfter).toBe("2027-01-06T17:00");
    expect(followSendTime(form, "2027-03-14T02:30", false).notAfter).toBe("2027-03-21T17:00");
    // Typed by the officer, it stays; half typed or impossible, the send time moves nothing.
    expect(followSendTime(form, "2026-12-20T09:00", true).notAfter).toBe("2026-12-14T17:00");
    expect(followSendTime(form, "2026-12-2", false).notAfter).toBe("2026-12-14T17:00");
    expect(followSendTime(form, "2026-02-30T09:00", false).notAfter).toBe("2026-12-14T17:00");
  });

  it("is refused when it is not after the send time exactly as POST /waves refuses it, in the wave's zone", async () => {
    for (const [sendAt, notAfter, timeZone] of [
      ["2026-12-20T09:00", "2026-12-14T17:00", "America/New_York"],
      ["2026-12-20T09:00", "2026-12-20T09:00", "Europe/Vienna"],
      ["2026-12-20T09:00", "2026-12-20T09:01", "Europe/Vienna"],
      ["2026-12-20T09:00", "2026-12-27T17:00", "America/New_York"],
    ] as const) {
      // The limit as the composer sends it: the instant its wall-clock time names in the zone.
      const sent = localToInstant(notAfter, timeZone)?.toISOString() ?? notAfter;
      const api = await apiRefusal([outreach], { sendAt, timeZone, notAfter: sent });
      const apiRefuses = api.errors?.some(({ path }) => path === "body.notAfter") === true;
      expect(limitRefusal(sendAt, notAfter, timeZone) !== undefined, `${sendAt} ${notAfter} ${timeZone}`).toBe(
        apiRefuses,
      );
    }
  });

  it("is refused in the page's words, at its field, beside the composer's other refusals", () => {
    const limit = limitRefusal("2026-12-20T09:00", "2026-12-14T17:00", "America/New_York");
    const choice = {
      template: { id: "outreach", kind: "outreach-letter" as const },
      audience: "all-states" as const,
      audienceConfirmed: false,
      sendAt: "2026-12-20T09:00",
      timeZone: "America/New_York",
    };
    expect(composerRefusal(choice, new Date("2026-12-06T09:30:00Z"), undefined, limit)?.errors).toEqual([
      {
        path: "body.notAfter",
        message:
          "No letter could go: 2026-12-14 17:00 is not after the send time, 2026-12-20 09:00 (both in " +
          "America/New_York). Give a later limit.",
      },
    ]);
    // Nothing while either names no instant: said beside the field, or the API's to refuse.
    expect(limitRefusal("2027-03-14T02:30", "2027-03-01T17:00", "America/New_York")).toBeUndefined();
    expect(limitRefusal("2026-12-20T09:00", "", "America/New_York")).toBeUndefined();
  });
});

describe("the composer's choices in words", () => {
  it("names a template by what its description says it is for, with its id beside it", () => {
    const words = Object.fromEntries(programmeTemplates.map((template) => [template.id, templateWords(template)]));
    expect(words["programme-first-report-request"]).toBe(
      "March: to the States that have not yet submitted a first national report (programme-first-report-request)",
    );
    expect(words["programme-outreach-letter"]).toBe(
      "As required: to Member States, in accordance with the multi-year programme of outreach (programme-outreach-letter)",
    );
    // Each differs from the others; none is the id alone.
    expect(new Set(Object.values(words)).size).toBe(programmeTemplates.length);
    expect(templateWords({ id: "plain" })).toBe("plain");
    expect(templateWords({ id: "plain", description: `${"word ".repeat(40)}end` })).toBe(
      `${"word ".repeat(19)}word… (plain)`,
    );
  });

  it("names the Committee's zones by their city, beside their IANA name, and any other by its name", () => {
    expect(["America/New_York", "UTC", "Europe/Zurich", "Europe/Vienna", "Asia/Tokyo"].map(timeZoneWords)).toEqual([
      "New York (America/New_York)",
      "UTC",
      "Geneva (Europe/Zurich)",
      "Vienna (Europe/Vienna)",
      "Asia/Tokyo",
    ]);
  });
});
