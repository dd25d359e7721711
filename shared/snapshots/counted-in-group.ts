// How a State whose regional group is an edge case is counted, in one plain sentence for the Committee's readers. The
// registry's `group_note` (shared/registry/member-states.csv) keeps the research behind each case, with its sources
// (docs/data/member-states.SOURCES.md); a document for the Committee says only how the State is counted.
import { type RegionSlug, regionalGroups } from "../registry/schemas.ts";

interface CountedIn {
  /** The group the sentence says the State is counted in: it is used only while the snapshot counts it there. */
  region: RegionSlug;
  sentence: string;
}

/** One per State with a `group_note` in the registry (a unit test holds the two together). */
export const countedInGroup: Readonly<Record<string, CountedIn>> = {
  USA: {
    region: "weog",
    sentence:
      "Counted in the Western European and others Group, as at UN Headquarters: the United States is not a member " +
      "of any group and attends its meetings as an observer.",
  },
  TUR: {
    region: "weog",
    sentence:
      "Counted in the Western European and others Group, as for elections at UN Headquarters: Türkiye takes part " +
      "in both this group and the Asia-Pacific Group.",
  },
  ISR: {
    region: "weog",
    sentence:
      "Counted in the Western European and others Group, of which Israel is a member at UN Headquarters, " +
      "although it lies in Asia.",
  },
  KIR: {
    region: "asia-pacific",
    sentence:
      "Counted in the Asia-Pacific Group, as on the UN's current list of regional groups; older lists placed " +
      "Kiribati in no group.",
  },
  CYP: {
    region: "asia-pacific",
    sentence:
      "Counted in the Asia-Pacific Group, to which Cyprus belongs at the UN although it is a member of the " +
      "European Union.",
  },
};

/**
 * The sentence for a State the snapshot counted in `region`. A State whose note the table does not cover (a note added
 * to the registry later), or a group that changed since, is named with its group only: never the research note.
 */
export function countedInGroupSentence(iso3: string, region: RegionSlug): string {
  const known = Object.hasOwn(countedInGroup, iso3) ? countedInGroup[iso3] : undefined;
  if (known?.region === region) return known.sentence;
  return `Counted in the ${regionalGroups[region]} Group, as the Committee's registry of Member States records it.`;
}
