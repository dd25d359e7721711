// Who changed a State's record meanwhile, read from its timeline (every group may read it, and each entry names its
// actor): the void of a submission the page had open, the latest change of the State's language of letters. Only to
// name them: a failed reading names no one, and the page says what it knows without it.
import { api, dataOf } from "../../api/client.ts";
import { pageQuery } from "../../api/page-query.ts";
import type { Submission } from "./data.ts";
import { type LanguageChange, languageChangeIn } from "./language-on-record.ts";
import { voiderIn, voidTimelineDay } from "./voided-meanwhile.ts";

/** Who voided `submission`: its void's entry, on the timeline's day for it, page by page. */
export async function voiderOf(submission: Submission): Promise<string | undefined> {
  const { voided, iso3 } = submission;
  if (!voided) return undefined;
  const day = voidTimelineDay(voided);
  try {
    let cursor: string | undefined;
    do {
      const page = dataOf(
        await api.GET("/states/{iso3}/timeline", {
          params: { path: { iso3 }, query: { ...pageQuery(cursor), kinds: "submission", from: day, to: day } },
        }),
      );
      const voider = voiderIn(page.items, submission);
      if (voider) return voider;
      cursor = page.cursor;
    } while (cursor);
  } catch {
    // Said without the name.
  }
  return undefined;
}

/** The State's latest correction of its language of letters, from the newest of its own entries. */
export async function latestLanguageChange(iso3: string): Promise<LanguageChange | undefined> {
  try {
    const page = dataOf(
      await api.GET("/states/{iso3}/timeline", {
        params: { path: { iso3 }, query: { ...pageQuery(undefined, "20"), kinds: "state" } },
      }),
    );
    return languageChangeIn(page.items);
  } catch {
    // Said without who or when.
    return undefined;
  }
}
