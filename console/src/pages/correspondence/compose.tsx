// The wave composer: a template, an audience, a send time as a wall-clock time in a chosen zone (with the UTC instant
// it names shown beside it), the not-after limit and the letters' deadline. It creates a draft; the wave's page then
// previews the audience, sends a test copy and schedules it. The API's problems are shown at their fields, and so are
// its own refusals, made before anything is sent: a send time that has passed, and an audience the template's letters
// are not written to that the officer has not confirmed, and a limit not after the send time. A field's refusal goes when
// its value changes; a refusal no field shows is said above the form; and a refusal at a field the form does not draw
// has the templates read again, so that a value a colleague's change of the template now asks for gets its field.
// Opened as the rest of a halted wave (#/waves/new?restOf=<id>), its template, audience and values are the halted
// wave's, and the draft leaves out whom that wave wrote to (compose-rest-of.ts); while its rest stands, the composer
// names and links that rest and offers no form (compose-rest-written.ts).
import { Fragment } from "preact";
import { useState } from "preact/hooks";
import { addDays } from "../../../../shared/assistance/dates.ts";
import { DESK_TIME_ZONE } from "../../../../shared/zoned-time.ts";
import { ProblemError } from "../../api/client.ts";
import { href } from "../../router.ts";
import { deskToday } from "../../ui/desk-today.ts";
import { FormFrame, fieldProblem, InputField, SelectField, useSubmit } from "../../ui/form.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { type VenueForm, venueFormOf, venueOfForm, venueRefusal } from "../../ui/venue.ts";
import { VenueField } from "../../ui/venue-field.tsx";
import { audienceCaution, audienceForTemplate, audiencesFor, audiencesOffered, ownAudienceOf } from "./audience-fit.ts";
import {
  briefingNamed,
  pathsKnown,
  pathsShown,
  type TypedBriefingValue,
  VENUE_PATH,
  venuePathsChanged,
} from "./compose-fields.ts";
import { followSendTime, limitForSendDay, limitRefusal } from "./compose-limit.ts";
import {
  aboveTheFields,
  editsAfter,
  NO_EDITS,
  namesUndrawnField,
  problemStanding,
  templateChangeNews,
} from "./compose-problem.ts";
import { type RestOf, readRestOfChain, restOfWords } from "./compose-rest-of.ts";
import { type RestWritten, restAlreadyWritten, restWrittenWords } from "./compose-rest-written.ts";
import { templateWords } from "./compose-template-words.ts";
import { CONFIRM_AUDIENCE, composerRefusal } from "./composer-refusal.ts";
import { createWave, listTemplates, listWaves, messagesOf, type NewWave, type Template, waveWithEtag } from "./data.ts";
import { instantLineWords, localToInstant, sendTimePassed, timeZoneChoices, timeZoneWords } from "./time.ts";
import { AUDIENCES, isAudience } from "./wave-facts.ts";
import { waveInWords } from "./wave-rest-chain.ts";
import { weekendRemark } from "./weekend-dates.ts";

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
 * Tomorrow 09:00 in New York, letters accepted for a week (limitForSendDay), an answer asked in 90 days, to the
 * template's own audience (the one its kind is written to; ownAudienceOf): a first draft to adjust. The rest of a
 * halted wave takes that wave's template, audience, deadline, Chair and briefing: the same letter, sent later.
 */
function firstDraft(template: Template | undefined, rest: RestOf | undefined): ComposerForm {
  const timeZone = DESK_TIME_ZONE;
  // Calendar days from New York's today: 24 hours ahead is still today just after midnight on the autumn change.
  const today = deskToday();
  const tomorrow = addDays(today, 1);
  const draft: ComposerForm = {
    templateId: template?.id ?? "",
    audience: (template && ownAudienceOf(template)) ?? "non-reporting-states",
    sendAt: `${tomorrow}T09:00`,
    timeZone,
    notAfter: limitForSendDay(tomorrow),
    deadline: addDays(today, 90),
    chair: "",
    description: "",
    values: {},
    venue: venueFormOf(undefined),
  };
  if (!rest) return draft;
  const { values } = rest;
  return {
    ...draft,
    templateId: rest.templateId,
    audience: rest.audience,
    deadline: rest.deadline ?? draft.deadline,
    chair: rest.chair ?? "",
    description: `The rest of ${rest.title}`,
    values: { "briefing.date": values?.["briefing.date"], "briefing.time": values?.["briefing.time"] },
    venue: venueFormOf(values?.["briefing.venue"]),
  };
}

