// Importing contacts from CSV: every row is checked (shape, owners, addresses in the file and in the database)
// before anything is written; then all rows are written, or none if any row has a problem.
import type { AuditContext } from "../audit/audit-entry.ts";
import { deskToday } from "../clock.ts";
import { type FieldIssue, Invalid } from "../errors.ts";
import { newId } from "../ids.ts";
import { isRetired, organizationInWords, retirementWords } from "../organizations/retirement-words.ts";
import { possessive } from "../possessive.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import type { Versioned } from "../versioning.ts";
import { writeContactChanges } from "./batch.ts";
import { holdersInWords, ownerNamesFrom } from "./contact-words.ts";
import type { ContactDependencies } from "./contacts.ts";
import { type ImportRow, issuePath, parseContactCsv } from "./csv.ts";
import type { ContactChange } from "./repository.ts";
import { type Contact, dateIssues, type ImportResult, ownerOf, withEmailStatus } from "./schemas.ts";

/** A 422 with thousands of entries helps nobody: the first ones show what is wrong with the file. */
export const MAX_REPORTED_ISSUES = 200;

/** The fields an import sets; a row that would change none of them is `unchanged` and not written. */
const IMPORTED_FIELDS = [
  "role",
  "name",
  "title",
  "agency",
  "phone",
  "language",
  "designatedOn",
  "lastVerifiedOn",
  "emailStatus",
] as const satisfies readonly (keyof Contact)[];

/** A blank cell clears an optional field; an absent column keeps it; the dates and language keep theirs when blank. */
function merged(current: Contact, row: ImportRow, today: string): Contact {
  const optional = (value: string | null | undefined, kept: string | undefined) =>
    value === undefined ? kept : (value ?? undefined);
  return {
    // As PATCH /contacts/{id} sets it: the secretariat may correct what SES reported.
    ...withEmailStatus(current, row.stored.emailStatus ?? current.emailStatus, today),
    role: row.role,
    name: row.name,
    title: optional(row.title, current.title),
    agency: optional(row.agency, current.agency),
    phone: optional(row.phone, current.phone),
    language: row.language ?? current.language,
    designatedOn: row.designatedOn ?? current.designatedOn,
    lastVerifiedOn: row.lastVerifiedOn ?? current.lastVerifiedOn,
  };
}

/**
 * The export's read-only columns against the stored contact (or against a new one, when `stored` is undefined):
 * each change that no API rule applies is a problem at its column, so an edit there is never silently dropped.
 */
function readOnlyProblems(
  row: ImportRow,
  stored: Contact | undefined,
  named: (contact: Contact) => ContactNamed,
): { column: string; message: string }[] {
  const problems: { column: string; message: string }[] = [];
  const { active, deactivatedOn, demo } = row.stored;
  if (!stored) {
    if (active === false) {
      problems.push({ column: "active", message: "a new contact is created active; leave the cell blank or true" });
    }
    if (deactivatedOn) problems.push({ column: "deactivatedOn", message: "is set by deactivation; leave it blank" });
    return problems;
  }
  if (active !== undefined && active !== stored.active) {
    const { who, page } = named(stored);
    problems.push({
      column: "active",
      message: stored.active
        ? `deactivating ${who} needs a reason: deactivate the contact on ${page}`
        : `${deactivatedWords(stored, who)}: remove the id to create a new contact`,
    });
  }
  if (deactivatedOn !== undefined && (deactivatedOn || undefined) !== stored.deactivatedOn) {
    problems.push({
      column: "deactivatedOn",
      message: `is set by deactivation; it is ${stored.deactivatedOn ?? "blank"}`,
    });
  }
  if (demo !== undefined && demo !== (stored.demo === true)) {
    problems.push({ column: "demo", message: "marks demonstration data and cannot be changed" });
  }
  return problems;
}

/** A batch read takes each key once: rows of one address (a deactivated contact and its successor) share one. */
const distinctRefs = (refs: { owner: string; id: string }[]) => [
  ...new Map(refs.map((ref) => [`${ref.owner}/${ref.id}`, ref])).values(),
];

const lineOf = (issue: FieldIssue) => Number(/^line (\d+)/.exec(issue.path)?.[1] ?? 0);

/** A stored contact as a refusal names it, "Taylor Example (Mali)", and the page where it is changed by hand. */
interface ContactNamed {
  who: string;
  page: string;
}

const deactivatedWords = (contact: Contact, who: string) =>
  `${who} was deactivated on ${contact.deactivatedOn}; a deactivated contact is history`;

