// "Correct this request" on a request's page, for the groups that may (PATCH /assistance/requests/{id}): its symbol,
// the day it was received, its areas and its description, typed over the request as the page shows it, against that
// version: only the fields changed are sent (assistance-request-changes.ts), so a colleague's change to another
// stands. The API's refusals land at the field they name (a symbol another request's or another State's document's,
// ADR 0068; a day in the future, before resolution 1540 or after something on the request's file). A stale save (412)
// reads the request again in place, keeping what was typed, and says what changed. It sits under what it corrects,
// with its own status line.
import { useEffect, useState } from "preact/hooks";
import { api, dataOf } from "../api/client.ts";
import { type Versioned, versionedOf } from "../api/versioned.ts";
import { useFocusReturn } from "../ui/focus-return.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, nothingChanged, useSubmit } from "../ui/form.tsx";
import { AreasField } from "./assistance-areas-field.tsx";
import { type AssistanceRequest, requestWithEtag } from "./assistance-data.ts";
import { areasOfValue, areasValue } from "./assistance-offer-changes.ts";
import {
  correctedWords,
  REQUEST_CORRECTION_FIELDS,
  type RequestChanges,
  type RequestField,
  requestCorrectionOf,
  requestValuesOf,
  staleCorrectionWords,
} from "./assistance-request-changes.ts";
import { ReadAgainStatus, ReadCurrentVersion } from "./read-current-version.tsx";
import { formOver, type Typed, typedWith } from "./typed-over.ts";

const unchanged = nothingChanged("Nothing to correct", "change a field before saving, or keep the request as it is");

/** Corrects the request as read (refused as stale, 412, when it changed since): only the fields in `changes`. */
async function correctRequest(
  current: Versioned<AssistanceRequest>,
  changes: RequestChanges,
): Promise<Versioned<AssistanceRequest>> {
  const result = await api.PATCH("/assistance/requests/{id}", {
    params: { path: { id: current.value.id }, header: { "If-Match": current.etag } },
    body: changes,
  });
  return versionedOf(dataOf(result), result.response);
}

interface Shown {
  /** The request as it stands, with its ETag: corrected, or read again after a stale refusal. For the page to show. */
  onShown: (current: Versioned<AssistanceRequest>) => void;
}

function CorrectRequest(
  props: Shown & {
    current: Versioned<AssistanceRequest>;
    /** After a save, with what it corrected in words ("the symbol and the day received"). */
    onCorrected: (changed: string) => void;
    onClose: () => void;
    onKeyDown: (event: KeyboardEvent) => void;
  },
) {
  const { current } = props;
  // Only the fields typed: the others show the request as it stands, read again after a 412 included.
  const [typed, setTyped] = useState<Typed<RequestField>>({});
  const [reread, setReread] = useState<{ words: string }>();
  // Opened from its button: the keyboard continues in the first field.
  useEffect(() => document.getElementById("correct-request-symbol")?.focus(), []);
  const submitting = useSubmit(async () => {
    const changes = requestCorrectionOf(current.value, typed);
    if (Object.keys(changes).length === 0) throw unchanged;
    props.onShown(await correctRequest(current, changes));
    props.onCorrected(correctedWords(changes));
  });
  const { problem } = submitting;
  const stored = requestValuesOf(current.value);
  const values = formOver(stored, typed);
  const type = (field: RequestField, value: string) => setTyped(typedWith(typed, stored, field, value));
  return (
    <FormFrame
      titleId="correct-request-title"
      title="Correct this request"
      level={2}
      general={formProblem(problem, REQUEST_CORRECTION_FIELDS)}
      problemId="correct-request-problem"
      refusal={problem}
      onSubmit={submitting.submit}
      onKeyDown={props.onKeyDown}
      busy={submitting.busy}
      submitLabel="Save the correction"
    >
      <p class="muted">Its State never changes: a request from another State is recorded as a new one.</p>
      <InputField
        id="correct-request-symbol"
        label="Request symbol"
        problem={fieldProblem(problem, "symbol")}
        value={values.symbol}
        onInput={(value) => type("symbol", value)}
      />
      <InputField
        id="correct-request-received-on"
        label="Day received (YYYY-MM-DD)"
        problem={fieldProblem(problem, "receivedOn")}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        value={values.receivedOn}
        onInput={(value) => type("receivedOn", value)}
      />
      <AreasField
        id="correct-request-areas"
        chosen={areasOfValue(values.areas)}
        problem={fieldProblem(problem, "areas")}
        onChange={(areas) => type("areas", areasValue(areas))}
      />
      <Field
        id="correct-request-description"
        label="What the State asks for"
        problem={fieldProblem(problem, "description")}
      >
        {(describedBy, invalid) => (
          <textarea
            id="correct-request-description"
            value={values.description}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => type("description", e.currentTarget.value)}
          />
        )}
      </Field>
      <ReadCurrentVersion
        id="correct-request-read"
        submitting={submitting}
        read={() => requestWithEtag(current.value.id)}
        onRead={(now) => {
          setReread({ words: staleCorrectionWords(current.value, now.value, typed) });
          props.onShown(now);
        }}
      />
      <ReadAgainStatus id="correct-request-now" read={reread} />
      <button type="button" class="secondary" onClick={props.onClose}>
        Keep the request as it is
      </button>
    </FormFrame>
  );
}

/**
 * The button that opens the correction, the form while open, and the status line saying what a save corrected. Saved,
 * Escape or "Keep" closes the form, and the keyboard goes back to the button.
 */
export function RequestCorrection(props: Shown & { current: Versioned<AssistanceRequest> }) {
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState("");
  const focusReturn = useFocusReturn();
  const close = () => {
    setOpen(false);
    focusReturn.closed();
  };
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-expanded={open}
        onClick={() => {
          focusReturn.opened();
          setSaid("");
          setOpen(true);
        }}
      >
        Correct this request
      </button>
      <p role="status" id="request-corrected">
        {said}
      </p>
      {open && (
        <CorrectRequest
          current={props.current}
          onShown={props.onShown}
          onCorrected={(changed) => {
            close();
            setSaid(`Corrected ${changed}.`);
          }}
          onClose={close}
          onKeyDown={focusReturn.escapeCloses(close)}
        />
      )}
    </>
  );
}
