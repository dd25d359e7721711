// Adopting a draft programme year (POST /programme/{year}/adopt, If-Match): final, so a first press asks, inline, and
// the safe answer takes the focus, as the wave page's cancel does. The ETag is the one read with the page: a year
// changed since is refused (412) and read again before anyone adopts what they have not seen.
import { useState } from "preact/hooks";
import type { Problem } from "../api/client.ts";
import { Confirm } from "../ui/confirm.tsx";
import { useFocusReturn } from "../ui/focus-return.ts";
import { problemOf, problemWords } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { adoptProgramme, programmeFile } from "./programme-writes.ts";

/** A refusal in words the secretariat can act on: adopted already (409), or changed since the page read it (412). */
function adoptionRefusal(problem: Problem, year: number): string {
  if (problem.status === 409) return `The ${year} programme is adopted already (${problemWords(problem)}).`;
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
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const focusReturn = useFocusReturn();
  const keepTheDraft = () => {
    setConfirming(false);
    focusReturn.closed(() => document.getElementById("adopt-programme"));
  };
  async function adopt(etag: string) {
    setConfirming(false);
    setBusy(true);
    try {
      await adoptProgramme(year, etag);
      setProblem(undefined);
      onChanged(`The ${year} programme is adopted.`);
    } catch (error) {
      const refused = problemOf(error);
      // Adopted or changed by someone else: the page shows the year as it now stands.
      if (refused.status === 409) return onChanged(adoptionRefusal(refused, year));
      setProblem(refused);
      // The pressed button went with the question: the keyboard goes to what the refusal says.
      focusReturn.closed(() => document.getElementById("adopt-problem"));
      if (refused.status === 412) {
        onChanged();
        // The button stays disabled until the year's new ETag is read: a press before would be refused again.
        await programmeFile(year).then(
          (fresh) => setReread(fresh.etag),
          (failed: unknown) => setProblem(problemOf(failed)),
        );
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show what={read}>
      {(current) => (
        <div class="programme-adopt">
          {problem && (
            <p role="alert" class="error" id="adopt-problem" tabIndex={-1}>
              {adoptionRefusal(problem, year)}
            </p>
          )}
          {confirming ? (
            <Confirm
              question={`Adopt the ${year} programme? It becomes the Committee's programme of work and cannot be a draft again.`}
              yes="Yes, adopt it"
              no="Keep it a draft"
              busy={busy}
              onYes={() => void adopt(reread ?? current.etag)}
              onNo={keepTheDraft}
              onKeyDown={focusReturn.escapeCloses(keepTheDraft)}
            />
          ) : (
            <button
              id="adopt-programme"
              type="button"
              disabled={busy}
              onClick={() => {
                focusReturn.opened();
                setConfirming(true);
              }}
            >
              Adopt this programme
            </button>
          )}
        </div>
      )}
    </Show>
  );
}
