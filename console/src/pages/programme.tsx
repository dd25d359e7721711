// The programme of work's calendar for the current year: every activity with its timing and letters (each one's page
// has its waves), the year's .ics saved with the token, one's personal feed addresses, and for the secretariat a
// draft year's adoption (programme-adopt.tsx).
import { useEffect, useState } from "preact/hooks";
import { api, dataOf } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { saveBlob } from "../ui/download.ts";
import { messageOf, Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { AdoptProgramme } from "./programme-adopt.tsx";
import { ACTIVITY_KIND_WORDS, letterWavesWords, YEAR_STATUS_WORDS } from "./programme-due.ts";
import { CalendarFeeds } from "./programme-feeds.tsx";
import { draftWaveOf } from "./programme-letter-values.ts";
import { ActivityWhen } from "./programme-when.tsx";

/** The year asked for, or the current one (a draft rolled forward when none is adopted). */
async function programmeOf(year: number | undefined) {
  return dataOf(await api.GET("/programme", { params: { query: year ? { year: String(year) } : {} } }));
}

async function downloadIcs(year: number): Promise<void> {
  const result = await api.GET("/programme/{year}", { params: { path: { year: `${year}.ics` } }, parseAs: "blob" });
  saveBlob(dataOf(result), `programme-${year}.ics`);
}

export function Programme({ year, session }: { year?: number; session: Session }) {
  const [programme, reload] = useLoad(() => programmeOf(year), `programme/${year ?? "current"}`);
  const [failure, setFailure] = useState<string>();
  // What adopting the year came to, kept here: the adopt control leaves the page once the year is adopted.
  const [adopted, setAdopted] = useState<{ year: number; words: string }>();
  // The pressed button leaves with the draft: the keyboard goes on from the words that say what became of the year.
  useEffect(() => {
    if (adopted) document.getElementById("adopted")?.focus();
  }, [adopted]);
  const mayAdopt = may(session.group, "POST /programme/{year}/adopt");
  return (
    <>
      <h1>Programme of work</h1>
      <Show what={programme}>
        {(view) => (
          <>
            <p>
              {view.title} ({YEAR_STATUS_WORDS[view.status]}
              {view.rolledFrom && !view.title.includes("rolled forward")
                ? `, rolled forward from ${view.rolledFrom}`
                : ""}
              ); today {view.today} in {view.timeZone}.
            </p>
            {view.status === "draft" && mayAdopt && (
              <AdoptProgramme
                year={view.year}
                onChanged={(words) => {
                  if (words) setAdopted({ year: view.year, words });
                  reload();
                }}
              />
            )}
            {adopted?.year === view.year && (
              <p role="status" id="adopted" tabIndex={-1}>
                {adopted.words}
              </p>
            )}
            <nav aria-label="Programme years">
              <ul class="inline-list">
                {view.years.map((other) => (
                  <li key={other}>
                    <a href={href.programmeYear(other)} aria-current={other === view.year ? "page" : undefined}>
                      {other}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <p>
              <button
                type="button"
                onClick={() =>
                  downloadIcs(view.year).then(
                    () => setFailure(undefined),
                    (error: unknown) => setFailure(messageOf(error)),
                  )
                }
              >
                Calendar {view.year} (.ics)
              </button>
            </p>
            {failure && (
              <p role="alert" class="error">
                {failure}
              </p>
            )}
            <ScrollTable label="Activities of the programme year">
              <table>
                <caption class="visually-hidden">Activities in date order</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Activity</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Letters</th>
                  </tr>
                </thead>
                <tbody>
                  {view.activities.map((activity) => (
                    <tr key={activity.id}>
                      <td>
                        <ActivityWhen activity={activity} />
                      </td>
                      <td>
                        <a href={href.programmeItem(view.year, activity.id)}>{activity.title}</a>
                      </td>
                      <td>{ACTIVITY_KIND_WORDS[activity.kind]}</td>
                      <td>
                        {(activity.letters ?? [])
                          .map(
                            (letter) =>
                              `${letter.templateId} (${letterWavesWords(letter.waves ?? [])}${
                                draftWaveOf(letter, view.year) ? "; its schedule's wave held as a draft, not sent" : ""
                              })`,
                          )
                          .join(", ")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </>
        )}
      </Show>
      <p id="programme-holidays">
        An assistance request's consent window skips weekends and the{" "}
        <a href={href.holidays()}>UN Headquarters holidays</a> on record for its year.
      </p>
      <CalendarFeeds />
    </>
  );
}
