// The 193 Member States, read from the data file beside this module (sources are named in the file).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import * as z from "zod";
import { type RegionSlug, regionalGroups, type State, stateSchema, unLanguageSchema } from "./schemas.ts";

const regionByName = new Map(
  Object.entries(regionalGroups).map(([slug, name]) => [name as string, slug as RegionSlug]),
);

const rowSchema = z.object({
  iso3: z.string(),
  iso2: z.string(),
  name: z.string(),
  regional_group: z.string().refine((name) => regionByName.has(name), "unknown regional group"),
  group_note: z.string(),
  language: unLanguageSchema,
  language_basis: z.enum(["official language", "inferred"]),
});

/** A State as the data file gives it; its reporting status comes from submissions, not from the file. */
export type MemberState = Omit<State, "updatedAt" | "reportingStatus" | "firstReportOn">;

/** Parses the registry file; throws on any row that does not fit, naming its line. */
export function parseMemberStates(csv: string): MemberState[] {
  const rows: unknown[] = parse(csv, { columns: true, comment: "#", skip_empty_lines: true, trim: true });
  return rows.map((raw, index) => {
    const row = rowSchema.safeParse(raw);
    if (!row.success) throw new Error(`member-states.csv row ${index + 1}: ${row.error.message}`);
    const region = regionByName.get(row.data.regional_group) as RegionSlug;
    return stateSchema.omit({ updatedAt: true, reportingStatus: true, firstReportOn: true }).parse({
      iso3: row.data.iso3,
      iso2: row.data.iso2,
      name: row.data.name,
      region,
      regionName: regionalGroups[region],
      groupNote: row.data.group_note || undefined,
      language: row.data.language,
      languageBasis: row.data.language_basis,
    });
  });
}

/** The file sits beside this module in the source tree and beside the bundle in a Lambda package. */
export function loadMemberStates(): MemberState[] {
  return parseMemberStates(readFileSync(new URL("./member-states.csv", import.meta.url), "utf8"));
}
