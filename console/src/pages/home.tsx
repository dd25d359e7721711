// Home: where things stand today. Each panel loads on its own, so a slow list never hides the others.

import { ageBucketLabels, assistanceAgeBuckets } from "../../../shared/assistance/age-buckets.ts";
import { href } from "../router.ts";
import { counted } from "../ui/counted.ts";
import { deskToday } from "../ui/desk-today.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { usePolled } from "./correspondence/poll.ts";
import { utcText } from "./correspondence/time.ts";
import { countsText, inFlightWords } from "./correspondence/wave-facts.ts";
import { statusWithWhy } from "./correspondence/wave-halted.ts";
import {
  latestSnapshot,
  memberStates,
  pendingAssistanceByAge,
  pointOfContactCoverage,
  programmeDueNext,
  reportingOf,
  restsNotReachedAfterAll,
  type State,
  wavesOnTheDesk,
} from "./home-data.ts";
import { notReachedAfterAllWords } from "./home-waves.ts";
import { POC_LABELS } from "./poc-view.ts";
import { fromToday, shownDay, YEAR_STATUS_WORDS } from "./programme-due.ts";

function StateLinks({ states }: { states: State[] }) {
  return (
    <ul class="inline-list">
      {states.map((state) => (
        <li key={state.iso3}>
          <a href={href.state(state.iso3)}>{state.name}</a>
        </li>
      ))}
    </ul>
  );
}

