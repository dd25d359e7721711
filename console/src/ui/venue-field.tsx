// The open briefing's venue in a form (ui/venue.ts): a fieldset whose radios choose one text for every language or a
// text in each, the six fields labelled in their own script and in English, each `lang`/`dir` its language's. Used by
// the programme's letter-values form and the wave composer. Its fields in fault carry aria-invalid, so that a refusal
// takes the focus to the first of them (ui/form.tsx `useSubmit`).
import type { Problem } from "../api/client.ts";
import { InputField } from "./form.tsx";
import { VENUE_LANGUAGES, type VenueForm, venueProblems } from "./venue.ts";

const MODES: readonly (readonly [VenueForm["mode"], string])[] = [
  ["one", "One venue for every language"],
  ["each", "A venue in each language"],
];

export function VenueField(props: {
  /** The one text's input; `<id>-<language>` each language's, `<id>-one`/`<id>-each` the radios. */
  id: string;
  legend: string;
  /** The one text's label, which says it is for every language. */
  oneLabel: string;
  value: VenueForm;
  onChange: (value: VenueForm) => void;
  /** The form's refusal (the venue's own, made before sending, or the API's 422), read at `path`. */
  problem: Problem | undefined;
  /** The venue's path in the refusal, e.g. `body.values.briefing.venue`. */
  path: string;
}) {
  const { id, value, onChange } = props;
  const problems = venueProblems(props.problem, props.path);
  const problemId = `${id}-venue-problem`;
  // A refusal of the venue as a whole: at the one text's field, or above the six, each of which it puts in fault (so the
  // first, Arabic, takes the focus and is described by it).
  const wholeProblem = value.mode === "each" ? problems.venue : undefined;
  return (
    <fieldset class={wholeProblem ? "field invalid" : "field"} aria-describedby={wholeProblem ? problemId : undefined}>
      <legend>{props.legend}</legend>
      <div class="checkboxes">
        {MODES.map(([mode, words]) => (
          <label key={mode}>
            <input
              type="radio"
              id={`${id}-${mode}`}
              name={`${id}-mode`}
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
            />
            {words}
          </label>
        ))}
      </div>
      {value.mode === "one" ? (
        <>
          <InputField
            id={id}
            label={props.oneLabel}
            problem={problems.venue}
            value={value.one}
            onInput={(one) => onChange({ ...value, one })}
            alsoDescribedBy={`${id}-one-hint`}
          />
          {/* Audit 35: a venue typed once went into Chinese and Arabic letters in English, unremarked. */}
          <p id={`${id}-one-hint`} class="muted">
            Every letter shows it as typed, in Arabic and Chinese letters too. To give it in each language's own words,
            choose a venue in each language.
          </p>
        </>
      ) : (
        <>
          {wholeProblem && (
            <p id={problemId} class="field-problem">
              {wholeProblem}
            </p>
          )}
          {VENUE_LANGUAGES.map(({ code, own, english, tag, dir }) => (
            <InputField
              key={code}
              id={`${id}-${code}`}
              label={
                // The own-script name is read in its language (WCAG 3.1.2), the English one beside it.
                own ? (
                  <>
                    Venue in <span lang={tag}>{own}</span> ({english})
                  </>
                ) : (
                  `Venue in ${english}`
                )
              }
              problem={problems[code]}
              value={value.each[code]}
              lang={tag}
              dir={dir}
              inRefusedGroup={wholeProblem !== undefined}
              alsoDescribedBy={wholeProblem ? problemId : undefined}
              onInput={(text) => onChange({ ...value, each: { ...value.each, [code]: text } })}
            />
          ))}
        </>
      )}
    </fieldset>
  );
}
