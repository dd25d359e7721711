// Form fields that show the API's problem next to the field it names (422 `errors[].path`, e.g. body.receivedOn),
// and the problem's words for refusals that name no field (409; a stale write's 412 said plainly: problem-words.ts),
// with any field errors the form has no field for. The form keeps what was typed, and each refusal takes the focus to
// what was refused (WCAG 2.2 3.3.1), so that a keyboard or screen-reader user learns where. A field changed after the
// refusal shows its problem no more (ui/changed-fields.ts): each form's frame, or a `RefusalScope` around a form laid
// out otherwise, keeps which fields changed, and each field reads it by its id.
import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { type Problem, ProblemError } from "../api/client.ts";
import { BusyButton } from "./busy-button.tsx";
import {
  type FieldsChanged,
  fieldChanged,
  fieldStillRefused,
  formStillRefused,
  NONE_CHANGED,
  NOTHING_CHANGED_TYPE,
} from "./changed-fields.ts";
import { messageOf } from "./load.tsx";
import { problemInFull } from "./problem-words.ts";

export { problemWords } from "./problem-words.ts";

/** The message for one body field, if the problem names it. */
export function fieldProblem(problem: Problem | undefined, field: string): string | undefined {
  const at = problem?.errors?.find((error) => error.path === `body.${field}` || error.path === field);
  return at?.message;
}

/** The problem's words, with the field errors it names, when no field of the form carries them. */
export function formProblem(problem: Problem | undefined, fields: readonly string[]): string | undefined {
  if (!problem) return undefined;
  const named = (problem.errors ?? []).some((error) =>
    fields.some((field) => fieldProblem(problem, field) === error.message),
  );
  if (named) return undefined;
  return problemInFull(problem);
}

/** What went wrong, as a problem document: the API's own, or one made of a network or script error's message. */
export function problemOf(error: unknown): Problem {
  return error instanceof ProblemError ? error.problem : { type: "about:blank", title: messageOf(error), status: 0 };
}

/**
 * The refusal of a save that would change nothing, made here rather than sent: shown and focused as the API's own
 * refusals are, so the reader learns why nothing happened; gone once a field changes.
 */
export const nothingChanged = (title: string, detail: string): ProblemError =>
  new ProblemError({ type: NOTHING_CHANGED_TYPE, title, status: 0, detail });

/** What a write's caller does besides keeping its refusal. */
export interface WriteOptions {
  /**
   * After a stale write's refusal (412), shown at once: read what now stands, so that the next press acts on it. The
   * write stays busy until it is read (a press before would be refused again); a failed read leaves the 412 said.
   */
  onStale?: () => void | Promise<void>;
}

export interface Submitting {
  busy: boolean;
  problem: Problem | undefined;
  /** Runs `write`; a refusal is kept as the form's problem and the form's values stay as they were typed. */
  submit: (event: Event) => Promise<void>;
  /** Forgets the problem once the reader has acted on it (e.g. read the current version after a 412). */
  dismiss: () => void;
}

/** Several writes that share one problem and one busy state (a form's submit and its list's buttons). */
export interface Writing {
  busy: boolean;
  problem: Problem | undefined;
  /**
   * Runs `write` for the form submitted or the button pressed, unless a write is running already; a refusal is kept
   * as the problem and takes the focus (`focusRefused`) within that form, or within the element marked
   * `data-refusal-scope` around a button outside any form, unless the reader has moved on elsewhere meanwhile.
   */
  run: (event: Event, write: () => Promise<void>, options?: WriteOptions) => Promise<void>;
  dismiss: () => void;
}

/**
 * What a refusal takes the focus to: the first field in fault within `scope`, in document order, else its problem
 * text (nothing when it shows neither, e.g. a problem the page places elsewhere). Only while the reader is still
 * within `scope`, or nowhere (the body, where a form drawn anew leaves them): one who moved on while the write ran is
 * not pulled back to it.
 */
export function focusRefused(scope: HTMLElement): void {
  const active = document.activeElement;
  if (active !== null && active !== document.body && !scope.contains(active)) return;
  const target =
    scope.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    scope.querySelector<HTMLElement>("[data-form-problem]");
  target?.focus();
}