function ReportingPanel() {
  const [states] = useLoad(memberStates, "states");
  return (
    <section class="panel" aria-labelledby="reporting-title">
      <h2 id="reporting-title">First national reports</h2>
      <Show what={states}>
        {(list) => {
          const reporting = reportingOf(list);
          return (
            <>
              <p class="figure" data-figure="reported">
                <strong>
                  {reporting.reported} of {reporting.memberStates}
                </strong>{" "}
                Member States have submitted a first national report.
              </p>
              <h3 id="non-reporting-title">Non-reporting ({reporting.nonReporting.length})</h3>
              <div data-list="non-reporting">
                <StateLinks states={reporting.nonReporting} />
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** The States whose point of contact needs the secretariat, each a link to the page where it is kept. */
const TO_CHASE = ["stale", "unreachable", "missing"] as const;

function PointOfContactPanel() {
  const [coverage] = useLoad(async () => pointOfContactCoverage(await memberStates()), "poc");
  return (
    <section class="panel" aria-labelledby="poc-title">
      <h2 id="poc-title">Points of contact</h2>
      <Show what={coverage}>
        {(views) => (
          <>
            <table>
              <caption class="visually-hidden">Member States by point-of-contact coverage</caption>
              <tbody>
                {(Object.keys(POC_LABELS) as (keyof typeof POC_LABELS)[]).map((view) => (
                  <tr key={view}>
                    <th scope="row">{POC_LABELS[view]}</th>
                    <td class="number">{views[view].length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {TO_CHASE.filter((view) => views[view].length > 0).map((view) => (
              <details key={view} data-list={`poc-${view}`}>
                <summary>
                  {counted(views[view].length, "State")}: {POC_LABELS[view]}
                </summary>
                <StateLinks states={views[view]} />
              </details>
            ))}
          </>
        )}
      </Show>
    </section>
  );
}

function AssistancePanel() {
  const [byAge] = useLoad(() => pendingAssistanceByAge(deskToday()), "assistance");
  return (
    <section class="panel" aria-labelledby="assistance-title">
      <h2 id="assistance-title">Pending assistance requests by age</h2>
      <Show what={byAge}>
        {(ages) => (
          <table>
            <caption class="visually-hidden">Pending assistance requests by age</caption>
            <tbody>
              {assistanceAgeBuckets.map((bucket) => (
                <tr key={bucket}>
                  <th scope="row">{ageBucketLabels[bucket]}</th>
                  <td class="number">{ages[bucket]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
}

/** How often the home page asks again for the counts of the waves in flight. */
const WAVES_POLL_MS = 5_000;

function WavesPanel() {
  const [waves] = usePolled(wavesOnTheDesk, "waves", {
    everyMs: WAVES_POLL_MS,
    keepAsking: ({ inFlight }) => inFlight.length > 0,
  });
  // Read once: a rest's chain is read letter by letter, and a late bounce is news of days, not seconds.
  const [notReached] = useLoad(restsNotReachedAfterAll, "rests-not-reached");
  return (
    <section class="panel" aria-labelledby="waves-title">
      <h2 id="waves-title">Waves in flight</h2>
      <Show what={waves}>
        {({ inFlight, halted }) => (
          <>
            {inFlight.length === 0 ? (
              <p>No wave is scheduled or sending.</p>
            ) : (
              <ul aria-live="polite" data-list="waves-in-flight">
                {inFlight.map((wave) => (
                  <li key={wave.id}>
                    <a href={href.wave(wave.id)}>{wave.description ?? wave.id}</a> ({inFlightWords(wave, new Date())}
                    ): <span data-counts={wave.id}>{countsText(wave.counts)}</span>
                  </li>
                ))}
              </ul>
            )}
            {halted.length > 0 && (
              <div class="caution" data-list="waves-halted">
                <h3>Halted: to look at</h3>
                <ul>
                  {halted.map((wave) => (
                    <li key={wave.id}>
                      <a href={href.wave(wave.id)}>{wave.description ?? wave.id}</a> (
                      <time dateTime={wave.updatedAt}>{utcText(wave.updatedAt)}</time>): {statusWithWhy(wave)}. Its page
                      says what to do next.
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </Show>
      {notReached.status === "ready" && notReached.data.length > 0 && (
        <div class="caution" data-list="rests-not-reached">
          <h3>Rests that did not reach everyone</h3>
          <ul>
            {notReached.data.map(({ wave, owners }) => (
              <li key={wave.id}>
                <a href={href.wave(wave.id)}>{wave.description ?? wave.id}</a>: {notReachedAfterAllWords(owners)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <a href={href.waves()}>All waves</a>
      </p>
    </section>
  );
}

function ProgrammePanel() {
  const [programme] = useLoad(programmeDueNext, "programme");
  return (
    <section class="panel" aria-labelledby="programme-title">
      <h2 id="programme-title">Due next in the programme</h2>
      <Show what={programme}>
        {(view) => (
          <>
            <p>
              {view.title} ({YEAR_STATUS_WORDS[view.status]})
            </p>
            <ol class="due-next">
              {view.dueNext.map((activity) => (
                <li key={activity.id}>
                  <time dateTime={shownDay(activity)}>{shownDay(activity)}</time>{" "}
                  {activity.timing === "by" ? "due: " : ""}
                  {activity.title} <span class="muted">({fromToday(activity)})</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </Show>
    </section>
  );
}

function SnapshotPanel() {
  const [snapshot] = useLoad(latestSnapshot, "snapshot");
  return (
    <section class="panel" aria-labelledby="snapshot-title">
      <h2 id="snapshot-title">Latest snapshot</h2>
      <Show what={snapshot}>
        {(latest) =>
          latest ? (
            <p>
              {latest.period} (as of <time dateTime={latest.asOf}>{latest.asOf}</time>): {latest.reporting.reported}{" "}
              reported and {latest.reporting.nonReporting} non-reporting, {latest.pointOfContact.current} States with a
              current point of contact, {latest.assistance.pending} assistance requests pending.
            </p>
          ) : (
            <p>No quarter's snapshot has been taken yet.</p>
          )
        }
      </Show>
    </section>
  );
}

export function Home() {
  return (
    <>
      <h1>Where things stand</h1>
      <div class="panels">
        <ReportingPanel />
        <PointOfContactPanel />
        <AssistancePanel />
        <WavesPanel />
        <ProgrammePanel />
        <SnapshotPanel />
      </div>
    </>
  );
}
