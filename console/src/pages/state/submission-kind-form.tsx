// Correcting the kind a submission was recorded with (a document recorded as a first report that was an action plan),
// in the submission's "Correct or void" area: only the kinds the API would take are offered, the others said with why
// (submission-kind.ts); reviewing asks first, saying what changes (both obligations, and the State's reporting status
// where a first report comes or goes), from the dossier the page holds. A stale submission's 412 reads it again in
// place, keeping what was typed (or, voided meanwhile, lets it go: voided-meanwhile.ts); the API's 422 is said at its
// field, its 409 above the fields.
import { useState } from "preact/hooks";
import { ProblemError } from "../../api/client.ts";
import type { Versioned } from "../../api/versioned.ts";
import { Confirm } from "../../ui/confirm.tsx";
import { useFocusReturn } from "../../ui/focus-return.ts";
import {
  Field,
  FormFrame,
  fieldProblem,
  formProblem,
  SelectField,
  type Submitting,
  useWrites,
} from "../../ui/form.tsx";
import { type GoneRecord, ReadAgainStatus, ReadCurrentVersion } from "../read-current-version.tsx";
import { type Dossier, type Submission, submissionWithEtag } from "./data.ts";
import { codeIn, SUBMISSION_KINDS } from "./labels.ts";
import {
  KIND_FIELDS,
  type KindChoices,
  type KindForm,
  kindChoices,
  kindCorrectionWords,
  kindFormRefusal,
} from "./submission-kind.ts";
import { correctSubmissionKind } from "./submission-kind-data.ts";
import { nowOnRecordWords } from "./voided-meanwhile.ts";

const WITHHELD_ID = "rekind-withheld";

/**
 * What the submission editor's forms (this one and those of submissions.tsx) share about a submission a colleague
 * voided meanwhile: reading it again after a 412 finds it so, or a write's 409 says so.
 */
export interface VoidedMeanwhile {
  gone: GoneRecord<Versioned<Submission>>;
  /** The form's write, which lets the submission go where the API refuses it as voided. */
  unlessVoided: (write: () => Promise<void>) => () => Promise<void>;
}

/** The kinds the API would refuse, each with why; `id` for the choice it describes. */
export function WithheldKinds({ id = WITHHELD_ID, withheld }: { id?: string; withheld: KindChoices["withheld"] }) {
  if (withheld.length === 0) return null;
  return (
    <div id={id}>
      <p>Not offered:</p>
      <ul>
        {withheld.map((refused) => (
          <li key={refused.kind} data-withheld={refused.kind}>
            <strong>{SUBMISSION_KINDS[refused.kind]}</strong>: {refused.why}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CorrectKind(props: {
  dossier: Dossier;
  current: Versioned<Submission>;
  onReread: (now: Versioned<Submission>) => void;
  voidedMeanwhile: VoidedMeanwhile;
  /** After the API took it, with the kind it had: the page reads the dossier again. */
  onCorrected: (corrected: Submission, was: Submission["kind"]) => Promise<void>;
}) {
  const { current, voidedMeanwhile } = props;
  const submission = current.value;
  const choices = kindChoices(props.dossier, submission);
  const [form, setForm] = useState<KindForm>({ kind: "", reason: "" });
  // The kind being confirmed, once the form is complete.
  const [confirming, setConfirming] = useState<Submission["kind"]>();
  const [reread, setReread] = useState<{ words: string }>();
  const writing = useWrites();
  const focusReturn = useFocusReturn();
  // Named apart from the details' form beside it ("Correct …"), so each is found by its own name.
  const title = `Kind of ${submission.symbol}`;

  const review = (event: Event) =>
    writing.run(event, async () => {
      const refused = kindFormRefusal(form, choices);
      if (refused) throw new ProblemError(refused);
      focusReturn.opened();
      setConfirming(codeIn(SUBMISSION_KINDS, form.kind));
    });
  const submitting: Submitting = { ...writing, submit: review };
  // A question asked of other values is asked no more.
  const change = (next: KindForm) => {
    setConfirming(undefined);
    setForm(next);
  };
  const back = () => {
    setConfirming(undefined);
    focusReturn.closed();
  };
  const correct = (to: Submission["kind"]) =>
    voidedMeanwhile.unlessVoided(async () => {
      try {
        const corrected = await correctSubmissionKind(current, { kind: to, reason: form.reason });
        await props.onCorrected(corrected, submission.kind);
      } catch (error) {
        // The refusal is said at the form, which takes the focus to it.
        setConfirming(undefined);
        throw error;
      }
    });

  if (choices.offered.length === 0) {
    return (
      <section aria-labelledby="rekind-title">
        <h3 id="rekind-title">{title}</h3>
        <p>No other kind can be given to it now.</p>
        <WithheldKinds withheld={choices.withheld} />
      </section>
    );
  }
  const { problem } = writing;
  return (
    <FormFrame
      titleId="rekind-title"
      title={title}
      general={formProblem(problem, KIND_FIELDS)}
      problemId="rekind-problem"
      refusal={problem}
      onSubmit={review}
      busy={writing.busy}
      submitLabel="Review the correction"
    >
      <p class="muted">
        Recorded as {SUBMISSION_KINDS[submission.kind]}. The obligations and the State's reporting status follow the
        kind.
      </p>
      <SelectField
        id="rekind-kind"
        label="Kind it is"
        problem={fieldProblem(problem, "kind")}
        value={choices.offered.some((kind) => kind === form.kind) ? form.kind : ""}
        choices={[["", "Choose the kind"], ...choices.offered.map((kind) => [kind, SUBMISSION_KINDS[kind]] as const)]}
        onChange={(kind) => change({ ...form, kind })}
        {...(choices.withheld.length > 0 ? { alsoDescribedBy: WITHHELD_ID } : {})}
      />
      <WithheldKinds withheld={choices.withheld} />
      <Field id="rekind-reason" label="Why the kind was wrong" problem={fieldProblem(problem, "reason")}>
        {(describedBy, invalid) => (
          <textarea
            id="rekind-reason"
            value={form.reason}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => change({ ...form, reason: e.currentTarget.value })}
          />
        )}
      </Field>
      {confirming && (
        <Confirm
          question={`Correct ${submission.symbol} to ${SUBMISSION_KINDS[confirming]}?`}
          yes="Yes, correct the kind"
          no="Go back to the form"
          busy={writing.busy}
          onYes={(event) => void writing.run(event, correct(confirming))}
          onNo={back}
          onKeyDown={(event) => {
            // Escape leaves the question only, not the editor around it.
            if (event.key === "Escape") event.stopPropagation();
            focusReturn.escapeCloses(back)(event);
          }}
        >
          <ul>
            {kindCorrectionWords(props.dossier, submission, confirming).map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        </Confirm>
      )}
      <ReadCurrentVersion
        id="rekind-read"
        submitting={submitting}
        read={() => submissionWithEtag(submission.iso3, submission.id)}
        gone={voidedMeanwhile.gone}
        onRead={(now) => {
          setReread({ words: nowOnRecordWords(now.value) });
          props.onReread(now);
        }}
      />
      <ReadAgainStatus id="rekind-now" read={reread} />
    </FormFrame>
  );
}
