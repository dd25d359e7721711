// A State's point-of-contact view (current, stale, unreachable, missing), derived from its contacts and the date.
import { type Clock, deskToday } from "../clock.ts";
import type { ObligationStatus } from "../reporting/schemas.ts";
import type { Contact, ContactRole, PocView } from "./schemas.ts";

/**
 * The roles that make a State's 1540 point of contact: in the capital and at the Permanent Mission in New York.
 * A provider-poc speaks for the State's assistance offers, not for its implementation of the resolution.
 */
export const POC_ROLES: readonly ContactRole[] = ["capital-poc", "mission-poc"];

/**
 * The State's Permanent Mission to the United Nations as an address of record: where a State letter goes when no
 * point of contact is reachable. It is not a 1540 point of contact, so it never counts in the coverage below.
 */
export const MISSION_ROLE: ContactRole = "permanent-mission";

/** How long a verification holds. */
export const VERIFICATION_MONTHS = 12;

/**
 * The first day on which a verification still counts: the same calendar day 12 months before `today` (29 February
 * falls back to 28). A contact verified on that day is current for the whole day; one verified before it is stale.
 */
export function staleBefore(today: string): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${year - 1}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}

/** Stale: active and not verified within 12 months. A deactivated contact is history, neither stale nor current. */
export const isStale = (contact: Pick<Contact, "active" | "lastVerifiedOn">, cutoff: string) =>
  contact.active && contact.lastVerifiedOn < cutoff;

export interface PocCoverage {
  view: PocView;
  evaluatedOn: string;
  staleBefore: string;
  activeContacts: number;
  reachableContacts: number;
  currentContacts: number;
  lastVerifiedOn?: string;
}

/** Derives the view from the State's contacts; only its capital and mission points of contact count. */
export function pocCoverage(contacts: readonly Contact[], clock: Clock): PocCoverage {
  const evaluatedOn = deskToday(clock);
  const cutoff = staleBefore(evaluatedOn);
  const active = contacts.filter((contact) => contact.active && POC_ROLES.includes(contact.role));
  const reachable = active.filter((contact) => contact.emailStatus === "ok");
  const current = reachable.filter((contact) => !isStale(contact, cutoff));
  const view: PocView = !active.length
    ? "missing"
    : !reachable.length
      ? "unreachable"
      : current.length
        ? "current"
        : "stale";
  // ISO dates sort as text.
  const lastVerifiedOn = reachable
    .map((contact) => contact.lastVerifiedOn)
    .sort()
    .at(-1);
  return {
    view,
    evaluatedOn,
    staleBefore: cutoff,
    activeContacts: active.length,
    reachableContacts: reachable.length,
    currentContacts: current.length,
    ...(lastVerifiedOn ? { lastVerifiedOn } : {}),
  };
}

/** The point-of-contact obligation is fulfilled exactly while the view is current. */
export const obligationStatusFor = (view: PocView): ObligationStatus =>
  view === "current" ? "fulfilled" : "outstanding";
