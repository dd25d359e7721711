// The Chair a letter is signed for: configuration (committee-chairs.json, sources in
// docs/data/committee-chairs.SOURCES.md), not templates. A date no entry covers (a year not yet configured) is
// signed "for the Chair" without a name, unless the wave names the Chair.
import * as z from "zod";
import { unLanguageSchema } from "../registry/schemas.ts";
import file from "./committee-chairs.json" with { type: "json" };

const chairSchema = z.strictObject({
  name: z.string().min(1),
  state: z.string().length(3),
  from: z.iso.date(),
  until: z.iso.date(),
  title: z.record(unLanguageSchema, z.string().min(1)).describe("The office as signed, in each language"),
  source: z.string().min(1),
});
export type CommitteeChair = z.infer<typeof chairSchema>;

/** An entry's dates in order, and no date with two Chairs: `chairOn` would sign with whichever came first. */
function datesIssues(chairs: readonly CommitteeChair[]): string[] {
  const byStart = [...chairs].sort((a, b) => a.from.localeCompare(b.from));
  return byStart.flatMap((chair, index) => {
    const previous = byStart[index - 1];
    return [
      ...(chair.from > chair.until ? [`${chair.name}: from ${chair.from} is after until ${chair.until}`] : []),
      ...(previous && chair.from <= previous.until
        ? [`${chair.name} from ${chair.from} overlaps ${previous.name} until ${previous.until}`]
        : []),
    ];
  });
}

export const committeeChairsSchema = z
  .strictObject({ description: z.string(), chairs: z.array(chairSchema) })
  .superRefine(({ chairs }, context) => {
    for (const message of datesIssues(chairs)) context.addIssue({ code: "custom", path: ["chairs"], message });
  });

let chairs: readonly CommitteeChair[] | undefined;

/** The configured Chairs, validated on first use. */
export function committeeChairs(): readonly CommitteeChair[] {
  chairs ??= committeeChairsSchema.parse(file).chairs;
  return chairs;
}

/** The Chair in office on a calendar date (yyyy-mm-dd), if the configuration knows one. */
export const chairOn = (date: string): CommitteeChair | undefined =>
  committeeChairs().find((chair) => chair.from <= date && date <= chair.until);
