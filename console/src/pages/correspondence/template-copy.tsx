// A template page's "Copy to a new template" (secretariat): a small form, the copy's id (suggested, the API's rules
// said beside it) and description; Create posts the template whole under that id and opens the copy's page, where the
// edit form changes its text. Busy from the press until the copy's page shows, so a second press makes no second
// template. Escape or Cancel closes it, and the focus goes back to the action.
import { useEffect, useState } from "preact/hooks";
import { ProblemError } from "../../api/client.ts";
import { href } from "../../router.ts";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, problemOf, useWrites } from "../../ui/form.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { listTemplates, type Template } from "./data.ts";
import { LANGUAGE_ORDER, LANGUAGES } from "./languages.ts";
import { COPY_FIELDS, copyBody, copyFormOf, copyIdOf, copyProblemOf, copyRefusal, ID_RULES } from "./template-copy.ts";
import { createTemplate } from "./template-copy-data.ts";

const ACTION_ID = "copy-template";
const RULES_ID = "copy-id-rules";

interface FormProps {
  template: Template;
  onCancel: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** What the copy keeps, in words: all but the id (and the description, offered to adapt). */
function keptWords(template: Template): string {
  const languages = LANGUAGE_ORDER.filter((language) => template.variants[language]).map(
    (language) => LANGUAGES[language].name,
  );
  const fallback = template.fallbackLanguage ? LANGUAGES[template.fallbackLanguage].name : "none";
  return (
    `The copy keeps the letter kind (${template.kind}), the fallback language (${fallback}) and the subject, text ` +
    `and HTML in ${languages.join(", ")}, each translation's review mark too. Change its text on its page once ` +
    "created."
  );
}

function CopyFields({ template, taken, onCancel, onKeyDown }: FormProps & { taken: ReadonlySet<string> }) {
  const [form, setForm] = useState(() => copyFormOf(template, taken));
  // The id created, while the page opens the copy: the form stays busy until it is gone.
  const [created, setCreated] = useState<string>();
  const writing = useWrites();
  // Opened by the action: the keyboard continues in the id.
  useEffect(() => document.getElementById("copy-id")?.focus(), []);
  const create = (event: Event) => {
    if (created !== undefined) return event.preventDefault();
    return writing.run(event, async () => {
      const refused = copyRefusal(form, taken);
      if (refused) throw new ProblemError(refused);
      try {
        await createTemplate(copyBody(template, form));
      } catch (error) {
        throw new ProblemError(copyProblemOf(problemOf(error), form, taken));
      }
      const id = copyIdOf(form);
      setCreated(id);
      window.location.hash = href.template(id);
    });
  };
  const { problem } = writing;
  return (
    <FormFrame
      titleId="copy-title"
      title="Copy to a new template"
      level={2}
      general={formProblem(problem, COPY_FIELDS)}
      problemId="copy-problem"
      refusal={problem}
      onSubmit={create}
      onKeyDown={onKeyDown}
      busy={writing.busy || created !== undefined}
      submitLabel="Create the new template"
    >
      <p class="muted">{keptWords(template)}</p>
      <InputField
        id="copy-id"
        label="New template's id"
        problem={fieldProblem(problem, "id")}
        value={form.id}
        alsoDescribedBy={RULES_ID}
        onInput={(id) => setForm({ ...form, id })}
      />
      <p id={RULES_ID} class="muted">
        {ID_RULES}
      </p>
      <Field id="copy-description" label="Description (optional)" problem={fieldProblem(problem, "description")}>
        {(describedBy, invalid) => (
          <textarea
            id="copy-description"
            rows={3}
            value={form.description}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setForm({ ...form, description: e.currentTarget.value })}
          />
        )}
      </Field>
      {created && <p role="status">Template {created} is created: its page opens.</p>}
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>{" "}
    </FormFrame>
  );
}

/** The form, once the templates' ids are read: the id it suggests is none of them. */
function CopyForm(props: FormProps) {
  const [ids] = useLoad(async () => new Set((await listTemplates()).map(({ id }) => id)), "template-ids");
  return <Show what={ids}>{(taken) => <CopyFields {...props} taken={taken} />}</Show>;
}

export function CopyTemplate({ template }: { template: Template }) {
  const [open, setOpen] = useState(false);
  const focusReturn = useFocusReturn();
  // The action is drawn anew when the form goes: the focus goes to it.
  const close = () => {
    setOpen(false);
    focusReturn.closed(() => document.getElementById(ACTION_ID));
  };
  if (open) return <CopyForm template={template} onCancel={close} onKeyDown={focusReturn.escapeCloses(close)} />;
  return (
    <p>
      <button
        type="button"
        id={ACTION_ID}
        onClick={() => {
          focusReturn.opened();
          setOpen(true);
        }}
      >
        Copy to a new template
      </button>
    </p>
  );
}