function refusalScope(pressed: EventTarget | null): HTMLElement | null {
  if (pressed instanceof HTMLFormElement) return pressed;
  return pressed instanceof HTMLElement ? pressed.closest<HTMLElement>("form, [data-refusal-scope]") : null;
}

/** A stale write's reading again; its failure is not the reader's news: the 412 they must act on stays said. */
async function readAgain(onStale: () => void | Promise<void>): Promise<void> {
  try {
    await onStale();
  } catch {
    // The next press is refused as stale again, and reads again.
  }
}

export function useWrites(): Writing {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  // Besides `busy`: a second press before the page has drawn the first as busy must find it running.
  const running = useRef(false);
  // Counted, not compared: a second refusal like the first moves the focus again (the reader has left the field).
  const [refusals, setRefusals] = useState(0);
  const refusedIn = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const scope = refusedIn.current;
    if (refusals > 0 && scope?.isConnected) focusRefused(scope);
  }, [refusals]);
  async function run(event: Event, write: () => Promise<void>, options: WriteOptions = {}) {
    event.preventDefault();
    if (running.current) return;
    // Read now: the event's currentTarget is gone once the write has been awaited.
    const scope = refusalScope(event.currentTarget);
    running.current = true;
    setBusy(true);
    try {
      await write();
      setProblem(undefined);
    } catch (error) {
      refusedIn.current = scope;
      // A copy: each refusal is another (the same error thrown again too), so the fields changed since the last show
      // their problems again.
      const refused = { ...problemOf(error) };
      setProblem(refused);
      setRefusals((count) => count + 1);
      if (refused.status === 412 && options.onStale) await readAgain(options.onStale);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  return { busy, problem, run, dismiss: () => setProblem(undefined) };
}

export function useSubmit(write: () => Promise<void>, options?: WriteOptions): Submitting {
  const { run, ...writing } = useWrites();
  return { ...writing, submit: (event) => run(event, write, options) };
}

/** A form's refusal as its fields read it: whether a field still shows its problem, and a field's change, told. */
interface FieldsAnswering {
  stands: (id: string) => boolean;
  changed: (id: string) => void;
}

/** Outside a form that keeps them, every field shows its problem until the refusal goes. */
const Answering = createContext<FieldsAnswering>({ stands: () => true, changed: () => undefined });

/**
 * The fields changed since `refusal`, kept by the form around them, which gives them to its fields. Kept aside, not
 * as state: the change's own handler draws the form again (the page takes the value), and a drawing of ours before
 * it, between a control's `input` and `change` events, would put back the value the page has not taken yet (a box
 * clicked would stay unchecked).
 */
function useFieldsChanged(refusal: Problem | undefined) {
  const changed = useRef<FieldsChanged>(NONE_CHANGED);
  const answering: FieldsAnswering = {
    stands: (id) => fieldStillRefused(changed.current, refusal, id),
    changed: (id) => {
      changed.current = fieldChanged(changed.current, refusal, id);
    },
  };
  return { answering, formStands: formStillRefused(changed.current, refusal) };
}

/**
 * Around a form laid out without FormFrame: its fields changed after `refusal` (the problem as the write or reading
 * kept it, not one made anew at each drawing) show their problems no more.
 */
export function RefusalScope(props: { refusal: Problem | undefined; children: ComponentChildren }) {
  const { answering } = useFieldsChanged(props.refusal);
  return <Answering.Provider value={answering}>{props.children}</Answering.Provider>;
}

/**
 * A field's problem while it stands, and the handlers that tell its change, for the element around its controls: for a
 * field laid out without Field, which uses it for its own. `id` is the field's, unique in the form. They listen as the
 * events go down to the control, before its own handler draws the form again with the value it takes.
 */
export function useFieldProblem(id: string, problem: string | undefined) {
  const answering = useContext(Answering);
  const changed = () => answering.changed(id);
  return {
    problem: answering.stands(id) ? problem : undefined,
    changes: { onInputCapture: changed, onChangeCapture: changed },
  };
}

export function Field(props: {
  id: string;
  /** Words, or words with a part in another language (`<span lang>`). */
  label: ComponentChildren;
  problem: string | undefined;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}) {
  const errorId = `${props.id}-problem`;
  const { problem, changes } = useFieldProblem(props.id, props.problem);
  return (
    <div class={problem ? "field invalid" : "field"} {...changes}>
      <label for={props.id}>{props.label}</label>
      {props.children(problem ? errorId : undefined, problem !== undefined)}
      {problem && (
        <p id={errorId} class="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** One field of a FieldForm: its body name (what the API's problem paths name), label and control. */
export interface FieldSpec<Name extends string> {
  name: Name;
  label: string;
  control?: "text" | "date" | "email" | "tel" | "textarea" | "select";
  /** A select's choices, value to words, in the order shown. */
  options?: Readonly<Record<string, string>>;
}

/**
 * A form of labelled fields, each with the API's problem for it, and the problem no field names above them.
 * `prefix` keeps the ids of two forms on one page apart (the record form has none: its ids are the body's names).
 */
export function FieldForm<Name extends string>(props: {
  /** Names the form's heading and problem ids: `${name}-title`, `${name}-problem`. */
  name: string;
  title: string;
  prefix?: string;
  fields: readonly FieldSpec<Name>[];
  values: Readonly<Record<Name, string>>;
  onChange: (name: Name, value: string) => void;
  submitting: Submitting;
  submitLabel: string;
  children?: ComponentChildren;
  /** The heading's level: 3 under a page's part, 2 where the form is a part of the page itself. */
  level?: 2 | 3;
  /**
   * Problems the page places at a field itself, read from a refusal that names no field (a 409's legal moves at the
   * status field); while there is one, the problem is not repeated above the fields.
   */
  claims?: Partial<Record<Name, string>>;
  /** An inline form's keys (Escape closes it: ui/focus-return.ts). */
  onKeyDown?: (event: KeyboardEvent) => void;
}) {
  const { problem, busy, submit } = props.submitting;
  const idOf = (name: string) => (props.prefix ? `${props.prefix}-${name}` : name);
  const titleId = `${props.name}-title`;
  const claimed = props.fields.some((field) => props.claims?.[field.name] !== undefined);
  const general = claimed
    ? undefined
    : formProblem(
        problem,
        props.fields.map((field) => field.name),
      );
  return (
    <FormFrame
      titleId={titleId}
      title={props.title}
      level={props.level}
      general={general}
      refusal={problem}
      problemId={`${props.name}-problem`}
      onSubmit={submit}
      onKeyDown={props.onKeyDown}
      busy={busy}
      submitLabel={props.submitLabel}
    >
      {props.fields.map((field) => (
        <Field
          key={field.name}
          id={idOf(field.name)}
          label={field.label}
          problem={props.claims?.[field.name] ?? fieldProblem(problem, field.name)}
        >
          {(describedBy, invalid) => (
            <Control
              id={idOf(field.name)}
              spec={field}
              value={props.values[field.name]}
              describedBy={describedBy}
              invalid={invalid}
              onChange={(value) => props.onChange(field.name, value)}
            />
          )}
        </Field>
      ))}
      {props.children}
    </FormFrame>
  );
}

/**
 * A form's frame: named by its heading, the problem no field names above the fields, the submit button below them.
 * FieldForm lays its fields out from specs; a page whose fields need more (lines between them) lays them out itself.
 */
export function FormFrame(props: {
  titleId: string;
  title: string;
  /** The heading's level: 3 under a page's part, 2 where the form is a part of the page itself. */
  level?: 2 | 3;
  /** Classes besides `record`. */
  className?: string;
  general: string | undefined;
  /** The refusal the fields answer, as the write kept it: each field changed since shows its problem no more. */
  refusal: Problem | undefined;
  problemId?: string;
  onSubmit: (event: Event) => void;
  onKeyDown?: ((event: KeyboardEvent) => void) | undefined;
  busy: boolean;
  submitLabel: string;
  children: ComponentChildren;
}) {
  const Heading = props.level === 2 ? "h2" : "h3";
  const { answering, formStands } = useFieldsChanged(props.refusal);
  return (
    <form
      class={props.className ? `record ${props.className}` : "record"}
      onSubmit={props.onSubmit}
      onKeyDown={props.onKeyDown}
      aria-labelledby={props.titleId}
      noValidate
    >
      <Heading id={props.titleId}>{props.title}</Heading>
      {props.general && formStands && <FormProblem id={props.problemId}>{props.general}</FormProblem>}
      <Answering.Provider value={answering}>{props.children}</Answering.Provider>
      <BusyButton type="submit" busy={props.busy}>
        {props.submitLabel}
      </BusyButton>
    </form>
  );
}

/** A form's problem that no field shows. Focusable by script only: a refusal no field shows puts the focus here. */
export function FormProblem(props: { id?: string | undefined; children: ComponentChildren }) {
  return (
    <p role="alert" class="error" id={props.id} tabIndex={-1} data-form-problem>
      {props.children}
    </p>
  );
}

function Control(props: {
  id: string;
  spec: FieldSpec<string>;
  value: string;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const common = { id: props.id, "aria-describedby": props.describedBy, "aria-invalid": props.invalid };
  const control = props.spec.control ?? "text";
  if (control === "select") {
    return (
      <select {...common} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {Object.entries(props.spec.options ?? {}).map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    );
  }
  if (control === "textarea") {
    return <textarea {...common} value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />;
  }
  // Dates are typed as the API reads them (YYYY-MM-DD), so its own problem for a bad one is what the reader sees.
  if (control === "date") {
    return (
      <input
        {...common}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        value={props.value}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
    );
  }
  if (control === "email") {
    return (
      <input {...common} type="email" value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />
    );
  }
  if (control === "tel") {
    return <input {...common} type="tel" value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />;
  }
  return <input {...common} value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />;
}

/** A labelled select outside a form of the API's fields (a list's filter, a choice of versions). */
export function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: Readonly<Record<string, string>>;
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {Object.entries(props.options).map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * One select of a form laid out by hand (other lines between its fields), with the API's problem for it; `choices`
 * are value and words pairs, in the order shown.
 */
export function SelectField(props: {
  id: string;
  label: string;
  problem?: string;
  value: string;
  choices: readonly (readonly [value: string, words: string])[];
  onChange: (value: string) => void;
  /** Another element that describes the field too (e.g. why some choices are not offered). */
  alsoDescribedBy?: string;
}) {
  return (
    <Field id={props.id} label={props.label} problem={props.problem}>
      {(describedBy, invalid) => (
        <select
          id={props.id}
          value={props.value}
          aria-describedby={[describedBy, props.alsoDescribedBy].filter(Boolean).join(" ") || undefined}
          aria-invalid={invalid}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          {props.choices.map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One input of a form laid out by hand, with the API's problem for it. */
export function InputField(props: {
  id: string;
  label: ComponentChildren;
  problem?: string;
  value: string;
  onInput: (value: string) => void;
  type?: "date" | "time" | "datetime-local";
  inputMode?: "numeric";
  placeholder?: string;
  lang?: string;
  dir?: "ltr" | "rtl";
  /** Another element that describes the field too (e.g. the instant a local time stands for). */
  alsoDescribedBy?: string;
  /** In fault with its group, whose problem is shown once for all (`alsoDescribedBy` names it), not at the field. */
  inRefusedGroup?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} problem={props.problem}>
      {(describedBy, invalid) => {
        const attributes = {
          id: props.id,
          inputMode: props.inputMode,
          placeholder: props.placeholder,
          lang: props.lang,
          dir: props.dir,
          value: props.value,
          "aria-describedby": props.alsoDescribedBy
            ? [describedBy, props.alsoDescribedBy].filter(Boolean).join(" ")
            : describedBy,
          "aria-invalid": invalid || props.inRefusedGroup === true,
          onInput: (e: { currentTarget: HTMLInputElement }) => props.onInput(e.currentTarget.value),
        };
        // A typed input (a date, a local time) and a plain one are told apart for Preact's input types.
        return props.type ? <input {...attributes} type={props.type} /> : <input {...attributes} />;
      }}
    </Field>
  );
}
