// The wave composer: a template, an audience, a send time as a wall-clock time in a chosen zone (with the UTC instant
// it names shown beside it), the not-after limit and the letters' deadline. It creates a draft; the wave's page then
// previews the audience, sends a test copy and schedules it. The API's problems are shown at their fields, and so are
// its own refusals, made before anything is sent: a send time that has passed, and an audience the template's letters
// are not written to that the officer has not confirmed.
import { useState } from "preact/hooks";
import { addDays } from "../../../../shared/assistance/dates.ts";
import { DESK_TIME_ZONE } from "../../../../shared/zoned-time.ts";
import { ProblemError } from "../../api/client.ts";
import { href } from "../../router.ts";
import { deskToday } from "../../ui/desk-today.ts";
import { FormFrame, fieldProblem, formProblem, InputField, SelectField, useSubmit } from "../../ui/form.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { VENUE_LANGUAGES, type VenueForm, venueFormOf, venueOfForm, venueRefusal } from "../../ui/venue.ts";
import { VenueField } from "../../ui/venue-field.tsx";
import {
  audienceCaution,
  audienceForTemplate,
  audiencesFor,
  audiencesOffered,
  ownAudienceOf,
  variablesNamed,
} from "./audience-fit.ts";
import { CONFIRM_AUDIENCE, composerRefusal } from "./composer-refusal.ts";
import { createWave, listTemplates, type NewWave, type Template } from "./data.ts";
import { localToInstant, sendTimePassed, timeZoneChoices, utcText } from "./time.ts";
import { AUDIENCES, isAudience } from "./wave-facts.ts";

const FIELDS = [
  "templateId",
  "audience",
  "sendAt",
  "timeZone",
  "notAfter",
  "deadline",
  "chair",
  "description",
  "values.briefing.date",
  "values.briefing.time",
  "values.briefing.venue",
  ...VENUE_LANGUAGES.map(({ code }) => `values.briefing.venue.${code}`),
];

const VENUE_PATH = "body.values.briefing.venue";

/**
 * The values a wave gives its letters for an invitation (shared/templates/values.ts): the day and time typed, each a
 * field of its own; the venue one text or a text in each language (ui/venue-field.tsx).
 */
const TYPED_BRIEFING = [
  { name: "briefing.date", label: "Briefing's day", type: "date" },
  { name: "briefing.time", label: "Briefing's starting time (New York)", type: "time" },
] as const;
type TypedBriefingValue = (typeof TYPED_BRIEFING)[number]["name"];

/** The briefing values the template's letters name: only those are asked for. */
function briefingNamed(template: Template | undefined) {
  const named: ReadonlySet<string> = template ? variablesNamed(template) : new Set();
  return { typed: TYPED_BRIEFING.filter(({ name }) => named.has(name)), venue: named.has("briefing.venue") };
}

interface ComposerForm {
  templateId: string;
  audience: NewWave["audience"];
  sendAt: string;
  timeZone: string;
  notAfter: string;
  deadline: string;
  chair: string;
  description: string;
  values: Partial<Record<TypedBriefingValue, string>>;
  venue: VenueForm;
}

const ZONES = timeZoneChoices(Intl.supportedValuesOf("timeZone"));

/**
 * Tomorrow 09:00 in New York, letters accepted for a week, an answer asked in 90 days, to the template's own audience
 * (the one its kind is written to; ownAudienceOf): a first draft to adjust.
 */
function firstDraft(template: Template | undefined): ComposerForm {
  const timeZone = DESK_TIME_ZONE;
  // Calendar days from New York's today: 24 hours ahead is still today just after midnight on the autumn change.
  const today = deskToday();
  return {
    templateId: template?.id ?? "",
    audience: (template && ownAudienceOf(template)) ?? "non-reporting-states",
    sendAt: `${addDays(today, 1)}T09:00`,
    timeZone,
    notAfter: `${addDays(today, 8)}T17:00`,
    deadline: addDays(today, 90),
    chair: "",
    description: "",
    values: {},
    venue: venueFormOf(undefined),
  };
}

function InstantLine(props: { id: string; local: string; timeZone: string; passed: boolean }) {
  const { id, local, timeZone } = props;
  const instant = localToInstant(local, timeZone);
  return (
    <p id={id} class="muted instant" aria-live="polite">
      {instant
        ? `That is ${utcText(instant)}${props.passed ? ", which has passed" : ""}.`
        : local
          ? `${local.replace("T", " ")} names no instant in ${timeZone} (not a date-time, or the clocks skip it).`
          : ""}
    </p>
  );
}

