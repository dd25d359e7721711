// One letter template: its variants side by side, one per UN language, each in its own language and direction; the
// letter as a recipient gets it, rendered by the API for a chosen State (by name or code) and language; and, for the
// secretariat, a variant's edit with If-Match (a stale edit's 412 shown at the form, what was typed kept).
import { useEffect, useState } from "preact/hooks";
import { addDays } from "../../../../shared/assistance/dates.ts";
import { ownerKindOf } from "../../../../shared/templates/variables.ts";
import type { Problem } from "../../api/client.ts";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { href } from "../../router.ts";
import { deskToday } from "../../ui/desk-today.ts";
import {
  Field,
  FormFrame,
  fieldProblem,
  formProblem,
  InputField,
  problemOf,
  SelectField,
  useSubmit,
} from "../../ui/form.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { StateEntryField } from "../state-entry-field.tsx";
import { inNameOrder } from "../states-order.ts";
import { variablesNamed } from "./audience-fit.ts";
import {
  changeTemplate,
  type Language,
  listStateNames,
  previewLetter,
  type RenderedLetter,
  type Template,
  templateWithEtag,
  type Versioned,
} from "./data.ts";
import { isLanguage, LANGUAGE_ORDER, LANGUAGES } from "./languages.ts";
import { type NamedState, noSuchState, stateOfEntry } from "./state-entry.ts";
import { CopyTemplate } from "./template-copy.tsx";
import { previewAlert, previewFieldProblem } from "./template-preview-problem.ts";

