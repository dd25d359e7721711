// Moving a request to another status: only the moves the API would accept on the day of the move are offered
// (assistance-moves.ts); the others are said with why, circulation held back by the consent window with a button to
// the State's consent. None is chosen for the person (assistance-move-choice.ts). A refusal all the same (the
// request or its matches changed meanwhile) is said at the form; a stale one (412) reads the request again in place:
// the page says what changed, the moves offered follow the request as read, and what was typed stays only while the
// move refused is still possible.
import { useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { deskToday } from "../ui/desk-today.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, SelectField, useSubmit } from "../ui/form.tsx";
import { type AssistanceRequest, moveRequest, requestWithEtag, type Versioned } from "./assistance-data.ts";
import type { AssistanceMatch } from "./assistance-matching.ts";
import { chosenMove, moveChoices, noMoveChosen, requestMoveButtonWords } from "./assistance-move-choice.ts";
import { dayOfMove, mayRecordConsent, movesOf } from "./assistance-moves.ts";
import { afterStaleMove } from "./assistance-request-stale.ts";
import { aboutThisRequest, REQUEST_STATUS_WORDS, statusesInWords } from "./assistance-words.ts";
import { ReadCurrentVersion } from "./read-current-version.tsx";

const FIELDS = ["to", "on", "note"] as const;
const WITHHELD_ID = "moves-withheld";
const EMPTY_FORM = { to: "", on: "", note: "" };

/** The button to the consent form, beside the advice to record the State's consent. */
function ToConsent({ onPress }: { onPress: () => void }) {
  return (
    <button type="button" class="secondary" onClick={onPress}>
      Record the State's consent
    </button>
  );
}

export function MoveForm({
  current,
  stateName,
  matches,
  onMoved,
  onReread,
  onConsentWanted,
}: {
  current: Versioned<AssistanceRequest>;
  /** The requesting State's name, as the API's refusals name the request with it. */
  stateName: string;
  matches: readonly AssistanceMatch[];
  onMoved: (moved: Versioned<AssistanceRequest>) => void;
  /** The request read again after a stale refusal, with what changed meanwhile in words. */
  onReread: (now: Versioned<AssistanceRequest>, changed: string) => void;
  /** Where the group may record the State's consent: takes the keyboard to its form. */
  onConsentWanted: (() => void) | undefined;
}) {
  const request = current.value;
  const [form, setForm] = useState(EMPTY_FORM);
  const day = dayOfMove(form.on, deskToday());
  const { offered, withheld } = movesOf(request, matches, day);
  // The choice stands while it is offered; none is made for the person, nor put in place of one the day withholds.
  const to = chosenMove(offered, form.to);
  // The move last sent: what a stale refusal (412) refused, judged again once the request is read.
  const [sent, setSent] = useState<AssistanceRequest["status"]>();
  const submitting = useSubmit(async () => {
    if (!to) throw new ProblemError(noMoveChosen("request"));
    setSent(to);
    const on = form.on.trim();
    onMoved(
      await moveRequest(request.id, current.etag, {
        to,
        ...(on ? { on } : {}),
        ...(form.note ? { note: form.note } : {}),
      }),
    );
  });
  const { problem } = submitting;
  // A move illegal from the status (the request moved meanwhile) names the legal ones: said at the status field.
  const illegal =
    problem?.status === 409 && problem.allowed
      ? `Not a move from here: it can be moved to ${statusesInWords(problem.allowed)}.`
      : undefined;
  const general = illegal ? undefined : formProblem(problem, FIELDS);
  // The API's consent refusal (the window checked on its own clock) gets the same button as the withheld move.
  const consentRefused = problem?.status === 409 && to === "circulated" && mayRecordConsent(request);
  if (offered.length === 0) return <Withheld day={day} withheld={withheld} onConsentWanted={onConsentWanted} />;
  return (
    <FormFrame
      titleId="move-title"
      title="Move the request"
      level={2}
      general={general && aboutThisRequest(general, request, stateName)}
      problemId="move-problem"
      refusal={problem}
      onSubmit={submitting.submit}
      busy={submitting.busy}
      submitLabel={requestMoveButtonWords(to)}
    >
      {consentRefused && onConsentWanted && <ToConsent onPress={onConsentWanted} />}
      <SelectField
        id="to"
        label="New status"
        problem={illegal ?? fieldProblem(problem, "to")}
        value={to ?? ""}
        choices={moveChoices(offered, (status) => REQUEST_STATUS_WORDS[status])}
        onChange={(value) => setForm({ ...form, to: value })}
        {...(withheld.length > 0 ? { alsoDescribedBy: WITHHELD_ID } : {})}
      />
      <Withheld day={day} withheld={withheld} onConsentWanted={onConsentWanted} />
      <InputField
        id="on"
        label="On (YYYY-MM-DD; today when empty)"
        problem={fieldProblem(problem, "on")}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        value={form.on}
        onInput={(value) => setForm({ ...form, on: value })}
      />
      <Field id="note" label="Note (optional)" problem={fieldProblem(problem, "note")}>
        {(describedBy, invalid) => (
          <textarea
            id="note"
            value={form.note}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setForm({ ...form, note: e.currentTarget.value })}
          />
        )}
      </Field>
      {sent && (
        <ReadCurrentVersion
          id="move-read"
          submitting={submitting}
          read={() => requestWithEtag(request.id)}
          onRead={(now) => {
            const after = afterStaleMove(request, now.value, { to: sent, day, matches });
            // A note typed for a move no longer possible would go with another: the form starts afresh.
            if (!after.keepsTyping) setForm(EMPTY_FORM);
            onReread(now, after.words);
          }}
        />
      )}
    </FormFrame>
  );
}

/** The legal moves the API would refuse on the day, each with why. */
function Withheld({
  day,
  withheld,
  onConsentWanted,
}: {
  day: string;
  withheld: ReturnType<typeof movesOf>["withheld"];
  onConsentWanted: (() => void) | undefined;
}) {
  if (withheld.length === 0) return null;
  return (
    <div id={WITHHELD_ID}>
      <p>Not offered for a move on {day}:</p>
      <ul>
        {withheld.map((move) => (
          <li key={move.to} data-withheld={move.to}>
            <strong>{REQUEST_STATUS_WORDS[move.to]}</strong>: {move.why}{" "}
            {move.consentAllows && onConsentWanted && <ToConsent onPress={onConsentWanted} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