/** "1 problem", "6 problems". */
const problemsCounted = (count: number) => `${count} ${count === 1 ? "problem" : "problems"}`;

/**
 * A file reports no bounce or complaint: those are SES's reports on letters. Its `emailStatus` may say `ok` (the
 * secretariat clears a status, as PATCH does) or repeat the stored status (an export sent back); anything else is
 * refused at the cell.
 */
function emailStatusProblem(row: ImportRow, stored: Contact | undefined): string | undefined {
  const status = row.stored.emailStatus;
  if (!status || status === "ok" || status === stored?.emailStatus) return undefined;
  return (
    `cannot be set to ${status} by a file: a bounce, a complaint or a suppression comes from SES's report on a ` +
    `letter; write ok, or leave it ${stored ? `as exported (${stored.emailStatus})` : "blank"}`
  );
}

interface PlannedRow {
  line: number;
  owner: string;
  action: ImportResult["rows"][number]["action"];
  contactId: string;
  changed?: string[];
  change?: ContactChange;
}

/**
 * Imports a CSV file of contacts. Rows are matched to existing active contacts by address and owner: a match is
 * updated (or left alone when nothing differs), any other row creates a contact. With `dryRun`, answers what
 * would change and writes nothing. Any problem in any row: 422 listing each (line, column, message), nothing
 * written.
 */
