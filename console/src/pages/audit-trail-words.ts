// An audit entry in words: who did it, the record it is about (linked to its page where the console has one), and its
// before and after field by field. Pure, tested in Node (test/unit/console-audit-trail.test.ts).

import { listed } from "../../../shared/listed.ts";
import { possessive } from "../../../shared/possessive.ts";
import type { components } from "../api/schema";
import { href } from "../routes.ts";
import { counted } from "../ui/counted.ts";
import type { ImageRow } from "./audit-image-words.ts";
import { auditTrailHref } from "./audit-trail-query.ts";
import { utcText } from "./correspondence/time.ts";
import type { OwnerNames } from "./provider-names.ts";
import { NO_RECORD_NAMES, type RecordName, type RecordRef } from "./record-names.ts";
import { actionWords } from "./state/actions.ts";
import { CONTACT_ROLES, codeIn } from "./state/labels.ts";

type Schemas = components["schemas"];
export type AuditEntry = Schemas["AuditEntry"];

export interface Linked {
  text: string;
  href?: string;
}

const fieldOf = (image: unknown, name: string): unknown =>
  image !== null && typeof image === "object" ? (image as Record<string, unknown>)[name] : undefined;

/** A text field of the entry's after, else its before (a deactivation keeps the name in both); "" when neither. */
function textOf(entry: Pick<AuditEntry, "before" | "after">, name: string): string {
  for (const image of [entry.after, entry.before]) {
    const value = fieldOf(image, name);
    if (typeof value === "string" && value) return value;
  }
  return "";
}

/** A contact's owner's page (`STATE:MLI`, `ORG:iaea`): the console shows contacts there, having no page of their own. */
export function ownerHref(owner: string): string | undefined {
  const [kind, id] = owner.split(":");
  if (!id) return undefined;
  if (kind === "STATE") return href.state(id);
  if (kind === "ORG") return href.organization(id);
  return undefined;
}

/** The desk's own jobs, as the system actors the functions write name them (systemActor in shared/auth/actor.ts). */
const SYSTEM_JOBS: Readonly<Record<string, string>> = {
  "ses-events": "SES's report on a letter",
  "wave-dispatch": "the desk's dispatch",
  "wave-sweep": "the desk's sweep of stalled waves",
  snapshot: "the quarterly snapshot",
  "assistance-report": "the pending-assistance report",
  "programme-reminders": "the programme's reminders",
  seed: "the desk's first data",
  "seed-demo": "the demonstration data",
};

/** Who did it: a person by username (their id where the entry kept none), the system by its job, in words. */
export function actorWords(
  actor: AuditEntry["actor"] | { kind: "user" | "system"; id: string; username?: string | undefined },
): string {
  if (actor.kind === "user") return actor.username ?? actor.id;
  return SYSTEM_JOBS[actor.id] ?? `the system (${actor.id})`;
}

/** Long texts (an offer's description) cut to their start. */
export const shortened = (text: string): string => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

const REPORT_ID = /^\d{4}-[123]$/;
const YEAR = /^\d{4}$/;

/** A programme reminder's id: `<year>/<activity>/<due by>/<days before>` (shared/programme/keys.ts). */
function reminderWords(id: string): Linked {
  const parts = id.split("/");
  const [year = "", dueBy = "", offset = ""] = [parts[0], parts.at(-2), parts.at(-1)];
  if (parts.length < 4 || !YEAR.test(year)) return { text: `programme reminder ${id}` };
  return {
    text: `programme reminder ${offset} days before ${dueBy} (programme of work ${year})`,
    href: href.programmeYear(Number(year)),
  };
}

type Imaged = Pick<AuditEntry, "action" | "entity" | "before" | "after">;

/**
 * A contacts import's entry (or the demonstration seed's), one per owner and transaction (shared/contacts/batch.ts),
 * by what it did rather than by the batch's own id: "3 contacts of Mali (1 created and 2 updated)", on Mali's page.
 */
