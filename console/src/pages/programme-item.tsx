// One activity of a programme year: when, what, who, where the date was read, and the letters it is sent as, each with
// its schedule (to whom, and when it fires in the activity's days) and the waves each produced (a scheduled letter's
// once its schedule fired, with why it was held as a draft when it was; a manual one's as staff made them), and the
// year's values of its scheduled letters (programme-letter-form.tsx); on a draft year, its correction
// (programme-activity-correction.tsx).
import type { firstFiringBetween } from "../../../shared/schedules/send-day.ts";
import { api, dataOf, type Schemas } from "../api/client.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { utcText } from "./correspondence/time.ts";
import { AUDIENCES } from "./correspondence/wave-facts.ts";
import { ActivityCorrection } from "./programme-activity-correction.tsx";
import { ACTIVITY_KIND_WORDS, fromToday, YEAR_STATUS_WORDS } from "./programme-due.ts";
import { LetterValuesPanel } from "./programme-letter-form.tsx";
import { draftWaveOf } from "./programme-letter-values.ts";
import { ActivityWhen } from "./programme-when.tsx";

type Activity = Schemas["ScheduledActivity"];
type Letter = NonNullable<Activity["letters"]>[number];

/** Who sends the letter: staff, or its schedule (to whom, and when it fires once `firing` is loaded), or nothing. */
function SentBy({
  letter,
  activity,
  firing,
}: {
  letter: Letter;
  activity: Activity;
  firing: typeof firstFiringBetween | undefined;
}) {
  if (letter.manual) return <>staff, as required</>;
  const { schedule } = letter;
  if (!schedule) return <>no schedule sends it</>;
  const fires = firing?.(schedule.expression, schedule.timeZone, activity.day, activity.lastDay);
  return (
    <>
      its schedule, to {AUDIENCES[schedule.audience]}
      {fires && (
        <>
          , firing <time dateTime={fires.toISOString()}>{utcText(fires)}</time>
        </>
      )}
    </>
  );
}

/** The letter's waves; its schedule's wave, when held as a draft, with why (a value missing, a staff wave sending it). */
function LetterWaves({ letter, year }: { letter: Letter; year: number }) {
  const waves = letter.waves ?? [];
  if (waves.length === 0) return <>none yet</>;
  const held = draftWaveOf(letter, year);
  return (
    <ul class="plain">
      {waves.map((wave) => (
        <li key={wave.id}>
          <a href={href.wave(wave.id)}>{wave.id}</a>: {wave.status}, {wave.sendAt} {wave.timeZone}
          {wave.id === held && wave.description && (
            <p class="muted" data-field="held">
              {wave.description}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

async function activityOf(year: number, id: string) {
  const view = dataOf(await api.GET("/programme", { params: { query: { year: String(year) } } }));
  const activity = view.activities.find((candidate) => candidate.id === id);
  if (!activity) throw new Error(`The ${year} programme has no activity ${id}`);
  return { view, activity };
}

export function ProgrammeItem({ year, id, session }: { year: number; id: string; session: Session }) {
  const [loaded, reload] = useLoad(() => activityOf(year, id), `${year}/${id}`);
  // The schedules' reading (croner), loaded by this page alone, as the wave page loads it.
  const [reading] = useLoad(() => import("../../../shared/schedules/send-day.ts"), "send-day");
  const firing = reading.status === "ready" ? reading.data.firstFiringBetween : undefined;
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
            <dd>{ACTIVITY_KIND_WORDS[activity.kind]}</dd>
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
                      <td data-field="sent-by">
                        <SentBy letter={letter} activity={activity} firing={firing} />
                      </td>
                      <td>
                        <LetterWaves letter={letter} year={view.year} />
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
          <ActivityCorrection
            year={view.year}
            yearStatus={view.status}
            activityId={activity.id}
            session={session}
            onChanged={reload}
          />
        </>
      )}
    </Show>
  );
}