function Variants({ template }: { template: Template }) {
  return (
    <section aria-labelledby="variants-title">
      <h2 id="variants-title">Each language side by side</h2>
      <div class="letter-variants">
        {LANGUAGE_ORDER.map((language) => {
          const variant = template.variants[language];
          const { name, dir } = LANGUAGES[language];
          return (
            <article key={language} class="letter-variant" aria-labelledby={`variant-${language}`}>
              <h3 id={`variant-${language}`}>
                {name}
                {variant?.reviewed === false && <span class="muted"> (translation not reviewed)</span>}
              </h3>
              {variant ? (
                <div lang={language} dir={dir}>
                  <p>
                    <strong>{variant.subject}</strong>
                  </p>
                  <p class="letter-text">{variant.text}</p>
                </div>
              ) : (
                <p class="muted">
                  No {name} variant:{" "}
                  {template.fallbackLanguage
                    ? `${name}-speaking recipients get the ${LANGUAGES[template.fallbackLanguage].name} one.`
                    : "the template declares no fallback."}
                </p>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** A date some weeks ahead: the sample deadline a preview shows until staff pick another. */
function weeksAhead(weeks: number): string {
  return addDays(deskToday(), weeks * 7);
}

interface PreviewChoice {
  language: Language;
  /** The State as typed: a name or a code. */
  state: string;
  contactName: string;
  deadline: string;
}

/** Why no letter can be shown for the State typed, in words; nothing when the letter can be rendered for it. */
function stateProblemOf(template: Template, entry: string, named: NamedState | undefined): string | undefined {
  if (named) return undefined;
  if (entry.trim()) return noSuchState(entry);
  // Left empty, the letter is previewed for no State (as to an organization); one naming a State's facts needs one.
  const namesAState = [...variablesNamed(template)].some((variable) => ownerKindOf(variable) === "state");
  return namesAState ? "Choose a State: the letter names the State it is written to." : undefined;
}

function Preview({ template, version, states }: { template: Template; version: string; states: NamedState[] }) {
  const [choice, setChoice] = useState<PreviewChoice>({
    language: "en",
    state: "Chad",
    contactName: "A. Officer",
    deadline: weeksAhead(12),
  });
  const [letter, setLetter] = useState<RenderedLetter>();
  const [problem, setProblem] = useState<Problem>();
  const named = stateOfEntry(choice.state, states);
  const stateProblem = stateProblemOf(template, choice.state, named);
  // Rendered again a moment after each change of the choice (or of the template), by the API itself; not for a
  // State that cannot be named, whose problem is said at its field.
  useEffect(() => {
    let current = true;
    if (stateProblem) {
      setLetter(undefined);
      setProblem(undefined);
      return;
    }
    const timer = setTimeout(() => {
      previewLetter(template.id, {
        language: choice.language,
        ...(named ? { iso3: named.iso3 } : {}),
        values: {
          "contact.name": choice.contactName || "[contact.name]",
          ...(choice.deadline ? { deadline: choice.deadline } : {}),
          // Samples for the letters that use them (the open-briefing invitation, the point-of-contact update, the
          // providers' offer update).
          "briefing.date": weeksAhead(6),
          "briefing.time": "10:00",
          "briefing.venue": "Conference Room 1, United Nations Headquarters",
          "contacts.onRecord": [`${choice.contactName || "A. Officer"}, Ministry of Foreign Affairs`],
          // Written at dispatch in the letter's language from the offers on record: a sample in English would mislead.
          "offers.onRecord": ["[offers.onRecord: each offer, its areas, validity and last update, filled at dispatch]"],
        },
      }).then(
        (rendered) => {
          if (!current) return;
          setLetter(rendered);
          setProblem(undefined);
        },
        (error: unknown) => {
          if (!current) return;
          // No letter is shown for a choice the API refused: the last one would pass for its rendering.
          setLetter(undefined);
          setProblem(problemOf(error));
        },
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [template.id, version, choice, named?.iso3, stateProblem]);

  const set = <K extends keyof PreviewChoice>(name: K, value: PreviewChoice[K]) =>
    setChoice({ ...choice, [name]: value });
  const elsewhere = previewAlert(problem);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">As a recipient gets it</h2>
      <div class="filters">
        <Field id="preview-language" label="Recipient's language" problem={previewFieldProblem(problem, "language")}>
          {(describedBy, invalid) => (
            <select
              id="preview-language"
              value={choice.language}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isLanguage(value)) set("language", value);
              }}
            >
              {LANGUAGE_ORDER.map((language) => (
                <option key={language} value={language}>
                  {LANGUAGES[language].name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <StateEntryField
          id="preview-state"
          label="State (name or ISO code)"
          value={choice.state}
          problem={stateProblem ?? previewFieldProblem(problem, "iso3")}
          states={states}
          onInput={(value) => set("state", value)}
        />
        <Field id="preview-contact" label="Contact's name" problem={undefined}>
          {() => (
            <input
              id="preview-contact"
              value={choice.contactName}
              onInput={(e) => set("contactName", e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="preview-deadline" label="Deadline" problem={previewFieldProblem(problem, "deadline")}>
          {(describedBy, invalid) => (
            <input
              id="preview-deadline"
              type="date"
              value={choice.deadline}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => set("deadline", e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      {elsewhere && (
        <p role="alert" class="error">
          {elsewhere}
        </p>
      )}
      {letter && (
        <article class="letter-preview" aria-label="Letter preview" data-preview-language={letter.language}>
          {letter.fellBack && <p class="muted">No {LANGUAGES[choice.language].name} variant: the fallback is sent.</p>}
          <p class="letter-subject" lang={letter.lang} dir={letter.dir}>
            <strong>{letter.subject}</strong>
          </p>
          <div class="letter-parts">
            <figure>
              <figcaption>HTML part, as most mail clients show it</figcaption>
              {/* Staff write this HTML: a sandboxed frame runs none of its scripts, forms or links to this page. */}
              <iframe class="letter-html" title="The letter's HTML part" sandbox="" srcdoc={letter.html} />
            </figure>
            <figure>
              <figcaption>Plain-text part, for clients that show no HTML</figcaption>
              <p class="letter-text" lang={letter.lang} dir={letter.dir}>
                {letter.text}
              </p>
            </figure>
          </div>
        </article>
      )}
    </section>
  );
}

interface VariantForm {
  subject: string;
  text: string;
  html: string;
}

const formOf = (template: Template, language: Language): VariantForm => {
  const variant = template.variants[language];
  return { subject: variant?.subject ?? "", text: variant?.text ?? "", html: variant?.html ?? "" };
};

/** One of a variant's bodies (text or HTML), written in the variant's language and direction. */
function VariantBody(props: {
  part: "text" | "html";
  label: string;
  rows: number;
  language: Language;
  value: string;
  problem: string | undefined;
  onInput: (value: string) => void;
}) {
  const id = `edit-${props.part}`;
  return (
    <Field id={id} label={props.label} problem={props.problem}>
      {(describedBy, invalid) => (
        <textarea
          id={id}
          lang={props.language}
          dir={LANGUAGES[props.language].dir}
          rows={props.rows}
          value={props.value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function EditVariant(props: {
  current: Versioned<Template>;
  onSaved: (written: Versioned<Template>) => void;
  onStale: () => Promise<void>;
}) {
  const { current } = props;
  const [language, setLanguage] = useState<Language>("en");
  const [form, setForm] = useState<VariantForm>(() => formOf(current.value, "en"));
  const [saved, setSaved] = useState<string>();
  const { busy, problem, submit, dismiss } = useSubmit(
    async () => {
      setSaved(undefined);
      const written = await changeTemplate(current.value.id, current.etag, { variants: { [language]: form } });
      setSaved(`The ${LANGUAGES[language].name} variant is saved (and marked reviewed).`);
      props.onSaved(written);
    },
    // A stale edit: the page shows the template as it now stands; the form keeps what was typed.
    { onStale: props.onStale },
  );
  const at = (part: keyof VariantForm) => fieldProblem(problem, `variants.${language}.${part}`);

  const stale =
    problem?.status === 412
      ? "Someone changed this template after you opened it; it is shown above as it now stands. Your text is still " +
        "here: save again to replace theirs."
      : undefined;
  const { dir } = LANGUAGES[language];
  return (
    <FormFrame
      titleId="edit-title"
      title="Edit a language"
      level={2}
      className="template-edit"
      general={
        stale ??
        formProblem(
          problem,
          ["subject", "text", "html"].map((p) => `variants.${language}.${p}`),
        )
      }
      problemId={stale ? "edit-stale" : undefined}
      refusal={problem}
      onSubmit={submit}
      busy={busy}
      submitLabel={`Save the ${LANGUAGES[language].name} variant`}
    >
      {saved && <p role="status">{saved}</p>}
      <SelectField
        id="edit-language"
        label="Language"
        value={language}
        choices={LANGUAGE_ORDER.map((code) => [code, LANGUAGES[code].name])}
        onChange={(value) => {
          if (!isLanguage(value)) return;
          setLanguage(value);
          setForm(formOf(current.value, value));
          dismiss();
        }}
      />
      <InputField
        id="edit-subject"
        label="Subject"
        problem={at("subject")}
        lang={language}
        dir={dir}
        value={form.subject}
        onInput={(value) => setForm({ ...form, subject: value })}
      />
      <VariantBody
        part="text"
        label="Text"
        rows={10}
        language={language}
        value={form.text}
        problem={at("text")}
        onInput={(value) => setForm({ ...form, text: value })}
      />
      <VariantBody
        part="html"
        label="HTML"
        rows={6}
        language={language}
        value={form.html}
        problem={at("html")}
        onInput={(value) => setForm({ ...form, html: value })}
      />
    </FormFrame>
  );
}

export function TemplatePage({ id, session }: { id: string; session: Session }) {
  // A saved variant's answer is the template as it now stands, with its ETag: shown at once (`put`), so the next
  // language saved writes against it.
  const [loaded, reload, put] = useLoad(() => templateWithEtag(id), id);
  const [states] = useLoad(async () => inNameOrder(await listStateNames()), "state-names");
  return (
    <Show what={loaded}>
      {(current) => {
        const template = current.value;
        return (
          <>
            <h1>Template {template.id}</h1>
            <p>
              {template.kind}
              {template.description ? `: ${template.description}` : ""}. Fallback language:{" "}
              {template.fallbackLanguage ? LANGUAGES[template.fallbackLanguage].name : "none"}. Changed{" "}
              <time dateTime={template.updatedAt}>{template.updatedAt.slice(0, 16).replace("T", " ")} UTC</time>.{" "}
              <a href={href.templates()}>All templates</a>
            </p>
            {may(session.group, "POST /waves") && (
              <p>
                <a href={href.waveNew(template.id)}>Compose a wave with this template</a>
              </p>
            )}
            {may(session.group, "POST /templates") && <CopyTemplate key={template.id} template={template} />}
            <Variants template={template} />
            <Show what={states}>{(list) => <Preview template={template} version={current.etag} states={list} />}</Show>
            {may(session.group, "PATCH /templates/{id}") && (
              <EditVariant current={current} onSaved={put} onStale={reload} />
            )}
          </>
        );
      }}
    </Show>
  );
}
