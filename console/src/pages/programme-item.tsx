// One activity of a programme year: when, what, who, where the date was read, and the letters it is sent as with
// the waves each produced (a scheduled letter's once its schedule fired; a manual one's as staff made them), and the
// year's values of its scheduled letters (programme-letter-form.tsx).
import { api, dataOf } from "../api/client.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { fromToday, YEAR_STATUS_WORDS } from "./programme-due.ts";
import { LetterValuesPanel } from "./programme-letter-form.tsx";
import { ActivityWhen } from "./programme-when.tsx";

async function activityOf(year: number, id: string) {
  const view = dataOf(await api.GET("/programme", { params: { query: { year: String(year) } } }));
  const activity = view.activities.find((candidate) => candidate.id === id);
  if (!activity) throw new Error(`The ${year} programme has no activity ${id}`);
  return { view, activity };
}

export function ProgrammeItem({ year, id, session }: { year: number; id: string; session: Session }) {
  const [loaded, reload] = useLoad(() => activityOf(year, id), `${year}/${id}`);
  return (
    <Show what={loaded}>
      {({ view, activity }) => (
        <>
          <h1>{activity.title}</h1>
          <p>
            <a href={href.programmeYear(view.year)}>{view.title}</a> ({YEAR_STATUS_WORDS[view.status]})
          </p>
          <dl class="facts">
            <dt>When</dt>
            <dd>
              <ActivityWhen activity={activity} />
              {activity.dueByAsWritten ? ` (the end of ${activity.dueByAsWritten})` : ""}; {fromToday(activity)}
            </dd>
            <dt>Kind</dt>
            <dd>{activity.kind}</dd>
            <dt>Responsible</dt>
            <dd>{activity.responsible.join(", ")}</dd>
            {activity.agendaItems.length > 0 && (
              <>
                <dt>Agenda</dt>
                <dd>{activity.agendaItems.join("; ")}</dd>
              </>
            )}
            <dt>Source</dt>
            <dd>
              {activity.source.document}, {activity.source.locator} ({activity.source.basis}
              {activity.verified ? ", read in Annex II" : ", not verified in Annex II"})
              {activity.note ? `: ${activity.note}` : ""}
            </dd>
            {activity.held && (
              <>
                <dt>Held</dt>
                <dd>{activity.held.date}</dd>
              </>
            )}
          </dl>
          {activity.annexText && <blockquote>{activity.annexText}</blockquote>}
          <h2>Letters</h2>
          {!activity.letters || activity.letters.length === 0 ? (
            <p>This activity is not sent as a letter.</p>
          ) : (
            <ScrollTable label="Letters and their waves">
              <table data-list="letters">
                <caption class="visually-hidden">The letters this activity is sent as, and their waves</caption>
                <thead>
                  <tr>
                    <th scope="col">Letter</th>
                    <th scope="col">Template</th>
                    <th scope="col">Sent by</th>
                    <th scope="col">Waves</th>
                  </tr>
                </thead>
                <tbody>
                  {activity.letters.map((letter) => (
                    <tr key={letter.waveKey}>
                      <th scope="row">{letter.waveKey}</th>
                      <td>
                        <a href={href.template(letter.templateId)}>{letter.templateId}</a>
                      </td>
                      <td>{letter.manual ? "staff, as required" : "its schedule"}</td>
                      <td>
                        {(letter.waves ?? []).length === 0 ? (
                          "none yet"
                        ) : (
                          <ul class="plain">
                            {(letter.waves ?? []).map((wave) => (
                              <li key={wave.id}>
                                <a href={href.wave(wave.id)}>{wave.id}</a>: {wave.status}, {wave.sendAt} {wave.timeZone}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <LetterValuesPanel
            year={view.year}
            activityId={activity.id}
            letters={activity.letters ?? []}
            session={session}
            onChanged={reload}
          />
        </>
      )}
    </Show>
  );
}
