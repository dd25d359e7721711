// An organization's id as it is derived: the acronym's slug, and a free one beside an id a retired organization keeps
// (ADR 0061: its name may be recorded again, its id stays taken). No imports, so the console compiles it as it is.

/** The longest id (keys.ts `ORGANIZATION_ID`). */
const LONGEST_ID = 40;

/** `BWC ISU` -> `bwc-isu`, `OAS/CICTE` -> `oas-cicte`. */
export function organizationSlug(acronym: string): string {
  return acronym
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, LONGEST_ID)
    .replace(/-+$/g, "");
}

/**
 * `osce` -> the first of `osce-2`, `osce-3`… that no id in `taken` is (cut to fit the longest id). `iaea-2` numbers
 * from `iaea` when `iaea` is taken (a second of the same), not `iaea-2-2`; a number of the acronym's own (`g-77`,
 * `p5-1`) is kept: `g-77-2`.
 */
export function freeOrganizationId(id: string, taken: ReadonlySet<string>): string {
  const numbered = id.replace(/-\d+$/, "");
  const base = numbered !== id && taken.has(numbered) ? numbered : id;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, LONGEST_ID - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
