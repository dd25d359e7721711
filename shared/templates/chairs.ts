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

export const committeeChairsSchema = z.strictObject({ description: z.string(), chairs: z.array(chairSchema) });

let chairs: readonly CommitteeChair[] | undefined;

/** The configured Chairs, validated on first use. */
export function committeeChairs(): readonly CommitteeChair[] {
  chairs ??= committeeChairsSchema.parse(file).chairs;
  return chairs;
}

/** The Chair in office on a calendar date (yyyy-mm-dd), if the configuration knows one. */
export const chairOn = (date: string): CommitteeChair | undefined =>
  committeeChairs().find((chair) => chair.from <= date && date <= chair.until);