function InstantLine(props: { id: string; local: string; timeZone: string; passed: boolean; refused: boolean }) {
  return (
    <p id={props.id} class="muted instant" aria-live="polite">
      {instantLineWords(props.local, props.timeZone, props.passed, props.refused)}
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
      <InstantLine
        id={utcId}
        local={props.value}
        timeZone={props.timeZone}
        passed={props.passed === true}
        refused={props.problem !== undefined}
      />
    </>
  );
}

function Composer(props: {
  templates: Template[];
  initialTemplate: string | undefined;
  /** The halted wave this draft writes the rest of: its template and audience are fixed. */
  rest: RestOf | undefined;
  /** Shows the templates read again (a refusal at a field the form does not draw). */
  onTemplatesRead: (templates: Template[]) => void;
}) {
  const { rest } = props;
  // The rest of a halted wave is written with its template, to its audience: no other is offered.
  const templates = rest ? props.templates.filter((template) => template.id === rest.templateId) : props.templates;
  const [form, setForm] = useState<ComposerForm>(() => {
    const asked = templates.find((template) => template.id === props.initialTemplate);
    // Without one asked for, the first template some audience can take.
    const first = asked ?? templates.find((template) => audiencesFor(template).length > 0) ?? templates[0];
    return firstDraft(first, rest);
  });
  // Whether the audience is the officer's choice (kept across templates that can go to it) or the template's own.
  const [audienceChosen, setAudienceChosen] = useState(false);
  // Whether the limit is the officer's own; until then it follows the send time.
  const [limitTyped, setLimitTyped] = useState(false);
  // The template and audience the officer confirmed although the template is not written to that audience.
  const [confirmed, setConfirmed] = useState("");
  // Said when a change of template moves the audience, so that the choice does not change unseen.
  const [audienceMoved, setAudienceMoved] = useState("");
  // What changed in the template since the composer read it, found on reading it again after a refusal.
  const [templateNews, setTemplateNews] = useState<string>();
  // The fields changed since the last refusal: their errors are no longer said.
  const [edits, setEdits] = useState(NO_EDITS);
  const template = templates.find((candidate) => candidate.id === form.templateId);
  const audiences = rest ? [rest.audience] : audiencesOffered(template);
  const briefing = briefingNamed(template);
  const deadlineRemark = weekendRemark(form.deadline);
  const shown = pathsShown(briefing, form.venue.mode);
  // The halted wave was sent to this audience: whether the template is written to it was asked then.
  const caution = template && !rest ? audienceCaution(template, form.audience) : undefined;
  const pairing = `${form.templateId} ${form.audience}`;

  /** Reads the templates again, and says what changed in the one chosen; a failed reading leaves the refusal said. */
  async function readTemplatesAgain() {
    const fresh = await listTemplates().catch(() => undefined);
    if (!fresh) return;
    props.onTemplatesRead(fresh);
    setTemplateNews(
      templateChangeNews(
        template,
        fresh.find((candidate) => candidate.id === form.templateId),
      ),
    );
  }

  const { problem, busy, submit } = useSubmit(async () => {
    setTemplateNews(undefined);
    // Refused at their fields before anything is sent: a past send time, an unconfirmed audience, a missing venue, a
    // limit not after the send time.
    const refused = composerRefusal(
      { ...form, template, audienceConfirmed: rest !== undefined || confirmed === pairing },
      new Date(),
      briefing.venue ? venueRefusal(form.venue, VENUE_PATH) : undefined,
      limitRefusal(form.sendAt, form.notAfter, form.timeZone),
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
      ...(rest ? { restOf: rest.waveId } : {}),
    }).catch(async (error: unknown) => {
      // Read before the refusal is shown, so that it takes the focus to the field drawn for it.
      const known = pathsKnown(shown, rest !== undefined);
      if (error instanceof ProblemError && namesUndrawnField(error.problem, known)) await readTemplatesAgain();
      throw error;
    });
    window.location.hash = href.wave(wave.id);
  });

  /** Changes the form; the refusal's errors at `paths` (and under them) go, their values having changed. */
  const change = (changes: Partial<ComposerForm>, paths: readonly string[]) => {
    setForm({ ...form, ...changes });
    setEdits((before) => editsAfter(before, problem, paths));
  };
  const chooseTemplate = (templateId: string) => {
    const next = templates.find((candidate) => candidate.id === templateId);
    if (!next) return;
    const { audience, moved } = audienceForTemplate(next, form.audience, audienceChosen);
    if (audience !== form.audience) setAudienceChosen(false);
    setAudienceMoved(moved);
    setTemplateNews(undefined);
    // The template decides what the letters need: the audience and the briefing's values are judged afresh.
    change({ templateId, audience }, ["body.templateId", "body.audience", "body.values"]);
  };
  const standing = problemStanding(problem, edits);

  return (
    <FormFrame
      titleId="composer-title"
      title={rest ? "The rest of a halted wave" : "A new wave"}
      level={2}
      className="composer"
      general={aboveTheFields(standing, shown, templateNews, pathsKnown(shown, rest !== undefined))}
      refusal={problem}
      onSubmit={submit}
      busy={busy}
      submitLabel="Create the draft wave"
    >
      {rest && (
        <div class="rest-of" data-field="rest-of">
          <p id="rest-of">{restOfWords(rest)}</p>
          {rest.notHalted && <p class="caution">{rest.notHalted}</p>}
          <p class="muted">Its template and audience are the halted wave's, and so are its deadline and values.</p>
        </div>
      )}
      <SelectField
        id="templateId"
        label="Template"
        problem={fieldProblem(standing, "templateId")}
        value={form.templateId}
        choices={templates.map((choice) => [choice.id, templateWords(choice)])}
        alsoDescribedBy="template-hint"
        onChange={chooseTemplate}
      />
      {/* The option's end, where its id is, is cut off in a narrow select: the id, as the templates' list names it. */}
      <p id="template-hint" class="muted">
        The template's id: {form.templateId}.
      </p>
      <SelectField
        id="audience"
        label="Audience"
        problem={fieldProblem(standing, "audience")}
        value={form.audience}
        choices={audiences.map((code) => [code, AUDIENCES[code]])}
        alsoDescribedBy={caution ? "audience-hint audience-caution" : "audience-hint"}
        onChange={(value) => {
          if (isAudience(value)) {
            setAudienceMoved("");
            setAudienceChosen(true);
            change({ audience: value }, ["body.audience"]);
          }
        }}
      />
      <p id="audience-hint" class="muted" aria-live="polite">
        {rest
          ? "The halted wave's audience: its rest goes to no other."
          : audienceMoved || "Only the audiences whose letters can fill every variable the template names."}
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
                onChange={(e) => {
                  setConfirmed(e.currentTarget.checked ? pairing : "");
                  change({}, ["body.audience"]);
                }}
              />{" "}
              {CONFIRM_AUDIENCE}
            </label>
          </div>
        )}
      </div>
      <SelectField
        id="timeZone"
        label="Time zone"
        problem={fieldProblem(standing, "timeZone")}
        value={form.timeZone}
        choices={ZONES.map((zone) => [zone, timeZoneWords(zone)])}
        // The zone moves the instants the send time and the limit name.
        onChange={(timeZone) => change({ timeZone }, ["body.timeZone", "body.sendAt", "body.notAfter"])}
      />
      <LocalTimeField
        id="sendAt"
        label="Send at (in that time zone)"
        problem={fieldProblem(standing, "sendAt")}
        value={form.sendAt}
        timeZone={form.timeZone}
        passed={sendTimePassed(form.sendAt, form.timeZone, new Date()) !== undefined}
        onInput={(sendAt) => {
          const next = followSendTime(form, sendAt, limitTyped);
          change(next, next.notAfter === form.notAfter ? ["body.sendAt"] : ["body.sendAt", "body.notAfter"]);
        }}
      />
      <LocalTimeField
        id="notAfter"
        label="No letter after (in that time zone)"
        problem={fieldProblem(standing, "notAfter")}
        value={form.notAfter}
        timeZone={form.timeZone}
        onInput={(notAfter) => {
          setLimitTyped(true);
          change({ notAfter }, ["body.notAfter"]);
        }}
      />
      <InputField
        id="deadline"
        label="Deadline the letters ask an answer by"
        problem={fieldProblem(standing, "deadline")}
        type="date"
        value={form.deadline}
        alsoDescribedBy={deadlineRemark ? "deadline-weekend" : undefined}
        onInput={(deadline) => change({ deadline }, ["body.deadline"])}
      />
      {deadlineRemark && <WeekendRemark id="deadline-weekend" remark={deadlineRemark} />}
      <InputField
        id="chair"
        label="Chair's name (optional)"
        problem={fieldProblem(standing, "chair")}
        value={form.chair}
        alsoDescribedBy="chair-hint"
        onInput={(chair) => change({ chair }, ["body.chair"])}
      />
      {/* The API refuses a template naming {{committee.chair}} for a date with no Chair configured: this is the way out. */}
      <p id="chair-hint" class="muted">
        Overrides the Chair's name the letters are signed with (and {"{{committee.chair}}"}), e.g. an acting Chair; by
        default the Chair configured for the letter's date.
      </p>
      {briefing.typed.map(({ name, label, type }) => {
        const id = name.replace(".", "-");
        const value = form.values[name] ?? "";
        const weekend = type === "date" ? weekendRemark(value) : undefined;
        return (
          <Fragment key={name}>
            <InputField
              id={id}
              label={label}
              problem={fieldProblem(standing, `values.${name}`)}
              type={type}
              value={value}
              alsoDescribedBy={weekend ? `${id}-weekend` : undefined}
              onInput={(typed) => change({ values: { ...form.values, [name]: typed } }, [`body.values.${name}`])}
            />
            {weekend && <WeekendRemark id={`${id}-weekend`} remark={weekend} />}
          </Fragment>
        );
      })}
      {briefing.venue && (
        <VenueField
          id="briefing-venue"
          legend="Briefing's venue"
          oneLabel="Briefing's venue (one text for every language)"
          value={form.venue}
          onChange={(venue) => change({ venue }, venuePathsChanged(form.venue, venue))}
          problem={standing}
          path={VENUE_PATH}
        />
      )}
      <InputField
        id="description"
        label="Description (optional)"
        problem={fieldProblem(standing, "description")}
        value={form.description}
        onInput={(description) => change({ description }, ["body.description"])}
      />
    </FormFrame>
  );
}

