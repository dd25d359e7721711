// The programme year's writes from the console: one scheduled letter's values read with their ETag and given back with
// If-Match (only a change to that letter since is refused, not another letter's), and a draft year adopted with
// If-Match on the year's file read with its ETag; and the letters' templates, for the values each names.
import { api, dataOf, ProblemError } from "../api/client.ts";
import type { components } from "../api/schema";
import { type Versioned, versionedOf } from "../api/versioned.ts";
import { type LetterValuesForm, valuesOfForm, type WaveValues } from "./programme-letter-values.ts";

type Template = components["schemas"]["Template"];

/** The programme file as GET /programme/{year} gives it (`programme`). */
type ProgrammeFile = components["schemas"]["ProgrammeFile"];

type ProgrammeStatus = components["schemas"]["ProgrammeYear"]["status"];

/** The year's file as stored (or the draft rolled forward, ETag "0"), with the ETag a write sends back and its status. */
export async function programmeFile(year: number): Promise<Versioned<ProgrammeFile> & { status: ProgrammeStatus }> {
  const result = await api.GET("/programme/{year}", { params: { path: { year: String(year) } } });
  const { programme, status } = dataOf(result);
  return { ...versionedOf(programme, result.response), status };
}

/** Which letter: the activity that links it, and its wave key. */
export interface LetterOf {
  year: number;
  activityId: string;
  waveKey: string;
}

const pathOf = ({ year, activityId, waveKey }: LetterOf) => ({ year: String(year), activityId, waveKey });

/** The letter's values as the year gives them now ({} when none), with the ETag of those values alone. */
export async function letterValues(letter: LetterOf): Promise<Versioned<WaveValues>> {
  const result = await api.GET("/programme/{year}/activities/{activityId}/letters/{waveKey}/values", {
    params: { path: pathOf(letter) },
  });
  return versionedOf(dataOf(result).values, result.response);
}

/** Gives the letter the form's values over the values read with `etag`; a change to them since is the API's 412. */
export async function giveLetterValues(
  letter: LetterOf,
  etag: string,
  form: LetterValuesForm,
): Promise<Versioned<WaveValues>> {
  const result = await api.PUT("/programme/{year}/activities/{activityId}/letters/{waveKey}/values", {
    params: { path: pathOf(letter), header: { "If-Match": etag } },
    body: valuesOfForm(form),
  });
  return versionedOf(dataOf(result).values, result.response);
}

/** The letters' templates by id, each read once; one not on record (404) is left out, any other refusal thrown. */
export async function letterTemplates(templateIds: readonly string[]): Promise<Map<string, Template>> {
  const read = await Promise.all(
    [...new Set(templateIds)].map(async (id) => {
      try {
        return [id, dataOf(await api.GET("/templates/{id}", { params: { path: { id } } }))] as const;
      } catch (error) {
        if (error instanceof ProblemError && error.problem.status === 404) return undefined;
        throw error;
      }
    }),
  );
  return new Map(read.filter((entry) => entry !== undefined));
}

/** Adopts the draft year read with `etag`: 409 when adopted already, 412 when it changed since it was read. */
export async function adoptProgramme(year: number, etag: string): Promise<void> {
  dataOf(
    await api.POST("/programme/{year}/adopt", {
      params: { path: { year: String(year) }, header: { "If-Match": etag } },
    }),
  );
}
