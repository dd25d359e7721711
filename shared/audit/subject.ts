// Which State an audit entry concerns, read from the entry itself, so that every writer's entries land on the
// State's trail (the audit table's byState index) without each writer having to say so.
import type { AuditInput } from "./audit-entry.ts";

const ISO3 = /^[A-Z]{3}$/;

const field = (image: unknown, name: string): unknown =>
  image !== null && typeof image === "object" ? (image as Record<string, unknown>)[name] : undefined;

const code = (value: unknown): string | undefined =>
  typeof value === "string" && ISO3.test(value) ? value : undefined;

/** `STATE:FRA` -> `FRA`; an organization's owner (`ORG:iaea`) names no State. */
const ownerState = (owner: unknown): string | undefined =>
  typeof owner === "string" && owner.startsWith("STATE:") ? code(owner.slice("STATE:".length)) : undefined;

/** A provider `{ kind: "state", iso3 }` names a State; an organization does not. */
const providerState = (provider: unknown): string | undefined =>
  field(provider, "kind") === "state" ? code(field(provider, "iso3")) : undefined;

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
 * Entries about no single State (a wave, a template, the registry seed) have none.
 */
export function auditedState(entry: Pick<AuditInput, "entity" | "before" | "after">): string | undefined {
  if (entry.entity.type === "state" || entry.entity.type === "matrix") return code(entry.entity.id);
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
export type TrailKind = (typeof trailKinds)[number];

/** What an audited write is about, by its action's words: `submission.void` is a submission, `contacts.import` a contact. */
export function trailKindOf(action: string): TrailKind | undefined {
  const [head = "", second] = action.split(".");
  if (head === "state") return second === "reporting-status" ? "reporting-status" : "state";
  if (head === "contact" || head === "contacts") return "contact";
  return (["submission", "obligation", "assistance", "matrix"] as const).find((kind) => kind === head);
}