export const importContacts =
  (deps: ContactDependencies) =>
  async (csv: string, options: { dryRun: boolean }, audit: AuditContext): Promise<ImportResult> => {
    const today = deskToday(deps.clock);
    const now = deps.clock.now().toISOString();
    const { rows, issues } = parseContactCsv(csv, today);

    const owners = rows.map((row) => ownerOf(row.owner));
    const stateCodes = owners.flatMap((owner) => (owner.kind === "state" ? [owner.iso3] : []));
    const states = await deps.registry.getStates([...new Set(stateCodes)]);
    const languageOf = new Map<string, UnLanguage>(states.map((state) => [state.value.iso3, state.value.language]));
    const organizations = await deps.organizations.getOrganizations(
      owners.flatMap((owner) => (owner.kind === "organization" ? [owner.id] : [])),
    );
    // Rows that name their contact (an export sent back) are matched by id; the others by address.
    const byIds = await deps.contacts.contactsByRef(
      distinctRefs(rows.flatMap((row) => (row.stored.id ? [{ owner: row.owner, id: row.stored.id }] : []))),
    );
    // A deactivated contact's row may repeat an active one's address: each address is asked for once.
    const holders = await deps.contacts.emailHolders([...new Set(rows.map((row) => row.email))]);
    const matched = await deps.contacts.contactsByRef(
      distinctRefs(
        rows.flatMap((row) => {
          const holder = holders.get(row.email);
          return holder && holder.owner === row.owner ? [{ owner: holder.owner, id: holder.contactId }] : [];
        }),
      ),
    );

    // The holders of addresses that rows of other owners ask for, named in words for their refusals.
    const heldElsewhere = await holdersInWords(
      deps,
      rows.flatMap((row) => {
        const holder = holders.get(row.email);
        return holder && holder.owner !== row.owner ? [holder] : [];
      }),
    );

    // A refusal names a contact's owner in words, never by its code.
    const ownersInWords = ownerNamesFrom(
      states,
      organizations,
      rows.map((row) => row.owner),
    );
    const ownerName = (text: string) => ownersInWords.get(text) ?? text;
    const named = (contact: Contact): ContactNamed => {
      const owner = ownerName(contact.owner);
      return { who: `${contact.name} (${owner})`, page: `${possessive(owner)} page` };
    };

    const planned: PlannedRow[] = [];
    for (const row of rows) {
      const problem = (column: string, message: string) => issues.push({ path: issuePath(row.line, column), message });
      const owner = ownerOf(row.owner);
      if (owner.kind === "state" ? !languageOf.has(owner.iso3) : !organizations.has(owner.id)) {
        problem("owner", owner.kind === "state" ? `no Member State ${owner.iso3}` : `no organization ${owner.id}`);
        continue;
      }
      const id = row.stored.id;
      const byId = id ? byIds.get(id) : undefined;
      if (id && !byId) {
        problem("id", `names no contact of ${ownerName(row.owner)}; remove the id to create a new contact`);
        continue;
      }
      if (byId && byId.value.email !== row.email) {
        const { who, page } = named(byId.value);
        problem("email", `is not the address of ${who}: correct the address on ${page}`);
        continue;
      }
      const retiredOwner = owner.kind === "organization" ? organizations.get(owner.id)?.value : undefined;
      // A retired organization has no active contact (ADR 0061): only a deactivated contact's row may name it.
      if (retiredOwner && isRetired(retiredOwner) && byId?.value.active !== false) {
        problem(
          "owner",
          `${organizationInWords(retiredOwner)} was ${retirementWords(retiredOwner)}; nothing new is recorded for it`,
        );
        continue;
      }
      const refused = readOnlyProblems(row, byId?.value, named);
      if (refused.length) {
        for (const { column, message } of refused) problem(column, message);
        continue;
      }
      if (byId && !byId.value.active) {
        // A deactivated contact's row re-imports as history: unchanged, or refused where it differs.
        const differs = IMPORTED_FIELDS.filter((field) => merged(byId.value, row, today)[field] !== byId.value[field]);
        for (const field of differs) problem(field, deactivatedWords(byId.value, named(byId.value).who));
        if (!differs.length)
          planned.push({ line: row.line, owner: row.owner, action: "unchanged", contactId: byId.value.id });
        continue;
      }
      const holder = holders.get(row.email);
      if (holder && holder.owner !== row.owner) {
        const named = heldElsewhere.get(holder.contactId) ?? "another active contact";
        problem("email", `is already used by ${named}; deactivate that contact first`);
        continue;
      }
      const current: Versioned<Contact> | undefined = holder ? matched.get(holder.contactId) : undefined;
      if (holder && !current) {
        problem("email", "is held by another contact, which could not be read; try again");
        continue;
      }
      const statusRefused = emailStatusProblem(row, current?.value);
      if (statusRefused) {
        problem("emailStatus", statusRefused);
        continue;
      }
      const base: Contact = current?.value ?? {
        id: newId(deps.clock),
        owner: row.owner,
        role: row.role,
        name: row.name,
        email: row.email,
        language: row.language ?? (owner.kind === "state" ? languageOf.get(owner.iso3) : undefined) ?? "en",
        designatedOn: row.designatedOn ?? today,
        lastVerifiedOn: row.lastVerifiedOn ?? row.designatedOn ?? today,
        // The row's status, if any, is set by `merged`, with its day.
        emailStatus: "ok",
        active: true,
        createdAt: now,
        updatedAt: now,
      };
      const next = merged(base, row, today);
      const dates = dateIssues(next, today, (field) => issuePath(row.line, field));
      if (dates.length) {
        issues.push(...dates);
        continue;
      }
      const label = `line ${row.line}`;
      if (!current) {
        planned.push({
          line: row.line,
          owner: row.owner,
          action: "create",
          contactId: next.id,
          change: { after: next, label },
        });
        continue;
      }
      const changed = IMPORTED_FIELDS.filter((field) => next[field] !== current.value[field]);
      planned.push(
        changed.length
          ? {
              line: row.line,
              owner: row.owner,
              action: "update",
              contactId: next.id,
              changed: [...changed],
              change: { before: current, after: { ...next, updatedAt: now }, label },
            }
          : { line: row.line, owner: row.owner, action: "unchanged", contactId: next.id },
      );
    }

    if (issues.length) {
      const sorted = [...issues].sort((a, b) => lineOf(a) - lineOf(b));
      const shown = sorted.slice(0, MAX_REPORTED_ISSUES);
      throw new Invalid(
        `The file has ${problemsCounted(issues.length)}${issues.length > shown.length ? ` (the first ${shown.length} are listed)` : ""}; nothing was imported`,
        shown,
      );
    }

    if (!options.dryRun) {
      await writeContactChanges(
        deps,
        planned.flatMap((row) => row.change ?? []),
        {
          context: audit,
          action: "contacts.import",
          entity: { type: "contact-import", id: newId(deps.clock) },
          onStop:
            "Another change reached the same contacts after the file was checked. Send the same file again: the " +
            "rows already written are then unchanged, and the rest are checked and imported.",
        },
      );
    }
    const count = (action: PlannedRow["action"]) => planned.filter((row) => row.action === action).length;
    return {
      dryRun: options.dryRun,
      created: count("create"),
      updated: count("update"),
      unchanged: count("unchanged"),
      rows: planned.map(({ line, owner, action, contactId, changed }) => ({
        line,
        action,
        owner,
        // A dry run's new ids are never written, so they are not shown.
        ...(action === "create" && options.dryRun ? {} : { contactId }),
        ...(changed ? { changed } : {}),
      })),
    };
  };
