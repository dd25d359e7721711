// The 2023 programme of work against its Annex II, read here line by line from the stored letter at test time: the
// month headings and the bullet lines give an independent list of the annex's items, so a mistake in the data file
// (a missing item, a wrong month, line, kind or agenda item) cannot be repeated by the check.
import { readFileSync } from "node:fs";
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { isDeadline } from "#shared/programme/calendar.ts";
import type { Activity, ProgrammeView } from "#shared/programme/schemas.ts";
import { programmeRoutes } from "../../functions/api/routes/programme.ts";
import { routerCaller } from "../support/api-event.ts";
import { seededProgramme } from "./programme-fixture.ts";

const LETTER = new URL("../../events/programme-of-work/sources/2023-letter.txt", import.meta.url);
const SEED = new URL("../../../shared/seed/programme-of-work-2023.txt", import.meta.url);

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

interface AnnexItem {
  line: number;
  month: string;
  kind: string;
  text: string;
  agendaItems: string[];
}

/** `[1540 \(2004\)](#)` -> `1540 (2004)`: the stored text keeps the document's links; the annex's words are kept. */
const asWritten = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\([()])/g, "$1")
    .trim();

/** The kind by the words an item opens with. */
function kindOf(text: string, underCorrespondence: boolean): string {
  if (underCorrespondence || /^Committee correspondence/.test(text)) return "correspondence";
  if (/^Informal/.test(text)) return "informal-meeting";
  if (/^Committee meeting/.test(text)) return "meeting";
  if (/^Open briefing/.test(text)) return "open-briefing";
  if (/^(Joint briefing|Briefing)/.test(text)) return "briefing";
  if (/^Adoption/.test(text)) return "adoption";
  if (/^Committee to review/.test(text)) return "review";
  throw new Error(`no kind for "${text}"`);
}

