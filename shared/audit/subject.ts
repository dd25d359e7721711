// Which State, and which organization, an audit entry concerns, read from the entry itself, so that every writer's
// entries land on the State's trail (the audit table's byState index) and the organization's (byOrganization) without
// each writer having to say so.
import { ORGANIZATION_ID } from "../organizations/keys.ts";
import type { AuditInput } from "./audit-entry.ts";

const ISO3 = /^[A-Z]{3}$/;

const field = (image: unknown, name: string): unknown =>
  image !== null && typeof image === "object" ? (image as Record<string, unknown>)[name] : undefined;

/** A value that is text matching `pattern`, else undefined. */
const matching =
  (pattern: RegExp) =>
  (value: unknown): string | undefined =>
    typeof value === "string" && pattern.test(value) ? value : undefined;

const code = matching(ISO3);
const organizationId = matching(ORGANIZATION_ID);

/** An owner's text for one kind of owner: `STATE:FRA` -> `FRA` (a State's), `ORG:iaea` -> `iaea` (an organization's). */
const ownerOfKind =
  (prefix: "STATE:" | "ORG:", id: (value: unknown) => string | undefined) =>
  (owner: unknown): string | undefined =>
    typeof owner === "string" && owner.startsWith(prefix) ? id(owner.slice(prefix.length)) : undefined;

/** A provider of one kind: `{ kind: "state", iso3 }`, `{ kind: "organization", id }`. */
const providerOfKind =
  (kind: "state" | "organization", name: "iso3" | "id", id: (value: unknown) => string | undefined) =>
  (provider: unknown): string | undefined =>
    field(provider, "kind") === kind ? id(field(provider, name)) : undefined;

const ownerState = ownerOfKind("STATE:", code);
const providerState = providerOfKind("state", "iso3", code);
const ownerOrganization = ownerOfKind("ORG:", organizationId);
const providerOrganization = providerOfKind("organization", "id", organizationId);

function fromImage(image: unknown): string | undefined {
  return (
    code(field(image, "iso3")) ??
    ownerState(field(image, "owner")) ??
    providerState(field(image, "provider")) ??
    ownerState(field(image, "stateOwner"))
  );
}

/**
 * The State an entry is about: the entity itself (a State, its matrix), or the State named by the record written
 * (a submission's or request's `iso3`, a contact's owner, an offer's provider, a batch entry's `iso3`).
 * Entries about no single State (a wave, a template) have none.
 */
export function auditedState(entry: Pick<AuditInput, "entity" | "before" | "after">): string | undefined {
  if (entry.entity.type === "state" || entry.entity.type === "matrix") return code(entry.entity.id);
  return fromImage(entry.after) ?? fromImage(entry.before);
}

/**
 * The organization an entry is about: the organization itself, or the one named by the record written (a contact's
 * owner, an offer's or a match's provider, a batch entry's owner).
 */
export function auditedOrganization(entry: Pick<AuditInput, "entity" | "before" | "after">): string | undefined {
  if (entry.entity.type === "organization") return organizationId(entry.entity.id);
  const fromImage = (image: unknown) =>
    ownerOrganization(field(image, "owner")) ?? providerOrganization(field(image, "provider"));
  return fromImage(entry.after) ?? fromImage(entry.before);
}

/** The kinds of entry on a State's timeline (the `kinds` filter); letters come from the send ledger. */
export const trailKinds = [
  "submission",
  "reporting-status",
  "obligation",
  "letter",
  "contact",
  "assistance",
  "matrix",
  "state",
] as const;
/** The kinds of entry on an organization's timeline. */
export const organizationTrailKinds = ["organization", "contact", "assistance", "letter"] as const;
export type TrailKind = (typeof trailKinds)[number] | (typeof organizationTrailKinds)[number];

/**
 * What an audited write is about, by its action's words: `submission.void` is a submission, `contacts.import` a contact,
 * a seed's entry the State (`registry.seed`) or the organization (`organizations.seed`) it added.
 */
export function trailKindOf(action: string): TrailKind | undefined {
  const [head = "", second] = action.split(".");
  if (head === "state") return second === "reporting-status" ? "reporting-status" : "state";
  if (head === "registry") return "state";
  if (head === "organization" || head === "organizations") return "organization";
  if (head === "contact" || head === "contacts") return "contact";
  return (["submission", "obligation", "assistance", "matrix"] as const).find((kind) => kind === head);
}