/** A wall-clock time in the wave's time zone, with the instant it stands for below it. */
function LocalTimeField(props: {
  id: string;
  label: string;
  problem: string | undefined;
  value: string;
  timeZone: string;
  /** Whether the instant has passed (said beside it; a send time's is refused on submit). */
  passed?: boolean;
  onInput: (value: string) => void;
}) {
  const utcId = `${props.id}-utc`;
  return (
    <>
      <InputField
        id={props.id}
        label={props.label}
        problem={props.problem}
        type="datetime-local"
        value={props.value}
        alsoDescribedBy={utcId}
        onInput={props.onInput}
      />
      <InstantLine id={utcId} local={props.value} timeZone={props.timeZone} passed={props.passed === true} />
    </>
  );
}

function Composer({ templates, initialTemplate }: { templates: Template[]; initialTemplate: string | undefined }) {
  const [form, setForm] = useState<ComposerForm>(() => {
    const asked = templates.find((template) => template.id === initialTemplate);
    // Without one asked for, the first template some audience can take.
    return firstDraft(asked ?? templates.find((template) => audiencesFor(template).length > 0) ?? templates[0]);
  });
  // Whether the audience is the officer's choice (kept across templates that can go to it) or the template's own.
  const [audienceChosen, setAudienceChosen] = useState(false);
  // The template and audience the officer confirmed although the template is not written to that audience.
  const [confirmed, setConfirmed] = useState("");
  // Said when a change of template moves the audience, so that the choice does not change unseen.
  const [audienceMoved, setAudienceMoved] = useState("");
  const set = <K extends keyof ComposerForm>(name: K, value: ComposerForm[K]) => setForm({ ...form, [name]: value });
  const template = templates.find((candidate) => candidate.id === form.templateId);
  const audiences = audiencesOffered(template);
  const briefing = briefingNamed(template);
  const caution = template ? audienceCaution(template, form.audience) : undefined;
  const pairing = `${form.templateId} ${form.audience}`;
  const chooseTemplate = (templateId: string) => {
    const next = templates.find((candidate) => candidate.id === templateId);
    if (!next) return;
    const { audience, moved } = audienceForTemplate(next, form.audience, audienceChosen);
    if (audience !== form.audience) setAudienceChosen(false);
    setAudienceMoved(moved);
    setForm({ ...form, templateId, audience });
  };

  const { problem, busy, submit } = useSubmit(async () => {
    // Refused at their fields before anything is sent: a past send time, an unconfirmed audience, a missing venue.
    const refused = composerRefusal(
      { ...form, template, audienceConfirmed: confirmed === pairing },
      new Date(),
      briefing.venue ? venueRefusal(form.venue, VENUE_PATH) : undefined,
    );
    if (refused) throw new ProblemError(refused);
    // notAfter is an instant for the API; what cannot be converted goes as typed, for the API to name its fault.
    const notAfter = localToInstant(form.notAfter, form.timeZone)?.toISOString() ?? form.notAfter;
    // Only what the chosen template names, and only what was typed.
    const venue = briefing.venue ? venueOfForm(form.venue) : undefined;
    const values = {
      ...Object.fromEntries(
        briefing.typed.flatMap(({ name }) => (form.values[name]?.trim() ? [[name, form.values[name]?.trim()]] : [])),
      ),
      ...(venue ? { "briefing.venue": venue } : {}),
    };
    const wave = await createWave({
      templateId: form.templateId,
      audience: form.audience,
      sendAt: form.sendAt,
      timeZone: form.timeZone,
      notAfter,
      ...(form.deadline ? { deadline: form.deadline } : {}),
      ...(form.chair.trim() ? { chair: form.chair.trim() } : {}),
      ...(form.description.trim() ? { description: form.description.trim() } : {}),
      ...(Object.keys(values).length ? { values } : {}),
    });
    window.location.hash = href.wave(wave.id);
  });

  const general = formProblem(problem, FIELDS);
  return (
    <FormFrame
      titleId="composer-title"
      title="A new wave"
      level={2}
      className="composer"
      general={general}
      onSubmit={submit}
      busy={busy}
      submitLabel="Create the draft wave"
    >
      <SelectField
        id="templateId"
        label="Template"
        problem={fieldProblem(problem, "templateId")}
        value={form.templateId}
        choices={templates.map(({ id }) => [id, id])}
        onChange={chooseTemplate}
      />
      <SelectField
        id="audience"
        label="Audience"
        problem={fieldProblem(problem, "audience")}
        value={form.audience}
        choices={audiences.map((code) => [code, AUDIENCES[code]])}
        alsoDescribedBy={caution ? "audience-hint audience-caution" : "audience-hint"}
        onChange={(value) => {
          if (isAudience(value)) {
            setAudienceMoved("");
            setAudienceChosen(true);
            set("audience", value);
          }
        }}
      />
      <p id="audience-hint" class="muted" aria-live="polite">
        {audienceMoved || "Only the audiences whose letters can fill every variable the template names."}
      </p>
      <div aria-live="polite">
        {caution && (
          <div class="caution" data-field="audience-caution">
            <p id="audience-caution">{caution}</p>
            <label>
              <input
                type="checkbox"
                id="audience-confirm"
                checked={confirmed === pairing}
                onChange={(e) => setConfirmed(e.currentTarget.checked ? pairing : "")}
              />{" "}
              {CONFIRM_AUDIENCE}
            </label>
          </div>
        )}
      </div>
      <SelectField
        id="timeZone"
        label="Time zone"
        problem={fieldProblem(problem, "timeZone")}
        value={form.timeZone}
        choices={ZONES.map((zone) => [zone, zone])}
        onChange={(value) => set("timeZone", value)}
      />
      <LocalTimeField
        id="sendAt"
        label="Send at (in that time zone)"
        problem={fieldProblem(problem, "sendAt")}
        value={form.sendAt}
        timeZone={form.timeZone}
        passed={sendTimePassed(form.sendAt, form.timeZone, new Date()) !== undefined}
        onInput={(value) => set("sendAt", value)}
      />
      <LocalTimeField
        id="notAfter"
        label="No letter after (in that time zone)"
        problem={fieldProblem(problem, "notAfter")}
        value={form.notAfter}
        timeZone={form.timeZone}
        onInput={(value) => set("notAfter", value)}
      />
      <InputField
        id="deadline"
        label="Deadline the letters ask an answer by"
        problem={fieldProblem(problem, "deadline")}
        type="date"
        value={form.deadline}
        onInput={(value) => set("deadline", value)}
      />
      <InputField
        id="chair"
        label="Chair's name (optional)"
        problem={fieldProblem(problem, "chair")}
        value={form.chair}
        alsoDescribedBy="chair-hint"
        onInput={(value) => set("chair", value)}
      />
      {/* The API refuses a template naming {{committee.chair}} for a date with no Chair configured: this is the way out. */}
      <p id="chair-hint" class="muted">
        Overrides the Chair's name the letters are signed with (and {"{{committee.chair}}"}), e.g. an acting Chair; by
        default the Chair configured for the letter's date.
      </p>
      {briefing.typed.map(({ name, label, type }) => (
        <InputField
          key={name}
          id={name.replace(".", "-")}
          label={label}
          problem={fieldProblem(problem, `values.${name}`)}
          type={type}
          value={form.values[name] ?? ""}
          onInput={(value) => set("values", { ...form.values, [name]: value })}
        />
      ))}
      {briefing.venue && (
        <VenueField
          id="briefing-venue"
          legend="Briefing's venue"
          oneLabel="Briefing's venue (one text for every language)"
          value={form.venue}
          onChange={(venue) => set("venue", venue)}
          problem={problem}
          path={VENUE_PATH}
        />
      )}
      <InputField
        id="description"
        label="Description (optional)"
        problem={fieldProblem(problem, "description")}
        value={form.description}
        onInput={(value) => set("description", value)}
      />
    </FormFrame>
  );
}

export function ComposeWave({ templateId }: { templateId: string | undefined }) {
  const [templates] = useLoad(listTemplates, "templates");
  return (
    <>
      <h1>Compose a wave</h1>
      <p>
        The draft sends nothing. On its page you see who it would reach and who is skipped, send yourself a test copy,
        then schedule it.
      </p>
      <Show what={templates}>{(list) => <Composer templates={list} initialTemplate={templateId} />}</Show>
    </>
  );
}