/** Annex II's items: one per top-level bullet, or one per letter under "Committee correspondence:". */
function annexItems(text: string): AnnexItem[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^#+\s*\*\*Annex II\*\*\s*$/.test(line));
  expect(start, "the Annex II heading").toBeGreaterThan(0);
  const bullets: { line: number; month: string; text: string; subs: { line: number; text: string }[] }[] = [];
  let month: string | undefined;
  lines.slice(start + 1).forEach((raw, offset) => {
    const line = start + 2 + offset;
    const heading = raw.replace(/[#*]/g, "").trim();
    const index = MONTHS.indexOf(heading);
    if (index >= 0) {
      // The period runs from February 2023 to January 2024.
      month = `${index === 0 ? 2024 : 2023}-${String(index + 1).padStart(2, "0")}`;
      return;
    }
    const bullet = /^(\s*)-\s*(.*)$/.exec(raw);
    if (!bullet || month === undefined) return;
    const [, indent = "", words = ""] = bullet;
    if (!words.trim()) return; // an empty bullet closes the stored text
    if (indent.length === 0) bullets.push({ line, month, text: asWritten(words), subs: [] });
    else bullets.at(-1)?.subs.push({ line, text: asWritten(words) });
  });
  // A lead-in with no items of its own, followed at once by another lead-in, repeats it (August, lines 145-146).
  const kept = bullets.filter(
    (bullet, index) =>
      !(bullet.text.endsWith(":") && bullet.subs.length === 0 && bullets[index + 1]?.text.endsWith(":")),
  );
  return kept.flatMap((bullet): AnnexItem[] => {
    if (/^Committee correspondence:$/.test(bullet.text)) {
      return bullet.subs.map((sub) => ({
        line: sub.line,
        month: bullet.month,
        kind: "correspondence",
        text: sub.text,
        agendaItems: [],
      }));
    }
    const kind = kindOf(bullet.text, false);
    const agendaItems =
      kind === "correspondence" ? [] : bullet.subs.length ? bullet.subs.map((sub) => sub.text) : [bullet.text];
    return [{ line: bullet.line, month: bullet.month, kind, text: bullet.text, agendaItems }];
  });
}

const annex = annexItems(readFileSync(LETTER, "utf8"));

const call = routerCaller(
  createRouter(
    programmeRoutes(await seededProgramme(fixedClock("2023-02-01T12:00:00Z"))),
    new Logger({ logLevel: "SILENT" }),
  ),
  "members",
);

async function programme2023(): Promise<ProgrammeView> {
  const answer = await call({ path: "/programme", query: "year=2023" });
  expect(answer.status).toBe(200);
  return answer.body as ProgrammeView;
}

describe("the 2023 programme of work against Annex II, read from the letter at test time", () => {
  it("reads the stored letter the lines refer to, unchanged from the team's seed copy", () => {
    expect(readFileSync(LETTER, "utf8")).toBe(readFileSync(SEED, "utf8"));
  });

  it("finds the annex's 25 items, every month from February 2023 to January 2024 among them", () => {
    expect(annex).toHaveLength(25);
    expect(new Set(annex.map((item) => item.month)).size).toBe(12);
    expect(annex.filter((item) => item.kind === "correspondence").map((item) => item.line)).toEqual([
      116, 117, 118, 119, 132, 154,
    ]);
  });

  it("serves each Annex II item once, with its month, kind, words, agenda items and line", async () => {
    const served = (await programme2023()).activities
      .filter((activity) => activity.source.basis === "annex")
      .sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0))
      .map((activity) => ({
        line: activity.source.line,
        month: activity.plannedMonth,
        kind: activity.kind,
        text: activity.annexText,
        agendaItems: activity.agendaItems,
      }));
    expect(served).toEqual(annex);
  });

  it("marks the annex items verified, and only them", async () => {
    for (const activity of (await programme2023()).activities) {
      expect(activity.verified, activity.id).toBe(activity.source.basis === "annex");
    }
  });

  it("has Committee meetings in every month from February 2023 to January 2024", async () => {
    const { activities } = await programme2023();
    const months = MONTHS.map((_, index) => `${index === 0 ? 2024 : 2023}-${String(index + 1).padStart(2, "0")}`);
    for (const month of months) {
      const meetings = activities.filter(
        (activity) => activity.plannedMonth === month && /meeting|review/.test(activity.kind),
      );
      expect(meetings.length, month).toBeGreaterThan(0);
    }
  });

  it("shows the joint briefing as planned for December and held on 15 November, with both sources", async () => {
    const joint = (await programme2023()).activities.find((activity) =>
      /^Joint briefing/.test(activity.annexText ?? ""),
    );
    expect(joint).toMatchObject({
      kind: "briefing",
      plannedMonth: "2023-12",
      timing: "on",
      day: "2023-11-15",
      source: { basis: "annex", line: 172 },
      held: { date: "2023-11-15", sources: [{ basis: "record" }] },
    });
  });

  it("shows the Chair's March briefing as planned for March and held on 23 March", async () => {
    const briefing = (await programme2023()).activities.find((activity) => activity.source.line === 113);
    expect(briefing).toMatchObject({ plannedMonth: "2023-03", day: "2023-03-23", held: { date: "2023-03-23" } });
  });

  it("serves an undated annex item over its whole month", async () => {
    const july = (await programme2023()).activities.find((activity) => activity.source.line === 141);
    expect(july).toMatchObject({ timing: "in", day: "2023-07-01", lastDay: "2023-07-31", plannedMonth: "2023-07" });
  });

  it("keeps the Annex I deadlines beside the timetable, each with its paragraph's line", async () => {
    const { activities } = await programme2023();
    const byId = new Map(activities.map((activity) => [activity.id, activity]));
    expect(byId.get("group-of-experts-guidelines-review")).toMatchObject({
      day: "2023-04-30",
      source: { basis: "programme", line: 91 },
    });
    expect(byId.get("technical-guides-drafts")).toMatchObject({ day: "2023-09-30", source: { line: 51 } });
    const reports = activities.filter(
      (activity) => activity.kind === "report" && /pending assistance/.test(activity.title),
    );
    expect(reports.map((report) => report.day)).toEqual(["2023-04-30", "2023-08-31", "2023-12-31"]);
  });

  it("links each letter of the annex to its programme letters, the outreach letter as a manual one", async () => {
    const letters = (await programme2023()).activities
      .filter((activity) => activity.kind === "correspondence")
      .sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0))
      .map((activity) => [activity.source.line, activity.letters?.map((letter) => letter.waveKey)]);
    expect(letters).toEqual([
      [116, ["first-report-request"]],
      [117, ["resolution-2663-letter"]],
      [118, ["point-of-contact-update-states", "point-of-contact-update-organizations"]],
      [119, ["outreach-letter"]],
      [132, ["provider-offer-update"]],
      [154, ["open-briefing-invitation-states", "open-briefing-invitation-organizations"]],
    ]);
  });

  it("sends September's one letter to the States with the template that invites them and asks for their experiences", async () => {
    const september = (await programme2023()).activities.find((activity) => activity.source.line === 154);
    expect(september?.letters?.map(({ waveKey, templateId }) => [waveKey, templateId])).toEqual([
      ["open-briefing-invitation-states", "programme-effective-practices-invitation"],
      ["open-briefing-invitation-organizations", "programme-open-briefing-invitation"],
    ]);
    expect(september?.note).toMatch(/Annex I, paragraph 7 \(line 44\)/);
  });

  it("serves every dated commitment of Annex I: its own deadline, or the Annex II item that keeps it", async () => {
    const { activities } = await programme2023();
    const byId = new Map(activities.map((activity) => [activity.id, activity]));
    // Read here from the letter: each Annex I paragraph's phrases that date something in 2023.
    expect(datedCommitments(readFileSync(LETTER, "utf8"))).toEqual([
      [1, 33, "by 20 February 2023"],
      [5, 42, "in the first quarter of 2023"],
      [7, 44, "in the third quarter of 2023"],
      [8, 45, "in the first quarter of 2023"],
      [8, 47, "in the first quarter of 2023"],
      [10, 51, "in the first quarter of 2023"],
      [10, 51, "by the end of the third quarter of 2023"],
      [12, 57, "no later than 30 April 2023"],
      [13, 59, "by the end of the second quarter of 2023"],
      [25, 91, "by 30 April 2023"],
    ]);
    // Paragraph 1: the programme itself, sent on 16 February 2023 (the letter's date), before 20 February.
    const keptByAnnexII: [paragraph: number, activity: string, month: string][] = [
      [5, "mar-letter-first-report", "2023-03"],
      [7, "sep-letter-open-briefing-invitation", "2023-09"],
      [8, "feb-meeting-focus-outreach-guides", "2023-02"],
      [10, "feb-meeting-focus-outreach-guides", "2023-02"],
    ];
    for (const [paragraph, id, month] of keptByAnnexII) {
      expect(byId.get(id), `paragraph ${paragraph}`).toMatchObject({ source: { basis: "annex" }, plannedMonth: month });
    }
    const ownDeadlines: [line: number, activity: string, day: string][] = [
      [51, "technical-guides-drafts", "2023-09-30"],
      [57, "pending-assistance-report-1", "2023-04-30"],
      [59, "assistance-letter-templates-review", "2023-06-30"],
      [91, "group-of-experts-guidelines-review", "2023-04-30"],
    ];
    for (const [line, id, day] of ownDeadlines) {
      expect(byId.get(id), `line ${line}`).toMatchObject({ timing: "by", day, source: { basis: "programme", line } });
    }
  });

  it("reminds of the review of the assistance letter templates (Annex I, paragraph 13) before 30 June 2023", async () => {
    const review = (await programme2023()).activities.find(
      (activity) => activity.id === "assistance-letter-templates-review",
    );
    expect(review).toMatchObject({ kind: "review", timing: "by", dueByAsWritten: "end of 2023-Q2", recurring: false });
    expect(isDeadline(review as Activity)).toBe(true);
  });
});

/** Annex I's phrases that date a commitment in 2023, with the paragraph and line they are read on. */
function datedCommitments(text: string): [paragraph: number, line: number, phrase: string][] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^##\s*Annex I\s*$/.test(line));
  const end = lines.findIndex((line) => /^#+\s*\*\*Annex II\*\*\s*$/.test(line));
  expect(start, "the Annex I heading").toBeGreaterThan(0);
  const dated =
    /\b(?:by|no later than|in|before) (?:the end of )?(?:the (?:first|second|third|fourth) quarter of 2023|\d{1,2} [A-Z][a-z]+ 2023)/g;
  const found: [number, number, string][] = [];
  let paragraph = 0;
  lines.slice(start, end).forEach((raw, offset) => {
    const opening = /^(\d+)\. /.exec(raw);
    if (opening) paragraph = Number(opening[1]);
    for (const match of raw.matchAll(dated)) found.push([paragraph, start + 1 + offset, match[0]]);
  });
  return found;
}
