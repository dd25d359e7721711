// Recording the State's consent to circulation, before circulation (the API's 409 after it, or a second time): how it
// came, and the day it was received. Written against the request's ETag; the answer is the request as it now stands.
// Refused as stale (a colleague recorded the consent or moved the request meanwhile), the request is read again in
// place: the page says what changed, and keeps this form, with what was typed, only where the consent is still due.
import { useState } from "preact/hooks";
import { FieldForm, type FieldSpec, useSubmit } from "../ui/form.tsx";
import { type AssistanceRequest, recordConsent, requestWithEtag, type Versioned } from "./assistance-data.ts";
import { afterStaleConsent } from "./assistance-request-stale.ts";
import { ReadCurrentVersion } from "./read-current-version.tsx";

type ConsentField = "reason" | "on";

/** The id of the form's first field: the move's advice to record the consent takes the keyboard there. */
export const CONSENT_FIRST_FIELD = "consent-reason";

const FIELDS: readonly FieldSpec<ConsentField>[] = [
  { name: "reason", label: "How the consent came (e.g. the Note Verbale's symbol)", control: "textarea" },
  { name: "on", label: "Received on (YYYY-MM-DD; today when empty)", control: "date" },
];

export function ConsentForm({
  current,
  onConsented,
  onReread,
}: {
  current: Versioned<AssistanceRequest>;
  onConsented: (consented: Versioned<AssistanceRequest>) => void;
  /** The request read again after a stale refusal, with what changed meanwhile in words. */
  onReread: (now: Versioned<AssistanceRequest>, changed: string) => void;
}) {
  const [form, setForm] = useState<Record<ConsentField, string>>({ reason: "", on: "" });
  const submitting = useSubmit(async () => {
    const on = form.on.trim();
    onConsented(await recordConsent(current.value.id, current.etag, { reason: form.reason, ...(on ? { on } : {}) }));
  });
  return (
    <FieldForm
      name="consent"
      prefix="consent"
      title="Record the State's consent to circulation"
      level={2}
      fields={FIELDS}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel="Record the consent"
    >
      <p class="muted">
        With the State's consent the request may be circulated to providers before its consent window closes.
      </p>
      <ReadCurrentVersion
        id="consent-read"
        submitting={submitting}
        read={() => requestWithEtag(current.value.id)}
        onRead={(now) => onReread(now, afterStaleConsent(current.value, now.value))}
      />
    </FieldForm>
  );
}
