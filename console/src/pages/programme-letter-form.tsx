// A scheduled letter's values for its programme year (the open briefing's day, time and venue; ADR 0019): read-only
// for every group, a form for those who may give them, asking only for the values the letter's template names (a
// letter whose template names none is said to take none). Each form reads and writes its own letter's values (their
// ETag as If-Match), so a change to another letter never stands in its way, and a change to this one made since it was
// read is refused (412) and read again in place, keeping what was typed.
import { useState } from "preact/hooks";
import { ProblemError, type Schemas } from "../api/client.ts";
import type { Versioned } from "../api/versioned.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { FormFrame, InputField, problemWords, useSubmit } from "../ui/form.tsx";
import { messageOf, Show, useLoad } from "../ui/load.tsx";
import { Panel } from "../ui/panel.tsx";
import { venueRefusal } from "../ui/venue.ts";
import { VenueField } from "../ui/venue-field.tsx";
import {
  describeValues,
  draftWaveOf,
  formReadAgain,
  LETTER_VALUE_FIELDS,
  type LetterValueField,
  VALUES_PATH,
  valueFieldsNamed,
  valueProblems,
  valuesFormOf,
  type WaveValues,
} from "./programme-letter-values.ts";
import { giveLetterValues, type LetterOf, letterTemplates, letterValues } from "./programme-writes.ts";

type Letter = Schemas["ProgrammeLetter"];

/** The day and time, typed as the API reads them; the venue has a control of its own (ui/venue-field.tsx). */
const TYPED_FIELDS = {
  "briefing.date": { label: "Briefing date (YYYY-MM-DD)", placeholder: "YYYY-MM-DD" },
  "briefing.time": { label: "Briefing time (HH:mm, New York)", placeholder: "HH:mm" },
} as const;

/** What the year gives a scheduled letter now, for the groups that may not give it. */
function LetterValuesGiven({ letter, year }: { letter: Letter; year: number }) {
  return (
    <p id={`values-${letter.waveKey}-given`}>
      {letter.waveKey}, given for {year}: {describeValues(letter.values)}
    </p>
  );
}

function LetterValuesForm(props: {
  letter: Letter;
  of: LetterOf;
  /** The values its template names: the form asks for these alone and sends the others back as they are. */
  asked: readonly LetterValueField[];
  /** The letter's values as first read, with their ETag; a save or a read again replaces them. */
  first: Versioned<WaveValues>;
  /** The page reads the year's view again: its letters' waves and values. */
  onChanged: () => void;
}) {
  const { letter, of, asked } = props;
  const { year } = of;
  const [read, setRead] = useState(props.first);
  const [form, setForm] = useState(() => valuesFormOf(read.value));
  const [saved, setSaved] = useState(false);
  const [reread, setReread] = useState<string>();
  const venuePath = `${VALUES_PATH}.briefing.venue`;
  const submitting = useSubmit(async () => {
    setSaved(false);
    // A venue missing in a language is refused at its field before anything is sent.
    const refused = venueRefusal(form["briefing.venue"], venuePath);
    if (refused) throw new ProblemError(refused);
    setRead(await giveLetterValues(of, read.etag, form));
    setReread(undefined);
    setSaved(true);
    props.onChanged();
  });
  const { problem } = submitting;
  const atFields = valueProblems(problem);
  const named = LETTER_VALUE_FIELDS.some((field) => atFields[field] !== undefined);
  const general = problem && !named ? (atFields.values ?? problemWords(problem)) : undefined;
  const idOf = (field: LetterValueField) => `values-${letter.waveKey}-${field.replace(".", "-")}`;
  const readAgain = () =>
    letterValues(of).then(
      (current) => {
        submitting.dismiss();
        setRead(current);
        setForm((typed) => formReadAgain(typed, current.value, asked));
        props.onChanged();
        setReread(
          `Now on record for ${letter.waveKey}: ${describeValues(current.value)}. Saving puts the values above over it.`,
        );
      },
      (error: unknown) => setReread(`Could not read the values of ${letter.waveKey} again: ${messageOf(error)}`),
    );
  const draft = draftWaveOf(letter, year);
  const unasked = LETTER_VALUE_FIELDS.filter((field) => !asked.includes(field) && read.value[field] !== undefined);
  return (
    <FormFrame
      titleId={`values-${letter.waveKey}-title`}
      title={`The ${year} values of ${letter.waveKey}`}
      level={3}
      general={general}
      problemId={`values-${letter.waveKey}-problem`}
      refusal={problem}
      onSubmit={submitting.submit}
      busy={submitting.busy}
      submitLabel="Save the letter's values"
    >
      {/* The values the form writes against (read again after a 412), not the page's earlier read. */}
      <p id={`values-${letter.waveKey}-given`}>Given now: {describeValues(read.value)}</p>
      {unasked.length > 0 && (
        <p id={`values-${letter.waveKey}-unasked`}>
          Not asked, since its template does not name it: {unasked.join(", ")} (kept as it is, and unused).
        </p>
      )}
      {(["briefing.date", "briefing.time"] as const)
        .filter((field) => asked.includes(field))
        .map((field) => (
          <InputField
            key={field}
            id={idOf(field)}
            label={TYPED_FIELDS[field].label}
            problem={atFields[field]}
            value={form[field]}
            placeholder={TYPED_FIELDS[field].placeholder}
            inputMode="numeric"
            onInput={(value) => setForm({ ...form, [field]: value })}
          />
        ))}
      {asked.includes("briefing.venue") && (
        <VenueField
          id={idOf("briefing.venue")}
          legend="Briefing venue"
          oneLabel="Briefing venue (one text for every language)"
          value={form["briefing.venue"]}
          onChange={(venue) => setForm({ ...form, "briefing.venue": venue })}
          problem={problem}
          path={venuePath}
        />
      )}
      {problem?.status === 412 && (
        // Someone changed this letter's values first: read them again here (a reload would sign the reader out), keep
        // the typing.
        <button type="button" class="secondary" onClick={() => void readAgain()}>
          Read the letter's values again (keeps what you typed)
        </button>
      )}
      {reread && <p role="status">{reread}</p>}
      {saved && (
        <p role="status" id={`values-${letter.waveKey}-saved`}>
          Saved. The letter will be sent with these values when its schedule fires.
          {draft && (
            <>
              {" "}
              Its {year} wave <a href={href.wave(draft)}>{draft}</a> is already a draft and keeps its old values: send
              the letter as a <a href={href.waveNew(letter.templateId)}>staff wave of {letter.templateId}</a>.
            </>
          )}
        </p>
      )}
    </FormFrame>
  );
}

