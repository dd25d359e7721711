// Dispatching a wave again (POST /waves/{id}/redispatch, secretariat): what the sweep does for a wave left in
// dispatching by a crash, on request, for one wave now. Asked first; the page reads the wave again after, and on until
// the schedule made again has fired it.
import { useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { Confirm } from "../../ui/confirm.tsx";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { problemOf } from "../../ui/form.tsx";
import { problemInFull } from "../../ui/problem-words.ts";
import { type Redispatch, redispatchWave } from "./data.ts";
import type { WaveWithCounts } from "./wave-facts.ts";
import { redispatchedWords, redispatchQuestion } from "./wave-redispatch-words.ts";
import { dispatchAgainShown, tooLateWords } from "./wave-repair.ts";

/** `onDone`: after the answer, with the dispatch requested (when its schedule fires), or none if refused. */
export function DispatchAgain(props: { wave: WaveWithCounts; onDone: (requested: Redispatch | undefined) => void }) {
  const { wave, onDone } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ requested: Redispatch } | { problem: Problem }>();
  const focusReturn = useFocusReturn();
  const close = () => {
    setAsking(false);
    // The button is drawn anew when the question goes; once the wave has moved on it is gone, and its status remains.
    focusReturn.closed(() => document.getElementById("redispatch") ?? document.getElementById("wave-status"));
  };
  // Follows the wave as the page last read it (wave-repair.ts): once it has moved on, the offer goes.
  const shown = dispatchAgainShown(wave, new Date(), outcome !== undefined && "problem" in outcome);
  if (shown === "nothing") return null;
  async function redispatch() {
    setBusy(true);
    let requested: Redispatch | undefined;
    try {
      requested = await redispatchWave(wave.id);
      setOutcome({ requested });
    } catch (error) {
      setOutcome({ problem: problemOf(error) });
    } finally {
      setBusy(false);
      close();
      onDone(requested);
    }
  }
  return (
    <section aria-labelledby="redispatch-title">
      <h2 id="redispatch-title">Dispatch again</h2>
      {shown === "too-late" && <p id="redispatch-too-late">{tooLateWords(wave)}</p>}
      {shown === "offer" && (
        <>
          <p>
            {wave.status === "dispatching"
              ? "A wave whose dispatch stopped part-way (a crash) stays dispatching; the sweep resumes it after a " +
                "quarter of an hour without a move. This asks for it now."
              : "Its send time has passed and its schedule has not dispatched it. This asks for its dispatch now."}
          </p>
          {asking ? (
            <Confirm
              question={redispatchQuestion(wave)}
              yes="Yes, dispatch it again"
              no="Not now"
              busy={busy}
              onYes={() => void redispatch()}
              onNo={close}
              onKeyDown={focusReturn.escapeCloses(close)}
            >
              <p>
                Its schedule is made again for the next whole minute at least a minute ahead (UTC) and fires dispatch,
                which writes the letters still missing, sends those queued and hands back stale claims. No letter is
                sent twice, and the wave completes once every letter is final.
              </p>
            </Confirm>
          ) : (
            <button
              type="button"
              id="redispatch"
              onClick={() => {
                focusReturn.opened();
                setAsking(true);
              }}
            >
              Dispatch the wave again
            </button>
          )}
          {outcome && "requested" in outcome && (
            <p role="status" data-field="redispatched">
              {redispatchedWords(outcome.requested)}
            </p>
          )}
        </>
      )}
      {outcome && "problem" in outcome && (
        <p role="alert" class="error" data-field="redispatch-refused">
          The wave was not dispatched again. {problemInFull(outcome.problem)}
        </p>
      )}
    </section>
  );
}
