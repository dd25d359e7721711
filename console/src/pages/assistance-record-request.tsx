// Recording an assistance request received from a State (status received), from the requests' list or from the
// State's own page (its State given; elsewhere chosen by name, or typed by its code). Empty fields are refused at each
// field before sending; the API's 422 lands at its field too, as does its 409 for a symbol already recorded (another
// request's, or another State's document's: ADR 0068), and a refusal no field names above them. Its labels differ
// from the submission form's, which shares the State's page.
import { useMemo, useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { href } from "../router.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, useSubmit } from "../ui/form.tsx";
import { AreasField } from "./assistance-areas-field.tsx";
import { type AssistanceRequest, createRequest } from "./assistance-data.ts";
import {
  emptyRequestForm,
  newRequestOf,
  REQUEST_FIELDS,
  type RequestForm,
  requestFormRefusal,
} from "./assistance-new-request.ts";
import { statesNamedIn } from "./named-states.ts";
import { NO_NAMES, type OwnerNames, providerName } from "./provider-names.ts";
import { StateEntryField } from "./state-entry-field.tsx";

export function RecordRequest(props: {
  /** The requesting State, on its own page; asked for otherwise. */
  iso3?: string;
  /** States by name, where the form asks for one (the State's own page needs none). */
  names?: OwnerNames;
  /** The heading's level: 3 in a State's panel, 2 on the requests' page. */
  level: 2 | 3;
  /** Reads the list again: the form stays busy until it shows the new request. */
  onRecorded: (request: AssistanceRequest) => Promise<void>;
}) {
  const [form, setForm] = useState<RequestForm>(() => emptyRequestForm(props.iso3));
  const [recorded, setRecorded] = useState<AssistanceRequest>();
  const names = props.names ?? NO_NAMES;
  const states = useMemo(() => statesNamedIn(names), [names]);
  const { problem, busy, submit } = useSubmit(async () => {
    // A refusal leaves no word of an earlier request recorded next to it.
    setRecorded(undefined);
    const refused = requestFormRefusal(form, states);
    if (refused) throw new ProblemError(refused);
    const request = await createRequest(newRequestOf(form, states));
    await props.onRecorded(request);
    setRecorded(request);
    // A request is one document: the form starts empty for the next (its State kept on the State's page).
    setForm(emptyRequestForm(props.iso3));
  });
  const general = formProblem(problem, REQUEST_FIELDS);
  const from = (iso3: string) => (props.iso3 ? "" : ` from ${providerName({ kind: "state", iso3 }, names)}`);
  return (
    <FormFrame
      titleId="new-request-title"
      title={props.iso3 ? "Record a request from this State" : "Record a request"}
      level={props.level}
      general={general}
      problemId="new-request-problem"
      refusal={problem}
      onSubmit={submit}
      busy={busy}
      submitLabel="Record the request"
    >
      <p role="status" id="new-request-said">
        {recorded && (
          <>
            Recorded <a href={href.assistanceRequest(recorded.id)}>{recorded.symbol}</a>
            {from(recorded.iso3)}.
          </>
        )}
      </p>
      {!props.iso3 && (
        <StateEntryField
          id="new-request-iso3"
          label="State (name or ISO code)"
          problem={fieldProblem(problem, "iso3")}
          value={form.iso3}
          states={states}
          onInput={(iso3) => setForm({ ...form, iso3 })}
        />
      )}
      <InputField
        id="new-request-symbol"
        label="Request symbol (e.g. S/AC.44/2026/MWI/1)"
        problem={fieldProblem(problem, "symbol")}
        value={form.symbol}
        onInput={(symbol) => setForm({ ...form, symbol })}
      />
      <InputField
        id="new-request-received-on"
        label="Day received (YYYY-MM-DD)"
        problem={fieldProblem(problem, "receivedOn")}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        value={form.receivedOn}
        onInput={(receivedOn) => setForm({ ...form, receivedOn })}
      />
      <AreasField
        id="new-request-areas"
        chosen={form.areas}
        problem={fieldProblem(problem, "areas")}
        onChange={(areas) => setForm({ ...form, areas })}
      />
      <Field
        id="new-request-description"
        label="What the State asks for"
        problem={fieldProblem(problem, "description")}
      >
        {(describedBy, invalid) => (
          <textarea
            id="new-request-description"
            value={form.description}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setForm({ ...form, description: e.currentTarget.value })}
          />
        )}
      </Field>
      <div class="field">
        <label>
          <input
            type="checkbox"
            checked={form.consentedToCirculation}
            onChange={(e) => setForm({ ...form, consentedToCirculation: e.currentTarget.checked })}
          />{" "}
          The State consents in its request to circulation (no consent window to wait out)
        </label>
      </div>
    </FormFrame>
  );
}
