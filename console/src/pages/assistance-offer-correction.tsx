// Correcting an assistance offer in place (PATCH /assistance/offers/{id}, secretariat and experts), against the version
// read when the form opened: only the fields typed are sent, so a colleague's change to another stands; a stale
// write's 412 reads the offer again in place, keeping what was typed; a repeat of another of the provider's offers is
// the API's 409, said above the fields. Its last-updated day is how a stale provider is refreshed.
import { useEffect, useState } from "preact/hooks";
import type { Versioned } from "../api/versioned.ts";
import { deskToday } from "../ui/desk-today.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, nothingChanged, useSubmit } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { AreasField } from "./assistance-areas-field.tsx";
import {
  areasOfValue,
  areasValue,
  correctedWords,
  OFFER_FIELDS,
  type OfferField,
  offerChanges,
  offerFieldWords,
  offerValuesOf,
} from "./assistance-offer-changes.ts";
import { type AssistanceOffer, correctOffer, offerWithEtag } from "./assistance-offers-data.ts";
import { ReadAgainStatus, ReadCurrentVersion } from "./read-current-version.tsx";
import { formOver, readAgainWords, type Typed, typedWith } from "./typed-over.ts";

const unchanged = nothingChanged("Nothing to correct", "change a field before saving, or keep the offer as it is");

interface Props {
  /** After a save, with what it changed in words; the form closes once the list shows it. */
  onSaved: (changed: string) => Promise<void>;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

function CorrectOffer(
  props: Props & { current: Versioned<AssistanceOffer>; onReread: (now: Versioned<AssistanceOffer>) => void },
) {
  const { current } = props;
  // Only the fields typed: the others show the offer as it stands, read again after a 412 included.
  const [typed, setTyped] = useState<Typed<OfferField>>({});
  const [reread, setReread] = useState<{ words: string }>();
  // Opened from a row's button: the keyboard continues in the first field.
  useEffect(() => document.querySelector<HTMLInputElement>("#correct-offer-areas input")?.focus(), []);
  const submitting = useSubmit(async () => {
    const changes = offerChanges(current.value, typed);
    if (Object.keys(changes).length === 0) throw unchanged;
    await correctOffer(current, changes);
    await props.onSaved(correctedWords(changes));
  });
  const { problem } = submitting;
  const stored = offerValuesOf(current.value);
  const values = formOver(stored, typed);
  const type = (field: OfferField, value: string) => setTyped(typedWith(typed, stored, field, value));
  return (
    <FormFrame
      titleId="correct-offer-title"
      title="Correct this offer"
      general={formProblem(problem, OFFER_FIELDS)}
      problemId="correct-offer-problem"
      refusal={problem}
      onSubmit={submitting.submit}
      onKeyDown={props.onKeyDown}
      busy={submitting.busy}
      submitLabel="Save the correction"
    >
      <p class="muted">Its provider never changes: an offer from another provider is recorded as a new one.</p>
      <AreasField
        id="correct-offer-areas"
        chosen={areasOfValue(values.areas)}
        problem={fieldProblem(problem, "areas")}
        onChange={(areas) => type("areas", areasValue(areas))}
      />
      <Field id="correct-offer-description" label="Description" problem={fieldProblem(problem, "description")}>
        {(describedBy, invalid) => (
          <textarea
            id="correct-offer-description"
            value={values.description}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => type("description", e.currentTarget.value)}
          />
        )}
      </Field>
      <InputField
        id="correct-offer-valid-from"
        label="Valid from (YYYY-MM-DD)"
        problem={fieldProblem(problem, "validFrom")}
        inputMode="numeric"
        value={values.validFrom}
        onInput={(value) => type("validFrom", value)}
      />
      <InputField
        id="correct-offer-valid-until"
        label="Valid until (YYYY-MM-DD; open-ended when empty)"
        problem={fieldProblem(problem, "validUntil")}
        inputMode="numeric"
        value={values.validUntil}
        onInput={(value) => type("validUntil", value)}
      />
      <InputField
        id="correct-offer-last-updated"
        label="Last updated by the provider (YYYY-MM-DD)"
        problem={fieldProblem(problem, "lastUpdatedOn")}
        inputMode="numeric"
        value={values.lastUpdatedOn}
        onInput={(value) => type("lastUpdatedOn", value)}
        alsoDescribedBy="correct-offer-last-updated-hint"
      />
      <p id="correct-offer-last-updated-hint" class="muted">
        The day the provider last updated or confirmed the offer (today is {deskToday()}): a provider none of whose
        offers was updated within 12 months is stale. Correcting the desk's record alone leaves it as it is.
      </p>
      <ReadCurrentVersion
        id="correct-offer-read"
        submitting={submitting}
        read={() => offerWithEtag(current.value.id)}
        onRead={(now) => {
          const nowValues = offerValuesOf(now.value);
          const words = offerFieldWords(nowValues.areas, typed.areas ?? nowValues.areas);
          setReread({ words: readAgainWords(nowValues, typed, words) });
          props.onReread(now);
        }}
      />
      <ReadAgainStatus id="correct-offer-now" read={reread} />
      <button type="button" class="secondary" onClick={props.onClose}>
        Keep the offer as it is
      </button>
    </FormFrame>
  );
}

/** The offer `id` read with its ETag, and its correction form; a stale save reads it again here (`put`). */
export function OfferCorrection(props: Props & { id: string }) {
  const [loaded, , put] = useLoad(() => offerWithEtag(props.id), props.id);
  return (
    <div class="editor">
      <Show what={loaded}>{(current) => <CorrectOffer {...props} current={current} onReread={put} />}</Show>
    </div>
  );
}
