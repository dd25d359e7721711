// One activity's correction written as the API takes it: the whole year (PUT /programme/{year}, If-Match), read as
// stored at the save and sent back with only this activity's typed fields over it, so a colleague's change to another
// activity stands and only a change to this one since the form read it is refused (412, the console's own), as a
// letter's values are (programme-writes.ts). The API's 412 (the year changed between that reading and the write) and
// 422 (at `body.activities.<n>.<field>`, read back to the form's fields) come through as ProblemErrors; a year adopted
// since the page read it is refused before anything is sent.
import { api, dataOf, ProblemError } from "../api/client.ts";
import {
  adoptedRefusal,
  type CorrectionField,
  changedSince,
  type FileActivity,
  type ProgrammeFile,
  problemAtFormFields,
  STALE_ACTIVITY,
  yearWithCorrection,
} from "./programme-activity-correction.ts";
import { programmeFile } from "./programme-writes.ts";
import type { Typed } from "./typed-over.ts";

/** Where the activity stands in the year's file: removed since (by whoever put the year) is a 404 said in words. */
function placeOf(file: ProgrammeFile, id: string): { index: number; activity: FileActivity } {
  const index = file.activities.findIndex((candidate) => candidate.id === id);
  const activity = file.activities[index];
  if (!activity) {
    throw new ProblemError({
      type: "about:blank",
      title: `The ${file.year} programme has no activity ${id}`,
      status: 404,
    });
  }
  return { index, activity };
}

/** The activity as the year's file holds it now (a draft rolled forward and not stored included). */
export async function storedActivity(year: number, id: string): Promise<FileActivity> {
  return placeOf((await programmeFile(year)).value, id).activity;
}

/**
 * Puts what was typed over the activity as the year holds it now, unless it changed since `read` (412); answers the
 * activity as stored.
 */
export async function correctActivity(
  year: number,
  read: FileActivity,
  typed: Typed<CorrectionField>,
): Promise<FileActivity> {
  const { value: file, status, etag } = await programmeFile(year);
  const adopted = adoptedRefusal(year, status);
  if (adopted) throw new ProblemError(adopted);
  const { index, activity } = placeOf(file, read.id);
  if (changedSince(read, activity)) throw new ProblemError(STALE_ACTIVITY);
  const result = await api.PUT("/programme/{year}", {
    params: { path: { year: String(year) }, header: { "If-Match": etag } },
    body: yearWithCorrection(file, index, typed),
  });
  try {
    return placeOf(dataOf(result).programme, read.id).activity;
  } catch (error) {
    if (error instanceof ProblemError && error.problem.status === 422) {
      throw new ProblemError(problemAtFormFields(error.problem, index));
    }
    throw error;
  }
}
