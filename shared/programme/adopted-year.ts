// An adopted year is the record of what the Committee adopted and its Chair transmitted to the Council (the covering
// letter of 16 February 2023 transmits Annexes I and II on the Committee's behalf): its activities, their timing and
// titles change no more. What staff still give a year after its
// adoption is kept apart: the values of its scheduled letters (a briefing's day and venue, known later) and the day
// a published record says an activity was held. Audit 30 found an adopted, Annex-verified year rewritten through
// `PUT /programme/{year}` and still marked verified, the change rolled into every later draft (ADR 0060).
import { saysTheSame } from "../canonical-json.ts";
import { Conflict } from "../errors.ts";
import type { ProgrammeFile } from "./schemas.ts";

type Activity = ProgrammeFile["activities"][number];

/** The activity as adopted: without what may still be given after adoption. */
function asAdopted({ held: _held, letters, ...activity }: Activity): unknown {
  return { ...activity, letters: letters?.map(({ values: _values, ...link }) => link) };
}

const sameAdopted = (a: Activity, b: Activity) => saysTheSame(asAdopted(a), asAdopted(b));

/** What `given` changes of the adopted `stored`, in words; empty when it changes only what may change after adoption. */
export function changesToAdopted(stored: ProgrammeFile, given: ProgrammeFile): string[] {
  const changes: string[] = [];
  if (given.title !== stored.title) changes.push("its title");
  if (!saysTheSame(given.period, stored.period)) changes.push("its period");
  if (!saysTheSame(given.source, stored.source)) changes.push("its source");
  const storedById = new Map(stored.activities.map((activity) => [activity.id, activity]));
  const givenIds = new Set(given.activities.map((activity) => activity.id));
  for (const activity of given.activities) {
    const before = storedById.get(activity.id);
    if (!before) changes.push(`adds ${activity.id}`);
    else if (!sameAdopted(before, activity)) changes.push(`changes ${activity.id}`);
  }
  for (const { id } of stored.activities) if (!givenIds.has(id)) changes.push(`removes ${id}`);
  const order = (file: ProgrammeFile) => file.activities.map(({ id }) => id).join();
  if (changes.length === 0 && order(given) !== order(stored)) changes.push("the order of its activities");
  return changes;
}

/** Refuses a put over an adopted year that changes more than its letters' values and the days activities were held. */
export function refuseChangesToAdopted(year: number, stored: ProgrammeFile, given: ProgrammeFile): void {
  const changes = changesToAdopted(stored, given);
  if (changes.length === 0) return;
  throw new Conflict(
    `The ${year} programme of work is adopted: what the Committee adopted changes no more (${changes.join("; ")}). ` +
      "Only its scheduled letters' values and the day an activity was held may still be given",
  );
}
