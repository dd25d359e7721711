// Recording a document received from the State: only the kinds the API would take are offered (a first report while it
// is owed, additional information once there is one: submission-kind.ts, by the API's own rule), the others said
// beside the choice with why, in words naming the State. A symbol already recorded is refused at the symbol's field
// with where it is recorded (the API's 409); one of this State's own can be opened from there. Assistance feedback
// chosen, the form says that feedback on a request is recorded on the request (ADR 0064), linking those that take it;
// recorded, it says which of the State's feedback of that day names no document and may be this note (ADR 0070).
import { useState } from "preact/hooks";
import { deskToday } from "../../ui/desk-today.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, SelectField, useSubmit } from "../../ui/form.tsx";
import { type Dossier, recordSubmission, type Submission } from "./data.ts";
import { sameDayFeedbackWords } from "./feedback-kind.ts";
import { FeedbackGoesOnRequest, requestsWithFeedback } from "./feedback-kind-hint.tsx";
import { codeIn, LANGUAGES, SUBMISSION_KINDS } from "./labels.ts";
import { recordKindChoices, symbolHeldHere } from "./submission-kind.ts";
import { WithheldKinds } from "./submission-kind-form.tsx";

const RECORD_FIELDS = ["kind", "receivedOn", "symbol", "language", "note"] as const;
type RecordField = (typeof RECORD_FIELDS)[number];

const WITHHELD_ID = "record-withheld";
const FEEDBACK_KIND_ID = "record-feedback-kind";

/** The record form as it opens, and again once a document is recorded; no kind chosen yet (the first offered). */
const blankRecord = (dossier: Dossier): Record<RecordField, string> => ({
  kind: "",
  receivedOn: "",
  symbol: "",
  language: dossier.state.language,
  note: "",
});

/**
 * What the form says of a note of feedback just recorded, when the State's feedback of that day on one of its
 * requests may be the same note; a failed reading says nothing.
 */
async function sameDayFeedback(dossier: Dossier, recorded: Submission): Promise<string | undefined> {
  if (recorded.kind !== "assistance-feedback") return undefined;
  try {
    const { open } = await requestsWithFeedback(dossier.state.iso3);
    return sameDayFeedbackWords(dossier.state.name, recorded, open);
  } catch {
    return undefined;
  }
}

/**
 * Ready for the next document: the keyboard goes on from the form's first field (the status line says what was
 * recorded), unless the reader has moved on elsewhere while it was recorded.
 */
function focusFirstField(id: string): void {
  const first = document.getElementById(id);
  const active = document.activeElement;
  if (active === null || active === document.body || first?.closest("form")?.contains(active)) first?.focus();
}

export function RecordSubmission(props: {
  dossier: Dossier;
  onRecorded: () => Promise<void>;
  /** Opens one of the State's submissions (its editor in the list): the one a refused symbol is recorded as. */
  onOpen?: (submission: Submission) => void;
}) {
  const { dossier, onRecorded } = props;
  const choices = recordKindChoices(dossier, deskToday());
  const [form, setForm] = useState(() => blankRecord(dossier));
  const [recorded, setRecorded] = useState<string>();
  // The kind chosen while it is offered, else the first offered (a first report chosen is offered no more once one is
  // recorded); an action plan is offered always (voluntary, any number of them).
  const chosen = codeIn(SUBMISSION_KINDS, form.kind);
  const kind = chosen && choices.offered.includes(chosen) ? chosen : (choices.offered[0] ?? "action-plan");
  const submitting = useSubmit(async () => {
    setRecorded(undefined);
    const { receivedOn, symbol, language, note } = form;
    const submission = await recordSubmission(dossier.state.iso3, {
      kind,
      receivedOn,
      symbol,
      // The select offers only the API's codes; codeIn reads them back as its types.
      language: codeIn(LANGUAGES, language) ?? dossier.state.language,
      ...(note ? { note } : {}),
    });
    // Busy until the list shows it: pressed again before, the same document would be refused as already recorded. A
    // note of feedback is checked against the State's feedback of that day on its requests, which it may be.
    const [, twice] = await Promise.all([onRecorded(), sameDayFeedback(dossier, submission)]);
    setForm(blankRecord(dossier));
    setRecorded(
      `Recorded ${submission.symbol} (${SUBMISSION_KINDS[submission.kind]}, received ${submission.receivedOn}). ` +
        `${twice ? `${twice} ` : ""}The form is empty for the next document.`,
    );
    focusFirstField("kind");
  });
  const { problem } = submitting;
  const set = (name: RecordField, value: string) => {
    setRecorded(undefined);
    setForm({ ...form, [name]: value });
  };
  const held = props.onOpen && symbolHeldHere(problem, form.symbol, dossier.submissions);
  // Why some kinds are not offered, and where feedback on a request goes once that kind is chosen.
  const describedBy = [
    ...(choices.withheld.length > 0 ? [WITHHELD_ID] : []),
    ...(kind === "assistance-feedback" ? [FEEDBACK_KIND_ID] : []),
  ].join(" ");
  return (
    <FormFrame
      titleId="record-title"
      title="Record a received document"
      general={formProblem(problem, RECORD_FIELDS)}
      refusal={problem}
      problemId="record-problem"
      onSubmit={submitting.submit}
      busy={submitting.busy}
      submitLabel={kind === "first-report" ? "Record a first report" : "Record the submission"}
    >
      <SelectField
        id="kind"
        label="Kind"
        problem={fieldProblem(problem, "kind")}
        value={kind}
        choices={choices.offered.map((offered) => [offered, SUBMISSION_KINDS[offered]] as const)}
        onChange={(value) => set("kind", value)}
        {...(describedBy ? { alsoDescribedBy: describedBy } : {})}
      />
      <WithheldKinds id={WITHHELD_ID} withheld={choices.withheld} />
      {kind === "assistance-feedback" && (
        <FeedbackGoesOnRequest id={FEEDBACK_KIND_ID} iso3={dossier.state.iso3} stateName={dossier.state.name} />
      )}
      <InputField
        id="receivedOn"
        label="Received on (YYYY-MM-DD)"
        problem={fieldProblem(problem, "receivedOn")}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        value={form.receivedOn}
        onInput={(value) => set("receivedOn", value)}
      />
      <InputField
        id="symbol"
        label="Document symbol"
        problem={fieldProblem(problem, "symbol")}
        value={form.symbol}
        onInput={(value) => set("symbol", value)}
      />
      {held && props.onOpen && (
        <p>
          <button type="button" onClick={() => props.onOpen?.(held)}>
            Open {held.symbol} in the list
          </button>
        </p>
      )}
      <SelectField
        id="language"
        label="Language"
        problem={fieldProblem(problem, "language")}
        value={form.language}
        choices={Object.entries(LANGUAGES)}
        onChange={(value) => set("language", value)}
      />
      <Field id="note" label="Note (optional)" problem={fieldProblem(problem, "note")}>
        {(describedBy, invalid) => (
          <textarea
            id="note"
            value={form.note}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => set("note", e.currentTarget.value)}
          />
        )}
      </Field>
      {recorded && <p role="status">{recorded}</p>}
    </FormFrame>
  );
}
