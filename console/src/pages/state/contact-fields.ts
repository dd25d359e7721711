// A State's contact's fields as the add and correct forms lay them out: the body's names, so the API's problems land
// at them. The two forms differ only in what an empty optional field and an empty designation day mean.
import type { FieldSpec } from "../../ui/form.tsx";
import type { CorrectableField } from "./contact-changes.ts";
import type { State } from "./data.ts";
import { LANGUAGES, STATE_CONTACT_ROLES } from "./labels.ts";

export type ContactField = CorrectableField;

export function contactFields(
  state: State,
  empty: { optional: string; designatedOn: string },
): readonly FieldSpec<ContactField>[] {
  return [
    { name: "role", label: "Role", control: "select", options: STATE_CONTACT_ROLES },
    { name: "name", label: "Name" },
    { name: "title", label: `Title (${empty.optional})` },
    { name: "agency", label: `Agency (${empty.optional})` },
    { name: "email", label: "E-mail", control: "email" },
    { name: "phone", label: `Telephone (${empty.optional})`, control: "tel" },
    {
      name: "language",
      label: "Language of letters",
      control: "select",
      options: { "": `The State's (${LANGUAGES[state.language]})`, ...LANGUAGES },
    },
    { name: "designatedOn", label: `Designated on (YYYY-MM-DD${empty.designatedOn})`, control: "date" },
  ];
}
