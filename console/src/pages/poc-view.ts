// A point of contact's standing, as GET /states/{iso3}/point-of-contact defines it for a State
// (shared/contacts/poc-coverage.ts), read from the contact lists (contacts-by-owner.ts): home counts the States by it,
// the organizations list says it of each organization. Only the document's types, so it is tested in Node
// (test/unit/console-poc-view.test.ts) against the API's own rule.
import type { components } from "../api/schema";

type Contact = components["schemas"]["Contact"];

export type PocView = "current" | "stale" | "unreachable" | "missing";

export const POC_LABELS: Readonly<Record<PocView, string>> = {
  current: "current (verified within 12 months)",
  stale: "stale (not verified for 12 months)",
  unreachable: "unreachable (no working address)",
  missing: "no point of contact",
};

/** From an owner's active contacts of the roles that count: current if one with a working address is not stale. */
export function pocViewOf(contacts: readonly Pick<Contact, "emailStatus" | "stale">[]): PocView {
  const reachable = contacts.filter((contact) => contact.emailStatus === "ok");
  if (contacts.length === 0) return "missing";
  if (reachable.length === 0) return "unreachable";
  return reachable.some((contact) => !contact.stale) ? "current" : "stale";
}
