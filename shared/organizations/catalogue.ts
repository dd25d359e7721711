// The organizations the desk starts with, read from the data file beside this module (sources in its header).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import * as z from "zod";
import { type Organization, organizationIdSchema, organizationKindSchema } from "./schemas.ts";

const rowSchema = z.object({
  id: organizationIdSchema,
  kind: organizationKindSchema,
  acronym: z.string().min(1),
  name: z.string().min(1),
  region: z.string(),
  verified: z.enum(["yes", "no"]),
  source: z.string(),
});

export const UNVERIFIED_NOTE =
  "Engagement with the 1540 Committee not verified against a stored source; check before relying on it.";

/** An organization as the data file gives it. */
export type CatalogueOrganization = Omit<Organization, "updatedAt">;

/** Parses the data file; throws on any row that does not fit, naming its row. */
export function parseOrganizations(csv: string): CatalogueOrganization[] {
  const rows: unknown[] = parse(csv, { columns: true, comment: "#", skip_empty_lines: true, trim: true });
  const seen = new Set<string>();
  return rows.map((raw, index) => {
    const row = rowSchema.safeParse(raw);
    if (!row.success) throw new Error(`organizations.csv row ${index + 1}: ${row.error.message}`);
    if (seen.has(row.data.id)) throw new Error(`organizations.csv row ${index + 1}: id ${row.data.id} repeats`);
    seen.add(row.data.id);
    const { id, kind, acronym, name, region, verified } = row.data;
    return {
      id,
      kind,
      acronym,
      name,
      region: region || undefined,
      note: verified === "no" ? UNVERIFIED_NOTE : undefined,
    };
  });
}

/** The file sits beside this module in the source tree and beside the bundle in a Lambda package. */
export function loadOrganizations(): CatalogueOrganization[] {
  return parseOrganizations(readFileSync(new URL("./organizations.csv", import.meta.url), "utf8"));
}
