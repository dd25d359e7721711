// "Correct this activity in the draft", on a draft year's activity page, for those who may put the year (the
// secretariat): its timing, title and note, typed over the activity as the year's file holds it
// (programme-activity-correction.ts), saved by putting the year back with only those fields changed
// (programme-activity-correction-data.ts). A change to this activity since the form read it is refused (412) and read
// again in place, keeping what was typed. An adopted year offers nothing: it is the Committee's programme as adopted.
import { useState } from "preact/hooks";
import { ProblemError, type Schemas } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, SelectField, useSubmit } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import {
  CORRECTION_WORDS,
  type CorrectionField,
  correctableFields,
  correctedWords,
  correctionRefusal,
  correctionValuesOf,
  type FileActivity,
  TIMINGS,
  timingKindOf,
} from "./programme-activity-correction.ts";
import { correctActivity, storedActivity } from "./programme-activity-correction-data.ts";
import { ReadAgainStatus, ReadCurrentVersion } from "./read-current-version.tsx";
import { formOver, readAgainWords, type Typed, typedWith } from "./typed-over.ts";

const TIMING_CHOICES = Object.entries(TIMINGS).map(([kind, { choice }]) => [kind, choice] as const);

function CorrectActivity(props: {
  year: number;
  /** The activity as the year's file held it when the form opened, or as read again or saved since. */
  read: FileActivity;
  onRead: (activity: FileActivity) => void;
  /** The page reads the year's view again: the activity's timing and title as served. */
  onChanged: () => void;
}) {
  const { year, read } = props;
  // Only the fields typed: the others show the activity as it stands, read again after a 412 included.
  const [typed, setTyped] = useState<Typed<CorrectionField>>({});
  const [reread, setReread] = useState<{ words: string }>();
  const [saved, setSaved] = useState<string>();
  const submitting = useSubmit(async () => {
    setSaved(undefined);
    const refused = correctionRefusal(year, read, typed);
    if (refused) throw new ProblemError(refused);
    const stored = await correctActivity(year, read, typed);
    setSaved(correctedWords(read, typed));
    setTyped({});
    setReread(undefined);
    props.onRead(stored);
    props.onChanged();
  });
  const { problem } = submitting;
  const stored = correctionValuesOf(read);
  const values = formOver(stored, typed);
  const type = (field: CorrectionField, value: string) => setTyped(typedWith(typed, stored, field, value));
  const timing = TIMINGS[timingKindOf(values.timing)];
  return (
    <FormFrame
      titleId="correct-activity-heading"
      title="Correct this activity in the draft"
      level={2}
      general={formProblem(problem, correctableFields(read))}
      problemId="correct-activity-problem"
      refusal={problem}
      onSubmit={submitting.submit}
      busy={submitting.busy}
      submitLabel="Save the correction"
    >
      {read.verified ? (
        <p class="muted">
          Its timing was read in Annex II ({read.source.locator}) and is not corrected here: a day typed over it would
          still claim the annex's line.
        </p>
      ) : (
        <>
          <p class="muted" id="correct-activity-verification">
            It stays not verified: an activity is verified once read in its year's adopted Annex II, which a draft does
            not have. Say in the note where the timing you give comes from.
          </p>
          <SelectField
            id="correct-activity-timing"
            label="Timing"
            value={values.timing}
            choices={TIMING_CHOICES}
            onChange={(value) => type("timing", value)}
          />
          <InputField
            id="correct-activity-when"
            label={`${timing.when} (${timing.format})`}
            problem={fieldProblem(problem, "when")}
            value={values.when}
            placeholder={timing.format}
            onInput={(value) => type("when", value)}
          />
        </>
      )}
      <InputField
        id="correct-activity-title"
        label="Title"
        problem={fieldProblem(problem, "title")}
        value={values.title}
        onInput={(value) => type("title", value)}
      />
      <Field
        id="correct-activity-note"
        label={read.verified ? "Note (optional)" : "Note: why it is not verified, and what is uncertain"}
        problem={fieldProblem(problem, "note")}
      >
        {(describedBy, invalid) => (
          <textarea
            id="correct-activity-note"
            value={values.note}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => type("note", e.currentTarget.value)}
          />
        )}
      </Field>
      <ReadCurrentVersion
        id="correct-activity-read"
        submitting={submitting}
        read={() => storedActivity(year, read.id)}
        onRead={(now) => {
          setReread({ words: readAgainWords(correctionValuesOf(now), typed, CORRECTION_WORDS) });
          props.onRead(now);
          props.onChanged();
        }}
      />
      <ReadAgainStatus id="correct-activity-now" read={reread} />
      {saved && (
        <p role="status" id="correct-activity-saved">
          Saved in the {year} draft: {saved}.
        </p>
      )}
    </FormFrame>
  );
}

/** The activity read from the year's file, and its correction form. */
function ActivityCorrectionForm(props: { year: number; activityId: string; onChanged: () => void }) {
  const { year, activityId } = props;
  const [loaded, , put] = useLoad(() => storedActivity(year, activityId), `correction/${year}/${activityId}`);
  return (
    <Show what={loaded}>
      {(read) => <CorrectActivity year={year} read={read} onRead={put} onChanged={props.onChanged} />}
    </Show>
  );
}

/** The correction, on a draft year and for those who may put it; nothing otherwise. */
export function ActivityCorrection(props: {
  year: number;
  yearStatus: Schemas["ProgrammeView"]["status"];
  activityId: string;
  session: Session;
  onChanged: () => void;
}) {
  if (props.yearStatus !== "draft" || !may(props.session.group, "PUT /programme/{year}")) return null;
  return <ActivityCorrectionForm year={props.year} activityId={props.activityId} onChanged={props.onChanged} />;
}