function contactBatchWords(entry: Imaged, names: OwnerNames): Linked {
  const count = (name: string) => {
    const list = fieldOf(entry.after, name);
    return Array.isArray(list) ? list.length : 0;
  };
  const [created, updated] = [count("created"), count("updated")];
  const iso3 = textOf(entry, "iso3");
  const owner = iso3 ? `STATE:${iso3}` : textOf(entry, "owner");
  const whose = owner ? ` of ${names.get(owner) ?? owner}` : "";
  const done = listed([created ? `${created} created` : "", updated ? `${updated} updated` : ""].filter(Boolean));
  const page = ownerHref(owner);
  return {
    text: `${counted(created + updated, "contact")}${whose}${done ? ` (${done})` : ""}`,
    ...(page ? { href: page } : {}),
  };
}

/**
 * The records an entry names by id alone, to be read by name (record-names.ts): a wave whose images hold no
 * description (a test copy's, a redispatch's), an assistance request whose hold no symbol (a move's, a match's).
 */
export function recordsToName(entry: Imaged): RecordRef[] {
  const { type, id } = entry.entity;
  if (type === "wave" && !textOf(entry, "description")) return [{ kind: "wave", id }];
  if (type === "assistance-request" && !textOf(entry, "symbol")) return [{ kind: "assistance-request", id }];
  return [];
}

/**
 * The record an entry is about, by name, and its page: a State (a submission's entries are audited on their State,
 * and name it), an organization, a contact (on its owner's page), an assistance request, offer or report, a wave, a
 * template, a State's matrix, a snapshot, a programme year or reminder, a calendar feed. A wave or a request the
 * entry names by id alone goes by the name read for it (`recordName`). Any other shows its type and id as the API
 * gives them.
 */
export function entityWords(entry: Imaged, names: OwnerNames, recordName: RecordName = NO_RECORD_NAMES): Linked {
  const { type, id } = entry.entity;
  const field = (name: string) => textOf(entry, name);
  const stateName = (iso3: string) => names.get(`STATE:${iso3}`) ?? iso3;
  switch (type) {
    case "state": {
      const symbol = entry.action.startsWith("submission.") ? field("symbol") : "";
      return { text: symbol ? `${stateName(id)}, submission ${symbol}` : stateName(id), href: href.state(id) };
    }
    case "matrix":
      return { text: `${possessive(stateName(id))} matrix`, href: href.state(id) };
    case "organization":
      return { text: names.get(`ORG:${id}`) ?? (field("name") || id), href: href.organization(id) };
    case "contact": {
      const role = codeIn(CONTACT_ROLES, field("role"));
      const who = field("name") || (role ? CONTACT_ROLES[role] : id);
      const owner = field("owner");
      const whose = owner ? ` (${names.get(owner) ?? owner})` : "";
      const page = ownerHref(owner);
      return { text: `contact ${who}${whose}`, ...(page ? { href: page } : {}) };
    }
    case "contact-import":
    case "contact-seed":
      return contactBatchWords(entry, names);
    case "assistance-request": {
      // A match's entries hold the match, which names the requesting State but not the request's symbol.
      const iso3 = field("iso3");
      const symbol = field("symbol") || recordName("assistance-request", id);
      return {
        text: `assistance request ${symbol || (iso3 ? `of ${stateName(iso3)}` : id)}`,
        href: href.assistanceRequest(id),
      };
    }
    case "assistance-offer": {
      const provider = fieldOf(entry.after, "provider") ?? fieldOf(entry.before, "provider");
      const kind = fieldOf(provider, "kind");
      const code = String(fieldOf(provider, kind === "state" ? "iso3" : "id") ?? "");
      const description = shortened(field("description"));
      const owner = kind === "state" ? `STATE:${code}` : `ORG:${code}`;
      const by = code && (kind === "state" || kind === "organization") ? (names.get(owner) ?? code) : "";
      return {
        text: `assistance offer${description ? ` "${description}"` : ""}${by ? ` of ${by}` : ""}`,
        ...(by ? { href: href.assistanceOffers(`${kind}:${code}`) } : {}),
      };
    }
    case "assistance-report":
      return {
        text: `pending-assistance report ${id}`,
        ...(REPORT_ID.test(id) ? { href: href.assistanceReport(id) } : {}),
      };
    case "wave":
      return { text: `wave ${field("description") || recordName("wave", id) || id}`, href: href.wave(id) };
    case "template":
      return { text: `template ${id}`, href: href.template(id) };
    case "snapshot":
      return { text: `snapshot ${id}`, href: href.snapshots() };
    case "programme":
      return { text: `programme of work ${id}`, ...(YEAR.test(id) ? { href: href.programmeYear(Number(id)) } : {}) };
    case "programme-reminder":
      return reminderWords(id);
    case "holidays":
      return {
        text: `UN Headquarters holidays of ${id}`,
        ...(YEAR.test(id) ? { href: href.holidaysYear(Number(id)) } : {}),
      };
    case "calendar-feed": {
      const label = field("label");
      return { text: label ? `calendar feed "${label}"` : "a calendar feed (no label)" };
    }
    default:
      return { text: `${type} ${id}` };
  }
}

