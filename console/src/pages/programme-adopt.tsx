// Adopting a draft programme year (POST /programme/{year}/adopt, If-Match): final, so a first press asks, inline, and
// the safe answer takes the focus, as the wave page's cancel does. The ETag is the one read with the page: a year
// changed since is refused (412) and read again before anyone adopts what they have not seen.
import { useState } from "preact/hooks";
import type { Problem } from "../api/client.ts";
import { BusyButton } from "../ui/busy-button.tsx";
import { Confirm } from "../ui/confirm.tsx";
import { useFocusReturn } from "../ui/focus-return.ts";
import { FormProblem, problemOf, problemWords, useWrites } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { entityTrail } from "./entity-trail.ts";
import { adoptedMeanwhileWords, programmeYearTrailEntity } from "./programme-adopted-meanwhile.ts";
import { adoptProgramme, programmeFile } from "./programme-writes.ts";

/** A refusal in words the secretariat can act on: changed since the page read it (412). */
function adoptionRefusal(problem: Problem, year: number): string {
  if (problem.status === 412) {
    return (
      `Someone changed the ${year} programme after this page read it; it has been read again. ` +
      "Check it, then adopt it again."
    );
  }
  return problemWords(problem);
}

/**
 * `onChanged` reads the page again: with the words to show once the year is adopted (by this press, or already: 409),
 * which outlive this control; without, after a 412, whose words stay here beside the button.
 */
export function AdoptProgramme({ year, onChanged }: { year: number; onChanged: (adopted?: string) => void }) {
  const [read] = useLoad(() => programmeFile(year), `adopt/${year}`);
  // The ETag read again after a 412, over the one read with the page.
  const [reread, setReread] = useState<string>();
  const { busy, problem, run } = useWrites();
  const [confirming, setConfirming] = useState(false);
  const focusReturn = useFocusReturn();
  const keepTheDraft = () => {
    setConfirming(false);
    focusReturn.closed(() => document.getElementById("adopt-programme"));
  };
  // Changed by someone else (412, said at once): the page and the year's ETag are read again.
  const readAgain = async () => {
    onChanged();
    setReread((await programmeFile(year)).etag);
  };
  // A refusal is shown, and focused, beside the button (the pressed "yes" went with the question).
  const adopt = (etag: string) => async () => {
    try {
      await adoptProgramme(year, etag);
      onChanged(`The ${year} programme is adopted.`);
    } catch (error) {
      const refused = problemOf(error);
      // Adopted by someone else: the page shows the year as it now stands, and says who adopted it and when.
      if (refused.status === 409) {
        return onChanged(adoptedMeanwhileWords(year, await entityTrail(programmeYearTrailEntity(year))));
      }
      throw error;
    }
  };
  return (
    <Show what={read}>
      {(current) => (
        <div class="programme-adopt" data-refusal-scope>
          {problem && <FormProblem id="adopt-problem">{adoptionRefusal(problem, year)}</FormProblem>}
          {confirming ? (
            <Confirm
              question={`Adopt the ${year} programme? It becomes the Committee's programme of work and cannot be a draft again.`}
              yes="Yes, adopt it"
              no="Keep it a draft"
              busy={busy}
              onYes={(event) => {
                setConfirming(false);
                void run(event, adopt(reread ?? current.etag), { onStale: readAgain });
              }}
              onNo={keepTheDraft}
              onKeyDown={focusReturn.escapeCloses(keepTheDraft)}
            />
          ) : (
            <BusyButton
              id="adopt-programme"
              type="button"
              busy={busy}
              onClick={() => {
                focusReturn.opened();
                setConfirming(true);
              }}
            >
              Adopt this programme
            </BusyButton>
          )}
        </div>
      )}
    </Show>
  );
}
