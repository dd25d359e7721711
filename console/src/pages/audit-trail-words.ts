// An audit entry in words: who did it, the record it is about (linked to its page where the console has one), and its
// before and after field by field. Pure, tested in Node (test/unit/console-audit-trail.test.ts).
import type { components } from "../api/schema";
import { href } from "../routes.ts";
import { counted } from "../ui/counted.ts";
import { auditTrailHref } from "./audit-trail-query.ts";
import type { OwnerNames } from "./provider-names.ts";
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

/** Who did it: a person by username (their id where the entry kept none), the system by its job's name. */
export function actorWords(actor: AuditEntry["actor"]): string {
  return actor.kind === "user" ? (actor.username ?? actor.id) : `the system (${actor.id})`;
}

/** Long texts (an offer's description) cut to their start. */
const shortened = (text: string): string => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

const REPORT_ID = /^\d{4}-[123]$/;
const YEAR = /^\d{4}$/;

/**
 * The record an entry is about, by name, and its page: a State (a submission's entries are audited on their State,
 * and name it), an organization, a contact (on its owner's page), an assistance request, offer or report, a wave, a
 * template, a State's matrix, a snapshot, a programme year. Any other shows its type and id as the API gives them.
 */
export function entityWords(
  entry: Pick<AuditEntry, "action" | "entity" | "before" | "after">,
  names: OwnerNames,
): Linked {
  const { type, id } = entry.entity;
  const field = (name: string) => textOf(entry, name);
  const stateName = (iso3: string) => names.get(`STATE:${iso3}`) ?? iso3;
  switch (type) {
    case "state": {
      const symbol = entry.action.startsWith("submission.") ? field("symbol") : "";
      return { text: symbol ? `${stateName(id)}, submission ${symbol}` : stateName(id), href: href.state(id) };
    }
    case "matrix":
      return { text: `${stateName(id)}'s matrix`, href: href.state(id) };
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
    case "assistance-request": {
      // A match's entries hold the match, which names the requesting State but not the request's symbol.
      const iso3 = field("iso3");
      return {
        text: `assistance request ${field("symbol") || (iso3 ? `of ${stateName(iso3)}` : id)}`,
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
      return { text: `wave ${field("description") || id}`, href: href.wave(id) };
    case "template":
      return { text: `template ${id}`, href: href.template(id) };
    case "snapshot":
      return { text: `snapshot ${id}`, href: href.snapshots() };
    case "programme":
      return { text: `programme of work ${id}`, ...(YEAR.test(id) ? { href: href.programmeYear(Number(id)) } : {}) };
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
        `Only ${name}'s own record: its details, reporting status and submissions. Its contacts, matrix and ` +
        "assistance requests are records of their own; its whole trail has them all.",
      links: [
        { text: `${name}'s whole trail`, href: auditTrailHref({ state: id }) },
        { text: `${name}'s matrix entries`, href: auditTrailHref({ entity: `matrix:${id}` }) },
        { text: `${name}'s page and timeline`, href: href.state(id) },
      ],
    };
  }
  if (type === "organization") {
    const name = names.get(`ORG:${id}`) ?? id;
    return {
      text:
        `Only ${name}'s own record: its details. Its contacts and assistance offers are records of their own; its ` +
        "whole trail has them all.",
      links: [
        { text: `${name}'s whole trail`, href: auditTrailHref({ organization: id }) },
        { text: `${name}'s page and timeline`, href: href.organization(id) },
      ],
    };
  }
  return undefined;
}

/** A value of a before or after: text as it is; anything else as JSON, a record or list pretty-printed (`block`). */
export interface ValueText {
  text: string;
  block: boolean;
}

export function valueText(value: unknown): ValueText {
  if (typeof value === "string") return { text: value, block: false };
  if (value !== null && typeof value === "object") return { text: JSON.stringify(value, null, 2), block: true };
  return { text: JSON.stringify(value) ?? "", block: false };
}

/** One field of the record before and after the write; absent from one side: undefined there. */
export interface ImageRow {
  field: string;
  before?: ValueText;
  after?: ValueText;
  changed: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

// Both images come from one writer's schema: their JSON is equal exactly when the values are.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const beforeOf = (value: unknown) => (value === undefined ? {} : { before: valueText(value) });
const afterOf = (value: unknown) => (value === undefined ? {} : { after: valueText(value) });

/**
 * The entry's before and after field by field, the changed fields first (each side in the record's own order), then
 * those left alone. An image that is not a record (a list, a value) is one row, named "(the whole entry)".
 */
export function imageRows(before: unknown, after: unknown): ImageRow[] {
  if (before === undefined && after === undefined) return [];
  const records = (before === undefined || isRecord(before)) && (after === undefined || isRecord(after));
  if (!records) {
    return [{ field: "(the whole entry)", ...beforeOf(before), ...afterOf(after), changed: !same(before, after) }];
  }
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const rows = fields.map((field) => {
    const was = before?.[field];
    const is = after?.[field];
    return { field, ...beforeOf(was), ...afterOf(is), changed: !same(was, is) };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}

/** The summary of an entry's before and after: what the write did to the record's fields. */
export function imageSummary(entry: Pick<AuditEntry, "before" | "after">, rows: readonly ImageRow[]): string {
  const changed = rows.filter((row) => row.changed).length;
  if (entry.before === undefined) return `Written: ${counted(rows.length, "field")}`;
  if (entry.after === undefined) return `Before: ${counted(rows.length, "field")}`;
  return `Before and after: ${counted(changed, "field")} changed`;
}