/**
 * What a State's or an organization's own record leaves out: the trail keys an entry by the record written, and their
 * contacts, matrix and assistance are records of their own (all on the owner's whole trail and its timeline). Nothing
 * for other records.
 */
export function ownRecordNote(
  entity: string | undefined,
  names: OwnerNames,
): { text: string; links: Linked[] } | undefined {
  const [type, id] = (entity ?? "").split(":");
  if (!id) return undefined;
  if (type === "state") {
    const name = names.get(`STATE:${id}`) ?? id;
    return {
      text:
        `Only ${possessive(name)} own record: its details, reporting status and submissions. Its contacts, matrix and ` +
        "assistance requests are records of their own; its whole trail has them all.",
      links: [
        { text: `${possessive(name)} whole trail`, href: auditTrailHref({ state: id }) },
        { text: `${possessive(name)} matrix entries`, href: auditTrailHref({ entity: `matrix:${id}` }) },
        { text: `${possessive(name)} page and timeline`, href: href.state(id) },
      ],
    };
  }
  if (type === "organization") {
    const name = names.get(`ORG:${id}`) ?? id;
    return {
      text:
        `Only ${possessive(name)} own record: its details. Its contacts and assistance offers are records of their own; its ` +
        "whole trail has them all.",
      links: [
        { text: `${possessive(name)} whole trail`, href: auditTrailHref({ organization: id }) },
        { text: `${possessive(name)} page and timeline`, href: href.organization(id) },
      ],
    };
  }
  return undefined;
}

/**
 * The links from an entry to more entries, as they are heard: the record's ("its entries", heard with what the record
 * is) and the actor's (their name, heard with "(all their entries)"). `shown` is seen, `heard` follows it unseen.
 */
export function entriesLinks(
  record: Linked,
  actor: AuditEntry["actor"],
): Record<"record" | "actor", { shown: string; heard: string }> {
  return {
    record: { shown: "its entries", heard: ` about ${record.text}` },
    actor: { shown: actorWords(actor), heard: ` (all ${actor.kind === "user" ? "their" : "its"} entries)` },
  };
}

/** The before-and-after table's name and caption, which its summary (the disclosure's) does not repeat. */
export function imageTableWords(entry: Pick<AuditEntry, "action" | "at">): { label: string; caption: string } {
  return {
    label: `The record's fields: ${actionWords(entry.action)}, ${utcText(entry.at)}`,
    caption: "The record's fields: the changed ones first, then those left as they were, then the technical ones",
  };
}

/**
 * The summary of an entry's before and after: what the write did to the record's fields. A technical field's change
 * (a version, an `updatedAt`) is bookkeeping every write does, not a change anyone made: not counted.
 */
export function imageSummary(entry: Pick<AuditEntry, "before" | "after">, rows: readonly ImageRow[]): string {
  const changed = rows.filter((row) => row.changed && !row.technical).length;
  if (entry.before === undefined) return `Written: ${counted(rows.length, "field")}`;
  if (entry.after === undefined) return `Before: ${counted(rows.length, "field")}`;
  return `Before and after: ${counted(changed, "field")} changed`;
}
