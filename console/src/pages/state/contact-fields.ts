// A contact's fields as the add and correct forms lay them out: the body's names, so the API's problems land at them.
// The two forms differ only in what an empty optional field and an empty designation day mean; the owner (a State or
// an organization) gives the roles offered and the language a contact without its own is written in.
import type { FieldSpec } from "../../ui/form.tsx";
import type { DetailField } from "./contact-changes.ts";
import type { ContactOwner } from "./contact-owner.ts";
import { LANGUAGES } from "./labels.ts";

export type ContactField = DetailField;

export function contactFields(
  owner: ContactOwner,
  empty: { optional: string; designatedOn: string },
): readonly FieldSpec<ContactField>[] {
  return [
    { name: "role", label: "Role", control: "select", options: owner.roles },
    { name: "name", label: "Name" },
    { name: "title", label: `Title (${empty.optional})` },
    { name: "agency", label: `Agency (${empty.optional})` },
    { name: "email", label: "E-mail", control: "email" },
    { name: "phone", label: `Telephone (${empty.optional})`, control: "tel" },
    {
      name: "language",
      label: "Language of letters",
      control: "select",
      options: { "": `${owner.whose} (${LANGUAGES[owner.language]})`, ...LANGUAGES },
    },
    { name: "designatedOn", label: `Designated on (YYYY-MM-DD${empty.designatedOn})`, control: "date" },
  ];
}
