// A State chosen by name from the 193 (a list to pick from as one types), or typed by its ISO code, as the letter
// preview chooses one (correspondence/template.tsx); the entry's problem said at the field.
import { Field } from "../ui/form.tsx";
import type { NamedState } from "./named-states.ts";

export function StateEntryField(props: {
  id: string;
  label: string;
  value: string;
  problem: string | undefined;
  states: readonly NamedState[];
  onInput: (value: string) => void;
}) {
  const listId = `${props.id}-states`;
  return (
    <Field id={props.id} label={props.label} problem={props.problem}>
      {(describedBy, invalid) => (
        <>
          <input
            id={props.id}
            list={listId}
            value={props.value}
            size={28}
            autocomplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
          <datalist id={listId}>
            {props.states.map(({ iso3, name }) => (
              <option key={iso3} value={name}>
                {iso3}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
