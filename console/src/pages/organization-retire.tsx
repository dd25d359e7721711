// An organization's retirement on its page (ADR 0061): said when it is retired (the day, who, why); otherwise, for the
// secretariat, "Retire this organization" opens the question with its reason (the contacts' deactivation's pattern:
// the keyboard goes on in the reason, Escape keeps the organization and gives the focus back to the button). A refusal
// is the API's words: what still acts for it (409), or a change made meanwhile (412), read again in place; found
// retired meanwhile, the form closes on the retirement.
import { useEffect, useState } from "preact/hooks";
import type { Versioned } from "../api/versioned.ts";
import { useFocusReturn } from "../ui/focus-return.ts";
import { FieldForm, useSubmit } from "../ui/form.tsx";
import { isRetired, RETIREMENT_MEANS, retiredWords } from "./organization-retirement.ts";
import { type Organization, organizationWithEtag, retireOrganization } from "./organizations-data.ts";
import { ReadCurrentVersion } from "./read-current-version.tsx";

const RETIRED_ID = "organization-retired";

function RetireForm(props: {
  current: Versioned<Organization>;
  onRetired: (written: Versioned<Organization>) => void;
  onReread: (current: Versioned<Organization>) => void;
  onCancel: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const { current } = props;
  const [form, setForm] = useState({ reason: "" });
  // Opened from the button: the keyboard continues in the reason.
  useEffect(() => document.getElementById("retire-organization-reason")?.focus(), []);
  const submitting = useSubmit(async () => props.onRetired(await retireOrganization(current, form.reason)));
  return (
    <FieldForm
      name="retire-organization"
      prefix="retire-organization"
      title={`Retire ${current.value.name} (${current.value.acronym})`}
      level={2}
      fields={[
        {
          name: "reason",
          // Kept on the organization and on its timeline, which experts and members read (ADR 0048: no persons).
          label: "Why (recorded twice, dissolved…); experts and members read it, so name no one",
          control: "textarea",
        },
      ]}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel="Retire the organization"
      onKeyDown={props.onKeyDown}
    >
      <p class="muted">{RETIREMENT_MEANS} Deactivate its active contacts first.</p>
      <ReadCurrentVersion
        id="retire-organization-read"
        submitting={submitting}
        read={() => organizationWithEtag(current.value.id)}
        onRead={props.onReread}
        gone={{ is: (now) => isRetired(now.value), leave: async (now) => props.onRetired(now) }}
      />
      <button type="button" class="secondary" onClick={props.onCancel}>
        Keep the organization
      </button>
    </FieldForm>
  );
}

export function OrganizationRetirement(props: {
  current: Versioned<Organization>;
  /** The secretariat's: POST /organizations/{id}/retire. */
  mayRetire: boolean;
  /** The organization as it now stands: retired by this page, or read again after a 412. */
  onChanged: (current: Versioned<Organization>) => void;
}) {
  const organization = props.current.value;
  const [open, setOpen] = useState(false);
  const focusReturn = useFocusReturn();
  // Escape or "Keep" gives the focus back to the button; once retired, the button has gone: the retirement has it.
  const close = () => {
    setOpen(false);
    focusReturn.closed(() => document.getElementById(RETIRED_ID));
  };
  if (isRetired(organization)) {
    return (
      <p id={RETIRED_ID} data-field="retired" tabIndex={-1}>
        <strong>{retiredWords(organization)}.</strong> {RETIREMENT_MEANS}
      </p>
    );
  }
  if (!props.mayRetire) return null;
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-expanded={open}
        onClick={() => {
          focusReturn.opened();
          setOpen(true);
        }}
      >
        Retire this organization
      </button>
      {open && (
        <RetireForm
          current={props.current}
          onRetired={(written) => {
            close();
            props.onChanged(written);
          }}
          onReread={props.onChanged}
          onCancel={close}
          onKeyDown={focusReturn.escapeCloses(close)}
        />
      )}
    </>
  );
}