/** One letter's form, on its values read for it alone. */
function LetterValuesEditor(props: {
  letter: Letter;
  of: LetterOf;
  asked: readonly LetterValueField[];
  onChanged: () => void;
}) {
  const { of } = props;
  const [loaded] = useLoad(() => letterValues(of), `values/${of.year}/${of.activityId}/${of.waveKey}`);
  return (
    <Show what={loaded}>
      {(first) => (
        <LetterValuesForm letter={props.letter} of={of} asked={props.asked} first={first} onChanged={props.onChanged} />
      )}
    </Show>
  );
}

/** A scheduled letter whose template names none of the values: nothing to give, and what is on record does nothing. */
function LetterTakesNoValues({ letter }: { letter: Letter }) {
  const given = describeValues(letter.values);
  return (
    <p id={`values-${letter.waveKey}-none`}>
      {letter.waveKey}: its template <a href={href.template(letter.templateId)}>{letter.templateId}</a> names no
      briefing date, time or venue, so its letters take no values from the year
      {given === "none given" ? "." : ` (on record, unused: ${given}).`}
    </p>
  );
}

/**
 * The year's values of an activity's scheduled letters (a manual letter takes its values on the wave staff make): a
 * form each for those who may give them, each on its own letter's values; the values for others.
 */
export function LetterValuesPanel(props: {
  year: number;
  activityId: string;
  letters: Letter[];
  session: Session;
  onChanged: () => void;
}) {
  const { year, activityId } = props;
  const scheduled = props.letters.filter((letter) => !letter.manual);
  const mayGive = may(props.session.group, "PUT /programme/{year}/activities/{activityId}/letters/{waveKey}/values");
  const templateIds = scheduled.map((letter) => letter.templateId);
  const [templates] = useLoad(() => letterTemplates(templateIds), `letter-templates/${templateIds.join(",")}`);
  if (scheduled.length === 0) return null;
  return (
    <Show what={templates}>
      {(byId) => {
        const asked = (letter: Letter) => valueFieldsNamed(byId.get(letter.templateId));
        // An activity none of whose letters take values (the March requests) has nothing to give: no panel.
        if (scheduled.every((letter) => asked(letter).length === 0)) return null;
        return (
          <Panel id="letter-values" title={`Values given for ${year}`}>
            {scheduled.map((letter) =>
              asked(letter).length === 0 ? (
                <LetterTakesNoValues key={letter.waveKey} letter={letter} />
              ) : mayGive ? (
                <LetterValuesEditor
                  key={letter.waveKey}
                  letter={letter}
                  of={{ year, activityId, waveKey: letter.waveKey }}
                  asked={asked(letter)}
                  onChanged={props.onChanged}
                />
              ) : (
                <LetterValuesGiven key={letter.waveKey} letter={letter} year={year} />
              ),
            )}
          </Panel>
        );
      }}
    </Show>
  );
}
