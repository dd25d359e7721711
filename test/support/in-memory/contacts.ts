// The contacts store in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/contacts.contract.ts). It keeps the contacts, the e-mail guards and the States' point-of-contact
// obligations it was given; a write is checked whole on a draft and then kept, or refused leaving nothing.
import type { AuditContext, AuditInput } from "#shared/audit/audit-entry.ts";
import type { Clock } from "#shared/clock.ts";
import {
  type ContactChange,
  type ContactRepository,
  ContactsChanged,
  type EmailHolder,
  EmailInUse,
  organizationActedFor,
  type PocChange,
  type StoredPoc,
} from "#shared/contacts/repository.ts";
import { type Contact, type Owner, ownerText } from "#shared/contacts/schemas.ts";
import { Conflict, NotFound, PreconditionFailed } from "#shared/errors.ts";
import type { ObligationStatus } from "#shared/reporting/schemas.ts";
import type { Versioned } from "#shared/versioning.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import type { InMemoryOrganizations } from "./organizations.ts";
import { pageOf, sortedBy } from "./paging.ts";

export interface InMemoryContacts extends ContactRepository {
  readonly audit: InMemoryAudit;
  /** A State's point-of-contact obligation as the registry's seed leaves it (no contact written yet). */
  givenPocObligation(iso3: string, status?: ObligationStatus): void;
}

