// Route of the programme of work's calendar: one programme year's timetable, with the days left and what is due next.
import * as z from "zod";
import type { Clock } from "#shared/clock.ts";
import { defineRoute } from "#shared/http/route.ts";
import type { ProgrammeCatalogue } from "#shared/programme/catalogue.ts";
import { DEFAULT_DUE_NEXT, viewProgramme } from "#shared/programme/programme-view.ts";
import { programmeViewSchema } from "#shared/programme/schemas.ts";
import { programmesOfWork } from "../../../events/programme-of-work/index.ts";

const wholeNumber = z.string().regex(/^\d+$/, "must be a whole number").transform(Number);

// Dates are checked by the use case, so a day that is not one is 422 at its path, like a bad body field.
const programmeQuery = z.strictObject({
  year: wholeNumber
    .optional()
    .describe("The programme year (its period starts in February of it); default: today's, or the latest"),
  from: z.string().optional().describe("Only activities on or after this day (YYYY-MM-DD)"),
  to: z.string().optional().describe("Only activities on or before this day (YYYY-MM-DD)"),
  next: wholeNumber
    .pipe(z.number().int().min(1).max(50))
    .optional()
    .describe(`How many upcoming activities dueNext lists, 1 to 50 (default ${DEFAULT_DUE_NEXT})`),
});

export interface ProgrammeRouteDependencies {
  clock: Clock;
  /** The programmes of work in events/programme-of-work unless a test gives its own. */
  programmes?: ProgrammeCatalogue;
}

export function programmeRoutes({ clock, programmes = programmesOfWork }: ProgrammeRouteDependencies) {
  const view = viewProgramme({ clock, programmes });
  return [
    defineRoute({
      method: "GET",
      path: "/programme",
      operationId: "getProgramme",
      summary:
        "The programme of work's timetable for one year: every activity with the New York calendar days left, " +
        "and what is due next",
      tag: "Programme",
      access: ["secretariat", "experts", "members"],
      query: programmeQuery,
      responses: [{ status: 200, description: "The programme year's activities", schema: programmeViewSchema }],
      async handle({ query }) {
        return { body: view({ ...query, next: query.next ?? DEFAULT_DUE_NEXT }) };
      },
    }),
  ];
}
