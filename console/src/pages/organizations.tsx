// The international, regional and subregional organizations the Committee writes to, each linked to its page (its
// points of contact) with its point of contact's standing (poc-view.ts), as a letter to it would find it; the retired
// ones (written to no more) only when asked for, each marked with its retirement; the secretariat adds one. A refused
// addition shows the API's problem at its field.
import { useState } from "preact/hooks";
import { allOrganizations } from "../api/owner-names.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../routes.ts";
import { FieldForm, type FieldSpec, useSubmit } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { activeContactsByOwner } from "./contacts-by-owner.ts";
import { KINDS } from "./organization-changes.ts";
import { newOrganizationId } from "./organization-new-id.ts";
import { isRetired, organizationsListed, retiredWords, showRetiredLabel } from "./organization-retirement.ts";
import { addOrganization, type Organization } from "./organizations-data.ts";
import { POC_LABELS, pocViewOf } from "./poc-view.ts";
import { organizationOwner } from "./state/contact-owner.ts";
import { codeIn } from "./state/labels.ts";

type NewField = "kind" | "name" | "acronym" | "region" | "note";

export const ORGANIZATION_FIELDS: readonly FieldSpec<NewField>[] = [
  { name: "kind", label: "Kind", control: "select", options: KINDS },
  { name: "name", label: "Name" },
  { name: "acronym", label: "Acronym" },
  { name: "region", label: "Region (regional and subregional ones; optional)" },
  { name: "note", label: "Note (optional)", control: "textarea" },
];

/** `recorded`: the organizations as listed, the retired among them, whose ids a new one cannot take. */
function AddOrganization({ recorded, onAdded }: { recorded: readonly Organization[]; onAdded: () => void }) {
  const empty: Record<NewField, string> = { kind: "international", name: "", acronym: "", region: "", note: "" };
  const [form, setForm] = useState(empty);
  const [added, setAdded] = useState<string>();
  const newId = newOrganizationId(form.acronym, recorded);
  const submitting = useSubmit(async () => {
    const organization = await addOrganization({
      ...(newId ? { id: newId.id } : {}),
      kind: codeIn(KINDS, form.kind) ?? "international",
      name: form.name,
      acronym: form.acronym,
      ...(form.region.trim() ? { region: form.region } : {}),
      ...(form.note.trim() ? { note: form.note } : {}),
    });
    setForm(empty);
    setAdded(`${organization.name} added, as ${organization.id}.`);
    onAdded();
  });
  return (
    <FieldForm
      name="add-organization"
      prefix="organization"
      title="Add an organization"
      level={2}
      fields={ORGANIZATION_FIELDS}
      values={form}
      onChange={(name, value) => {
        setAdded(undefined);
        setForm({ ...form, [name]: value });
      }}
      submitting={submitting}
      submitLabel="Add the organization"
    >
      {newId && (
        <p class="muted" data-field="new-organization-id">
          {newId.why}
        </p>
      )}
      {added && <p role="status">{added}</p>}
    </FieldForm>
  );
}

/** The organizations, each with its contacts of the organization's role: who the letters to them would reach. */
async function organizationsWithContacts() {
  const [organizations, contacts] = await Promise.all([
    allOrganizations(),
    activeContactsByOwner(["organization-poc"]),
  ]);
  return { organizations, contacts };
}

/** Shows the retired organizations too; offered only while one is. */
function ShowRetired(props: { label: string | undefined; checked: boolean; onChange: (checked: boolean) => void }) {
  if (!props.label) return null;
  return (
    <p>
      <label>
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />{" "}
        {props.label}
      </label>
    </p>
  );
}

export function Organizations({ session }: { session: Session }) {
  const [list, reload] = useLoad(organizationsWithContacts, "organizations");
  const [showRetired, setShowRetired] = useState(false);
  return (
    <>
      <h1>Organizations</h1>
      <p>International, regional and subregional organizations: their points of contact get the Committee's letters.</p>
      <Show what={list}>
        {({ organizations: rows, contacts }) => (
          <>
            <ShowRetired label={showRetiredLabel(rows)} checked={showRetired} onChange={setShowRetired} />
            <ListTable
              label="Organizations"
              list="organizations"
              empty="No organization on record."
              rows={organizationsListed(rows, showRetired)}
              keyOf={(organization) => organization.id}
              classOf={(organization) => (isRetired(organization) ? "inactive" : undefined)}
              columns={[
                {
                  header: "Name",
                  names: true,
                  cell: (organization) => <a href={href.organization(organization.id)}>{organization.name}</a>,
                },
                { header: "Acronym", cell: (organization) => organization.acronym },
                { header: "Kind", cell: (organization) => KINDS[organization.kind] },
                { header: "Region", cell: (organization) => organization.region ?? "" },
                {
                  header: "Point of contact",
                  cell: (organization) =>
                    isRetired(organization)
                      ? retiredWords(organization)
                      : POC_LABELS[pocViewOf(contacts.get(organizationOwner(organization).owner) ?? [])],
                },
              ]}
            />
          </>
        )}
      </Show>
      {may(session.group, "POST /organizations") && (
        <AddOrganization recorded={list.status === "ready" ? list.data.organizations : []} onAdded={reload} />
      )}
    </>
  );
}