/**
 * The halted wave a rest is written to, with whom it wrote to, or the rest it already has; nothing when the composer is
 * not asked for a rest.
 */
async function readRestOf(waveId: string | undefined): Promise<{ rest?: RestOf; written?: RestWritten }> {
  if (waveId === undefined) return {};
  const written = restAlreadyWritten(waveId, await listWaves(), new Date());
  if (written) return { written };
  const rest = await readRestOfChain(waveId, async (id) => {
    const [wave, letters] = await Promise.all([waveWithEtag(id), messagesOf(id)]);
    return { wave: wave.value, letters };
  });
  return { rest };
}

/** In place of the form: the halted wave's rest stands, and a second would be refused once filled in. */
function RestAlreadyWritten({ written }: { written: RestWritten }) {
  const { before, after } = restWrittenWords(written);
  return (
    <p class="caution" data-field="rest-written">
      {before}
      <a href={href.wave(written.rest.id)}>{waveInWords(written.rest)}</a>
      {after}
    </p>
  );
}

export function ComposeWave({ templateId, restOf }: { templateId: string | undefined; restOf?: string | undefined }) {
  const [templates, , showTemplates] = useLoad(listTemplates, "templates");
  const [rest] = useLoad(() => readRestOf(restOf), restOf ?? "");
  return (
    <>
      <h1>Compose a wave</h1>
      <p>
        The draft sends nothing. On its page you see who it would reach and who is skipped, send yourself a test copy,
        then schedule it.
      </p>
      <Show what={templates}>
        {(list) => (
          <Show what={rest}>
            {({ rest: halted, written }) =>
              written ? (
                <RestAlreadyWritten written={written} />
              ) : (
                <Composer templates={list} initialTemplate={templateId} rest={halted} onTemplatesRead={showTemplates} />
              )
            }
          </Show>
        )}
      </Show>
    </>
  );
}

/** Said beside a date the letters name when it falls on a weekend (weekend-dates.ts). */
function WeekendRemark({ id, remark }: { id: string; remark: string }) {
  return (
    <p id={id} class="muted">
      {remark} The letters will name it as it is.
    </p>
  );
}
