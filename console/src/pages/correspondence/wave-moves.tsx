// A wave's moves on its page, for the secretariat: schedule, asking first while the page cautions about the wave's
// recipients (wave-schedule-doubts.ts, judged on the audience and template read at the press), and cancel, asking
// first since it is final. A move refused as stale reads the wave again; when the wave is then past both moves, the
// page says what happened in place of its actions (wave-moved-meanwhile.ts), and the focus goes there.
import { useEffect, useRef, useState } from "preact/hooks";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { BusyButton } from "../../ui/busy-button.tsx";
import { Confirm } from "../../ui/confirm.tsx";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { FormProblem, focusRefused, useWrites } from "../../ui/form.tsx";
import { problemInFull } from "../../ui/problem-words.ts";
import { entityTrail } from "../entity-trail.ts";
import { cancelWave, scheduleWave, type Versioned, waveWithEtag } from "./data.ts";
import type { WaveWithCounts } from "./wave-facts.ts";
import { isPastMoves, movedMeanwhile, type WaveMove } from "./wave-moved-meanwhile.ts";
import { SCHEDULE_QUESTION } from "./wave-schedule-doubts.ts";

/** What the page does with a move: shows the wave as moved, reads it again (a stale ETag), follows a cancel. */
export interface WaveMoves {
  onMoved: (moved: Versioned<WaveWithCounts>) => void;
  onStale: (refused: WaveMove) => Promise<void>;
  onCancelled: () => void;
}

type Asking = { move: "cancel" } | { move: "schedule"; doubts: string[] };

export function Moves({
  current,
  onMoved,
  onStale,
  onCancelled,
  doubtsNow,
  schedulable,
}: WaveMoves & {
  current: Versioned<WaveWithCounts>;
  /** False for a draft the API would refuse to schedule (its send time has passed): no Schedule is offered. */
  schedulable: boolean;
  /** The cautions that stand against scheduling, read as they are now; none: schedule without asking. */
  doubtsNow: () => Promise<string[]>;
}) {
  const { busy, problem, run } = useWrites();
  const [asking, setAsking] = useState<Asking>();
  const focusReturn = useFocusReturn();
  // The opener is drawn anew when the question goes: it is found again by its id.
  const closeAsking = () => {
    const opener = asking?.move === "schedule" ? "schedule-wave" : "cancel-wave";
    setAsking(undefined);
    focusReturn.closed(() => document.getElementById(opener));
  };
  const wave = current.value;
  const move = (how: typeof scheduleWave) => async () => {
    const moved = await how(wave.id, current.etag);
    // The answer is the wave as moved, with its new ETag: shown at once, so a second press writes against it. Its
    // counts are those shown, as a wave writes no letter before it dispatches.
    onMoved({ value: { ...moved.value, counts: wave.counts }, etag: moved.etag });
    if (how === cancelWave) onCancelled();
    // Scheduled, the wave has no schedule button left: the focus goes on to the cancel button.
    else focusReturn.closed(() => document.getElementById("cancel-wave"));
  };
  // A stale ETag: the page asks for the wave as it now stands, so the next press acts on it.
  const staleFor = (refused: WaveMove) => ({ onStale: () => onStale(refused) });
  const scheduleOrAsk = async () => {
    const doubts = await doubtsNow();
    if (doubts.length > 0) setAsking({ move: "schedule", doubts });
    else await move(scheduleWave)();
  };
  return (
    <div class="wave-moves" data-refusal-scope>
      {/* A schedule refused for its letters names each field at fault (wave.*): none is on this page. */}
      {problem && <FormProblem id="moves-problem">{problemInFull(problem)}</FormProblem>}
      {asking?.move === "schedule" && (
        <Confirm
          question={SCHEDULE_QUESTION.question}
          yes={SCHEDULE_QUESTION.yes}
          no={SCHEDULE_QUESTION.no}
          busy={busy}
          onYes={(event) => {
            setAsking(undefined);
            void run(event, move(scheduleWave), staleFor("schedule"));
          }}
          onNo={closeAsking}
          onKeyDown={focusReturn.escapeCloses(closeAsking)}
        >
          <ul data-field="schedule-doubts">
            {asking.doubts.map((doubt) => (
              <li key={doubt}>{doubt}</li>
            ))}
          </ul>
        </Confirm>
      )}
      {asking?.move === "cancel" && (
        <Confirm
          question="Cancel this wave? It will send nothing and cannot be scheduled again."
          yes="Yes, cancel the wave"
          no="Keep the wave"
          busy={busy}
          onYes={(event) => {
            setAsking(undefined);
            void run(event, move(cancelWave), staleFor("cancel"));
          }}
          onNo={closeAsking}
          onKeyDown={focusReturn.escapeCloses(closeAsking)}
        />
      )}
      {!asking && (
        <>
          {wave.status === "draft" && schedulable && (
            <BusyButton
              id="schedule-wave"
              type="button"
              busy={busy}
              onClick={(event) => {
                focusReturn.opened();
                void run(event, scheduleOrAsk, staleFor("schedule"));
              }}
            >
              Schedule the wave
            </BusyButton>
          )}{" "}
          <BusyButton
            id="cancel-wave"
            type="button"
            class="secondary"
            busy={busy}
            onClick={() => {
              focusReturn.opened();
              setAsking({ move: "cancel" });
            }}
          >
            Cancel the wave
          </BusyButton>
        </>
      )}
    </div>
  );
}

/** The wave's audit entries, newest first, for a reader who may read the trail; none otherwise or when unread. */
const waveTrail = async (id: string, group: Session["group"]) =>
  may(group, "GET /audit") ? entityTrail(`wave:${id}`) : [];

/**
 * A stale move's reading again (WaveMoves.onStale) that shows the wave as it now stands, and what the page says when
 * it is past the page's moves; `put` shows the wave read.
 */
export function useMovedMeanwhile(
  id: string,
  group: Session["group"],
  put: (wave: Versioned<WaveWithCounts>) => void,
): { said: string | undefined; readAgain: (refused: WaveMove) => Promise<void> } {
  const [said, setSaid] = useState<string>();
  const readAgain = async (refused: WaveMove) => {
    const fresh = await waveWithEtag(id);
    const trail = isPastMoves(fresh.value.status) ? await waveTrail(id, group) : [];
    // Shown together: the actions go as the statement comes, so the focus has somewhere to go.
    put(fresh);
    setSaid(movedMeanwhile(refused, fresh.value, trail));
  };
  return { said, readAgain };
}

/** The statement in place of the page's actions, focused when it comes (the button pressed has gone). */
export function MovedMeanwhile({ said }: { said: string | undefined }) {
  const scope = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (said && scope.current) focusRefused(scope.current);
  }, [said]);
  return <div ref={scope}>{said && <FormProblem id="wave-moved-meanwhile">{said}</FormProblem>}</div>;
}
