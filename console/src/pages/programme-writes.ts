// The programme year's writes from the console: the year's file read with its ETag, a scheduled letter's values put
// back with If-Match (the whole file, as PUT /programme/{year} takes it), and a draft year adopted with If-Match.
import { api, dataOf } from "../api/client.ts";
import { type Versioned, versionedOf } from "../api/versioned.ts";
import {
  type LetterAt,
  type LetterValuesForm,
  type ProgrammeFile,
  valuesOfForm,
  withLetterValues,
} from "./programme-letter-values.ts";

/** The year's file as stored (or the draft rolled forward, ETag "0"), with the ETag a write sends back. */
export async function programmeFile(year: number): Promise<Versioned<ProgrammeFile>> {
  const result = await api.GET("/programme/{year}", { params: { path: { year: String(year) } } });
  return versionedOf(dataOf(result).programme, result.response);
}

/** Puts the file read at `read` back with the letter's values from the form; a change since is the API's 412. */
export async function giveLetterValues(
  year: number,
  read: Versioned<ProgrammeFile>,
  at: LetterAt,
  form: LetterValuesForm,
): Promise<Versioned<ProgrammeFile>> {
  const result = await api.PUT("/programme/{year}", {
    params: { path: { year: String(year) }, header: { "If-Match": read.etag } },
    body: withLetterValues(read.value, at, valuesOfForm(form)),
  });
  return versionedOf(dataOf(result).programme, result.response);
}

/** Adopts the draft year read with `etag`: 409 when adopted already, 412 when it changed since it was read. */
export async function adoptProgramme(year: number, etag: string): Promise<void> {
  dataOf(
    await api.POST("/programme/{year}/adopt", {
      params: { path: { year: String(year) }, header: { "If-Match": etag } },
    }),
  );
}