interface Holdings {
  contacts: Map<string, Versioned<Contact>>;
  guards: Map<string, EmailHolder>;
  pocs: Map<string, StoredPoc>;
  entries: AuditInput[];
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * `organizations`, when given, is the organizations store whose item a contact's write touches, as the adapter's
 * transaction does (acting-writes.ts); without it, no write is checked against an organization.
 */
export function inMemoryContacts(
  clock: Clock,
  audit: InMemoryAudit = inMemoryAudit(clock),
  organizations?: Pick<InMemoryOrganizations, "actingFor">,
): InMemoryContacts {
  let held: Holdings = { contacts: new Map(), guards: new Map(), pocs: new Map(), entries: [] };

  /** Applies one change to the draft, refusing as the adapter's conditions would. */
  function applyChange(draft: Holdings, { before, after, label }: ContactChange): void {
    const where = label ? `${label}: ` : "";
    const stored = draft.contacts.get(after.id);
    if (before) {
      if (!stored) throw new NotFound("Contact", after.id);
      if (stored.version !== before.version) {
        throw new PreconditionFailed(`${where}Contact ${after.id}`, stored.version, before.version);
      }
    } else if (stored) {
      throw new Conflict(`${where}contact ${after.id} already exists`);
    }
    draft.contacts.set(after.id, { value: copy(after), version: before ? before.version + 1 : 1 });
    const heldBefore = before?.value.active ? before.value.email : undefined;
    const heldAfter = after.active ? after.email : undefined;
    if (heldAfter && heldAfter !== heldBefore) {
      const holder = draft.guards.get(heldAfter);
      if (holder) {
        throw new EmailInUse(holder, label);
      }
      draft.guards.set(heldAfter, { contactId: after.id, owner: after.owner });
    }
    if (heldBefore && heldBefore !== heldAfter) {
      if (draft.guards.get(heldBefore)?.contactId !== after.id) {
        throw new Conflict(`${where}the e-mail guard of contact ${after.id} is not held by it; read the contact again`);
      }
      draft.guards.delete(heldBefore);
    }
  }

  function applyPoc(draft: Holdings, poc: PocChange, context?: AuditContext): void {
    const stored = draft.pocs.get(poc.iso3);
    if (!stored) throw new NotFound("The point-of-contact obligation of State", poc.iso3);
    if (stored.revision !== poc.revision) throw new ContactsChanged(poc.iso3);
    draft.pocs.set(poc.iso3, {
      iso3: poc.iso3,
      status: poc.after.status,
      view: poc.after.view,
      revision: poc.revision + 1,
    });
    const changed = poc.before.status !== poc.after.status || poc.before.view !== poc.after.view;
    if (context && changed) {
      draft.entries.push({
        ...context,
        action: "obligation.point-of-contact",
        entity: { type: "state", id: poc.iso3 },
        before: { kind: "point-of-contact", ...poc.before },
        after: { kind: "point-of-contact", ...poc.after },
      });
    }
  }

  /** Runs the writes on a copy of what is held; only a write that passes whole is kept, with its audit entries. */
  function transact(writes: (draft: Holdings) => void): void {
    const draft: Holdings = {
      contacts: new Map(held.contacts),
      guards: new Map(held.guards),
      pocs: new Map(held.pocs),
      entries: [],
    };
    writes(draft);
    for (const entry of draft.entries) audit.record(entry);
    held = { ...draft, entries: [] };
  }

  const ownerKey = (owner: Owner) => ownerText(owner);
  const all = () => [...held.contacts.values()];

  const repository: ContactRepository = {
    getContact: async (id) => {
      const found = held.contacts.get(id);
      return found && copy(found);
    },

    contactsOf: async (owner) =>
      sortedBy(
        all().filter(({ value }) => value.owner === ownerKey(owner)),
        ({ value }) => value.id,
      ).map(copy),

    pocObligation: async (iso3) => {
      const found = held.pocs.get(iso3);
      return found && copy(found);
    },

    pocObligations: async (iso3s) =>
      new Map(
        iso3s.flatMap((iso3) => {
          const found = held.pocs.get(iso3);
          return found ? [[iso3, copy(found)] as const] : [];
        }),
      ),

    // The filter is one `filterProblem` allows; the order and the scope are those of the index the adapter would
    // query, so cursors bind alike.
    listContacts: async (filter, page, staleBefore) => {
      const active = filter.stale !== undefined ? true : filter.active;
      const chosen = all().filter(({ value }) => {
        if (filter.owner && value.owner !== ownerKey(filter.owner)) return false;
        if (filter.role && value.role !== filter.role) return false;
        if (filter.emailStatus && value.emailStatus !== filter.emailStatus) return false;
        if (active !== undefined && value.active !== active) return false;
        if (filter.stale !== undefined && value.lastVerifiedOn < staleBefore !== filter.stale) return false;
        return true;
      });
      const keyOf: (contact: Versioned<Contact>) => string = filter.owner
        ? ({ value }) => value.id
        : filter.role || filter.emailStatus
          ? ({ value }) => `${value.owner}#${value.id}`
          : ({ value }) => `${value.lastVerifiedOn}#${value.id}`;
      const partition = filter.owner
        ? filter.owner.kind === "state"
          ? `STATE#${filter.owner.iso3}`
          : `ORG#${filter.owner.id}`
        : "";
      const scope = [
        "contacts",
        partition,
        filter.role ?? "",
        filter.emailStatus ?? "",
        String(active ?? ""),
        String(filter.stale ?? ""),
      ].join(":");
      return pageOf(sortedBy(chosen, keyOf), keyOf, { ...page, scope });
    },

    emailHolders: async (emails) => {
      const holders = new Map<string, EmailHolder>();
      for (const email of new Set(emails)) {
        const holder = held.guards.get(email);
        if (holder) holders.set(email, { ...holder });
      }
      return holders;
    },

    contactsByRef: async (refs) => {
      const found = new Map<string, Versioned<Contact>>();
      for (const { owner, id } of refs) {
        const contact = held.contacts.get(id);
        if (contact && contact.value.owner === owner) found.set(id, copy(contact));
      }
      return found;
    },

    existingIds: async (ids) => new Set(ids.filter((id) => held.contacts.has(id))),

    saveContact: async (change, poc, context, action) => {
      const organization = organizationActedFor(change);
      let acted: (() => void) | undefined;
      transact((draft) => {
        applyChange(draft, change);
        // Checked in the adapter's order: after the contact's own items, before the State's obligation.
        acted = organization ? organizations?.actingFor(organization) : undefined;
        draft.entries.push({
          ...context,
          action,
          entity: { type: "contact", id: change.after.id },
          before: change.before?.value,
          after: change.after,
        });
        if (poc) applyPoc(draft, poc, context);
      });
      acted?.();
      return { value: copy(change.after), version: change.before ? change.before.version + 1 : 1 };
    },

    saveContacts: async (changes, pocs, audits) => {
      const acting = [...new Set(changes.flatMap((change) => organizationActedFor(change) ?? []))];
      const acted: (() => void)[] = [];
      transact((draft) => {
        for (const change of changes) applyChange(draft, change);
        for (const organization of acting) {
          const act = organizations?.actingFor(organization);
          if (act) acted.push(act);
        }
        for (const poc of pocs) applyPoc(draft, poc);
        draft.entries.push(...audits);
      });
      for (const act of acted) act();
    },

    languageCascadeWrites: async (iso3, from, to) => {
      if (from === to) return [];
      const followers = all().filter(
        ({ value }) => value.owner === `STATE:${iso3}` && value.active && !value.ownLanguage && value.language === from,
      );
      if (followers.length) throw new Error("The in-memory contacts store cannot carry DynamoDB companion writes");
      return [];
    },

    savePointOfContact: async (poc, context) => {
      transact((draft) => applyPoc(draft, poc, context));
    },
  };

  return {
    ...repository,
    audit,
    givenPocObligation: (iso3, status = "unknown") => {
      if (!held.pocs.has(iso3)) held.pocs.set(iso3, { iso3, status, view: undefined, revision: 0 });
    },
  };
}
