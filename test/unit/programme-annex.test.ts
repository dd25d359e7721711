// Every dated activity of the 2024 programme appears in GET /programme, checked against a list written here by hand
// from the sources read (docs/data/programme-of-work.SOURCES.md), not derived from the data files. Annex II of 2024
// was not found; the 2023 annex is checked line by line in programme-annex-2023.test.ts.
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import type { ProgrammeView } from "#shared/programme/schemas.ts";
import { programmeRoutes } from "../../functions/api/routes/programme.ts";
import { routerCaller } from "../support/api-event.ts";
import { seededProgramme } from "./programme-fixture.ts";

interface DatedItem {
  /** The day it is on, or due by. */
  day: string;
  kind: string;
  /** Words its title must have. */
  title: RegExp;
  /** Where the date was read. */
  readIn: string;
}

const programme2024: DatedItem[] = [
  {
    day: "2024-02-22",
    kind: "meeting",
    title: /Working Group/,
    readIn: "Working Group Meetings page, 22 February 2024",
  },
  {
    day: "2024-03-26",
    kind: "briefing",
    title: /Chair briefs/,
    readIn: "Security Council Report, What's in Blue: \"This afternoon (26 March)\", the Chair's annual update",
  },
  { day: "2024-04-30", kind: "meeting", title: /Working Group/, readIn: "Working Group Meetings page, 30 April 2024" },
  {
    day: "2024-05-02",
    kind: "meeting",
    title: /meeting of the Committee/,
    readIn: "Committee Meetings page, 2 May 2024",
  },
  { day: "2024-06-04", kind: "meeting", title: /103rd meeting/, readIn: "Committee Meetings page, 4 June 2024" },
  { day: "2024-08-02", kind: "meeting", title: /104th meeting/, readIn: "Committee Meetings page, 2 August 2024" },
  { day: "2024-12-02", kind: "meeting", title: /105th meeting/, readIn: "Committee Meetings page, 2 December 2024" },
  { day: "2024-12-31", kind: "review", title: /[Aa]nnual review.*2024/, readIn: "resolution 1977 (2011) para. 9" },
  {
    day: "2025-01-31",
    kind: "deadline",
    title: /[Pp]rogramme of work for 1 February 2025/,
    readIn: "res. 2325 para. 2",
  },
];

const call = routerCaller(
  createRouter(
    programmeRoutes(await seededProgramme(fixedClock("2023-02-01T12:00:00Z"))),
    new Logger({ logLevel: "SILENT" }),
  ),
  "members",
);

async function programmeOf(year: number): Promise<ProgrammeView> {
  const answer = await call({ path: "/programme", query: `year=${year}` });
  expect(answer.status).toBe(200);
  return answer.body as ProgrammeView;
}

describe.each([[2024, programme2024]])("the %i programme of work in GET /programme", (year, items) => {
  it.each(items.map((item) => [item.day, item.title.source, item] as const))(
    "lists the item of %s (%s)",
    async (_day, _title, item) => {
      const { activities } = await programmeOf(year);
      const found = activities.filter(
        (activity) => activity.day === item.day && activity.kind === item.kind && item.title.test(activity.title),
      );
      expect(found, `${item.readIn}: not served`).toHaveLength(1);
    },
  );

  it("lists the three reports a year on pending assistance requests, the first by 30 April", async () => {
    const reports = (await programmeOf(year)).activities.filter(
      (activity) => activity.kind === "report" && /pending assistance/.test(activity.title),
    );
    expect(reports.map((report) => report.day)).toEqual([`${year}-04-30`, `${year}-08-31`, `${year}-12-31`]);
  });
});
