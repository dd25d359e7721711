// DynamoDB access for contacts: their keys and indexes, the e-mail guards, and the transactions that write a
// contact together with its guards, its State's point-of-contact obligation and the audit entry.
//
// Keys in the `desk` table (see docs/adr/0005-contacts.md):
//   contact      pk=STATE#<iso3> | ORG#<id>      sk=CONTACT#<id>     the contact, in its owner's partition
//   pointer      pk=CONTACT#<id>                 sk=CONTACT          owner of the contact, to read it by id
//   e-mail guard pk=CONTACT-EMAIL#<address>      sk=CONTACT-EMAIL    contactId while an active contact holds it
//   obligation   pk=STATE#<iso3>                 sk=OBLIGATION#point-of-contact  contactRevision serializes writers
//   gsi1 CONTACT#ROLE#<role> / <owner>#<id>; gsi2 CONTACT#EMAIL#<status> / <owner>#<id>;
//   gsi3 CONTACT#VERIFIED / <lastVerifiedOn>#<id>
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { AuditAction } from "../audit/actions.ts";
import { type AuditContext, type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { batchGetItems } from "../dynamo/batch-get.ts";
import { type Page, type PageRequest, queryEveryPage, queryPage } from "../dynamo/pagination.ts";
import { type GuardedWrite, writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, type FieldIssue, NotFound, PreconditionFailed } from "../errors.ts";
import { actingForOrganization } from "../organizations/acting-writes.ts";
import { statePartition } from "../registry/keys.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { obligationStatusPartition } from "../reporting/obligation-writes.ts";
import { type ObligationStatus, obligationStatusSchema } from "../reporting/schemas.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import {
  CONTACT_PREFIX,
  contactIndexKeys,
  contactKey,
  contactRefKey,
  emailGuardKey,
  emailStatusPartition,
  ownerPartition,
  rolePartition,
  VERIFIED_PARTITION,
} from "./keys.ts";
import {
  type Contact,
  type ContactRole,
  contactSchema,
  type EmailStatus,
  type Owner,
  ownerOf,
  type PocView,
  pocViewSchema,
} from "./schemas.ts";

/** What a list may filter on; which combinations are allowed is checked by `filterProblem`. */
export interface ContactFilter {
  owner?: Owner | undefined;
  role?: ContactRole | undefined;
  emailStatus?: EmailStatus | undefined;
  active?: boolean | undefined;
  stale?: boolean | undefined;
}

/** The stored point-of-contact obligation of a State, with the revision that serializes writers of its contacts. */
export interface StoredPoc {
  iso3: string;
  status: ObligationStatus;
  view: PocView | undefined;
  revision: number;
}

/** The obligation as a contact write leaves it; `revision` is the one read, checked by the write. */
export interface PocChange {
  iso3: string;
  revision: number;
  before: { status: ObligationStatus; view: PocView | undefined };
  after: { status: ObligationStatus; view: PocView; evaluatedOn: string };
}

/** A create (no `before`) or an update of one contact; `label` says where it came from, e.g. `line 7`. */
export interface ContactChange {
  before?: Versioned<Contact> | undefined;
  after: Contact;
  label?: string;
}

/** The holder of an e-mail guard. */
export interface EmailHolder {
  contactId: string;
  owner: string;
}

/**
 * 409: another active contact holds the address. A write from a JSON body names its field (`body.email`, as a 422
 * would), so a client puts the refusal at the address; an import's row says its line in the message instead.
 */
export class EmailInUse extends Conflict {
  readonly issues: FieldIssue[];
  /**
   * `holderInWords` names the holder as people read it (contact-words.ts), once a use case has read it; the guard
   * alone gives only its ids.
   */
  constructor(
    readonly holder: { contactId?: unknown; owner?: unknown } | undefined,
    readonly label?: string,
    readonly holderInWords?: string,
  ) {
    const held = `is already used by ${holderInWords ?? `active contact ${String(holder?.contactId)} of ${String(holder?.owner)}`}`;
    super(`${label ? `${label}: ` : ""}the e-mail address ${held}`, { contactId: holder?.contactId });
    this.issues = label ? [] : [{ path: "body.email", message: `${held}; deactivate that contact first` }];
  }
}

/** The State's contacts changed between the read and the write: read again and retry. */
export class ContactsChanged extends Conflict {
  constructor(readonly iso3: string) {
    super(`The contacts of ${iso3} changed while this request was written; send it again`);
  }
}

/** A failure that a fresh read can cure: another writer touched the same State or address at the same moment. */
export function isRace(error: unknown): boolean {
  if (error instanceof ContactsChanged) return true;
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((reason) => reason.Code === "TransactionConflict");
  }
  return error instanceof Error && error.name === "TransactionConflictException";
}

/** Runs `attempt` again (with a fresh read inside it) while it loses a race, a few times, then answers 409. */
export async function retryOnRace<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let attemptNo = 1; ; attemptNo++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRace(error)) throw error;
      if (attemptNo >= tries) {
        throw error instanceof Conflict
          ? error
          : new Conflict("Other changes to the same contacts were being written at the same time; send it again");
      }
      await new Promise((resolve) => setTimeout(resolve, 15 * attemptNo + Math.random() * 25));
    }
  }
}

const pocObligationKey = (iso3: string) => ({ pk: statePartition(iso3), sk: "OBLIGATION#point-of-contact" });

function toStoredPoc(iso3: string, item: Record<string, unknown>): StoredPoc {
  const view = pocViewSchema.safeParse(item.view);
  return {
    iso3,
    status: obligationStatusSchema.parse(item.status),
    view: view.success ? view.data : undefined,
    revision: Number(item.contactRevision ?? 0),
  };
}

function toContact(raw: Record<string, unknown>): Versioned<Contact> {
  return { value: contactSchema.parse(raw), version: Number(raw.version) };
}

/**
 * The organization a single contact write acts for (acting-writes.ts): a new active contact of an organization. A
 * correction or a deactivation acts for none: an active contact refuses a retirement anyway, ending the contacts of an
 * organization being retired must not stop it, and a bounce recorded for a contact must not fail on its organization.
 */
export function organizationActedFor({ before, after }: ContactChange): string | undefined {
  const owner = ownerOf(after.owner);
  return !before && owner.kind === "organization" && after.active ? owner.id : undefined;
}

/** Items of one change: 1 for an update, 3 for a create; +1 per guard claimed or released. */
export function writesPerChange({ before, after }: ContactChange): number {
  const heldBefore = before?.value.active ? before.value.email : undefined;
  const heldAfter = after.active ? after.email : undefined;
  return (
    (before ? 1 : 2) +
    (heldAfter && heldAfter !== heldBefore ? 1 : 0) +
    (heldBefore && heldBefore !== heldAfter ? 1 : 0)
  );
}

/**
 * The contacts store, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the unit
 * tests (test/support/in-memory/contacts.ts) both pass test/contracts/contacts.contract.ts.
 */
export interface ContactRepository {
  /** One contact by id, whoever owns it. */
  getContact(id: string): Promise<Versioned<Contact> | undefined>;
  /** Every contact of an owner (active or not), in creation order (ids are time-ordered). */
  contactsOf(owner: Owner): Promise<Versioned<Contact>[]>;
  /** A State's stored point-of-contact obligation with its writers' revision (0 before any contact write). */
  pocObligation(iso3: string): Promise<StoredPoc | undefined>;
  /** Many States' obligations as `pocObligation` reads each, keyed by code, in consistent batch reads; unknown States are left out. */
  pocObligations(iso3s: string[]): Promise<Map<string, StoredPoc>>;
  /**
   * One page of contacts: an owner's in creation order, otherwise by role or e-mail status (owner, then id) or by
   * last verification (date, then id); the filter is one `filterProblem` allows. `stale` implies active; `staleBefore` is the first day a verification still
   * counts. A cursor of another listing is refused (`Malformed`).
   */
  listContacts(filter: ContactFilter, page: PageRequest, staleBefore: string): Promise<Page<Versioned<Contact>>>;
  /** Who holds each address now (a deactivated contact holds none). */
  emailHolders(emails: string[]): Promise<Map<string, EmailHolder>>;
  /** Contacts by owner and id, keyed by id; unknown ones are left out. */
  contactsByRef(refs: { owner: string; id: string }[]): Promise<Map<string, Versioned<Contact>>>;
  /** The ids among these that name a contact already. */
  existingIds(ids: string[]): Promise<Set<string>>;
  /**
   * Writes one change with its State's obligation (`poc`) and the audit entries, all or nothing: a stale `before`
   * is PreconditionFailed (NotFound when gone), an existing id or an address held by another active contact is
   * Conflict, an obligation moved since `poc.revision` is ContactsChanged.
   */
  saveContact(
    change: ContactChange,
    poc: PocChange | undefined,
    audit: AuditContext,
    action: AuditAction,
  ): Promise<Versioned<Contact>>;
  /** Several changes and their States' obligations in one all-or-nothing write, with the audit entries given. */
  saveContacts(changes: ContactChange[], pocs: PocChange[], audits: AuditInput[]): Promise<void>;
  /**
   * DynamoDB writes carrying a State's language correction to its active contacts that follow it, for the State's
   * own transaction (the registry's `companions`); the in-memory adapter cannot carry them and refuses when any
   * contact would change.
   */
  languageCascadeWrites(iso3: string, from: UnLanguage, to: UnLanguage, audit: AuditContext): Promise<GuardedWrite[]>;
  /** Brings the stored obligation in step with the contacts (no contact is written); audited. */
  savePointOfContact(poc: PocChange, audit: AuditContext): Promise<void>;
}

export function contactRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): ContactRepository {
  const table = tableNames.desk;

  const batchGet = (keys: Record<string, string>[]) => batchGetItems(doc, table, keys, { consistent: true });

  const queryAll = (input: QueryCommandInput) => queryEveryPage(doc, input);

  function changeWrites({ before, after, label }: ContactChange): GuardedWrite[] {
    const owner = ownerOf(after.owner);
    const where = label ? `${label}: ` : "";
    const item = {
      ...contactKey(owner, after.id),
      ...contactIndexKeys(after),
      entity: "contact",
      version: before ? before.version + 1 : 1,
      ...after,
    };
    const writes: GuardedWrite[] = [];
    if (before) {
      writes.push({
        item: {
          Put: {
            TableName: table,
            Item: item,
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":expected": before.version },
          },
        },
        onConditionFailed: (stored) =>
          stored
            ? new PreconditionFailed(`${where}Contact ${after.id}`, Number(stored.version), before.version)
            : new NotFound("Contact", after.id),
      });
    } else {
      writes.push(
        {
          item: { Put: { TableName: table, Item: item, ConditionExpression: "attribute_not_exists(pk)" } },
          onConditionFailed: () => new Conflict(`${where}contact ${after.id} already exists`),
        },
        {
          item: {
            Put: {
              TableName: table,
              Item: { ...contactRefKey(after.id), entity: "contact-ref", id: after.id, owner: after.owner },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: () => new Conflict(`${where}contact ${after.id} already exists`),
        },
      );
    }
    const heldBefore = before?.value.active ? before.value.email : undefined;
    const heldAfter = after.active ? after.email : undefined;
    if (heldAfter && heldAfter !== heldBefore) writes.push(claimEmail(heldAfter, after, label));
    if (heldBefore && heldBefore !== heldAfter) writes.push(releaseEmail(heldBefore, after.id, where));
    return writes;
  }

  /** A guard is free when absent or released; its messages name the holder, never the address (logs may carry them). */
  function claimEmail(email: string, contact: Contact, label: string | undefined): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: table,
          Item: {
            ...emailGuardKey(email),
            entity: "contact-email",
            email,
            contactId: contact.id,
            owner: contact.owner,
          },
          ConditionExpression: "attribute_not_exists(pk) OR attribute_not_exists(contactId)",
        },
      },
      onConditionFailed: (current) => new EmailInUse(current, label),
    };
  }

  /** Kept, not deleted, so the application needs no DeleteItem; a released guard is free for the next claim. */
  function releaseEmail(email: string, contactId: string, where: string): GuardedWrite {
    return {
      item: {
        Update: {
          TableName: table,
          Key: emailGuardKey(email),
          UpdateExpression: "REMOVE contactId, #owner SET releasedAt = :now, releasedBy = :id",
          ConditionExpression: "contactId = :id",
          ExpressionAttributeNames: { "#owner": "owner" },
          ExpressionAttributeValues: { ":now": clock.now().toISOString(), ":id": contactId },
        },
      },
      onConditionFailed: () =>
        new Conflict(`${where}the e-mail guard of contact ${contactId} is not held by it; read the contact again`),
    };
  }

  function pocWrite({ iso3, revision, after }: PocChange): GuardedWrite {
    return {
      item: {
        Update: {
          TableName: table,
          Key: pocObligationKey(iso3),
          UpdateExpression:
            "SET #status = :status, gsi1pk = :partition, #view = :view, evaluatedOn = :on, contactRevision = :next",
          ConditionExpression:
            revision === 0
              ? "attribute_exists(pk) AND attribute_not_exists(contactRevision)"
              : "contactRevision = :seen",
          ExpressionAttributeNames: { "#status": "status", "#view": "view" },
          ExpressionAttributeValues: {
            ":status": after.status,
            ":partition": obligationStatusPartition("point-of-contact", after.status),
            ":view": after.view,
            ":on": after.evaluatedOn,
            ":next": revision + 1,
            ...(revision === 0 ? {} : { ":seen": revision }),
          },
        },
      },
      onConditionFailed: (current) =>
        current ? new ContactsChanged(iso3) : new NotFound("The point-of-contact obligation of State", iso3),
    };
  }

  const pocChanged = ({ before, after }: PocChange) => before.status !== after.status || before.view !== after.view;

  function pocAudit(change: PocChange, audit: AuditContext): GuardedWrite {
    return {
      item: auditPut(
        tableNames.audit,
        {
          ...audit,
          action: "obligation.point-of-contact",
          entity: { type: "state", id: change.iso3 },
          before: { kind: "point-of-contact", ...change.before },
          after: { kind: "point-of-contact", ...change.after },
        },
        clock,
      ),
    };
  }

  return {
    async getContact(id: string): Promise<Versioned<Contact> | undefined> {
      const ref = await doc.send(new GetCommand({ TableName: table, Key: contactRefKey(id), ConsistentRead: true }));
      if (!ref.Item) return undefined;
      const result = await doc.send(
        new GetCommand({
          TableName: table,
          Key: contactKey(ownerOf(String(ref.Item.owner)), id),
          ConsistentRead: true,
        }),
      );
      return result.Item ? toContact(result.Item) : undefined;
    },

    /** Every contact of an owner (active or not), in creation order: one Query on the owner's partition. */
    async contactsOf(owner: Owner): Promise<Versioned<Contact>[]> {
      const items = await queryAll({
        TableName: table,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": ownerPartition(owner), ":prefix": CONTACT_PREFIX },
        ConsistentRead: true,
      });
      return items.map(toContact);
    },

    async pocObligation(iso3: string): Promise<StoredPoc | undefined> {
      const result = await doc.send(
        new GetCommand({ TableName: table, Key: pocObligationKey(iso3), ConsistentRead: true }),
      );
      return result.Item ? toStoredPoc(iso3, result.Item) : undefined;
    },

    async pocObligations(iso3s: string[]): Promise<Map<string, StoredPoc>> {
      const codes = [...new Set(iso3s)];
      const codeOf = new Map(codes.map((iso3) => [pocObligationKey(iso3).pk, iso3]));
      const found = new Map<string, StoredPoc>();
      for (const item of await batchGet(codes.map(pocObligationKey))) {
        const iso3 = codeOf.get(String(item.pk));
        if (iso3) found.set(iso3, toStoredPoc(iso3, item));
      }
      return found;
    },

    /**
     * One page of contacts, always through a Query: the owner's partition (every other filter applied to it), or
     * gsi1 by role, gsi2 by e-mail status, gsi3 by last verification (a key range for `stale`, all contacts
     * otherwise); `active` is a filter on any of them. `staleBefore` is the first day a verification still counts.
     */
    listContacts(filter: ContactFilter, page: PageRequest, staleBefore: string): Promise<Page<Versioned<Contact>>> {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const conditions: string[] = [];
      const where = (attribute: string, operator: string, value: unknown) => {
        names[`#${attribute}`] = attribute;
        values[`:${attribute}`] = value;
        conditions.push(`#${attribute} ${operator} :${attribute}`);
      };
      // Staleness is a property of active contacts: a stale filter implies active.
      const active = filter.stale !== undefined ? true : filter.active;
      let input: Omit<QueryCommandInput, "Limit" | "ExclusiveStartKey">;
      if (filter.owner) {
        input = {
          TableName: table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        };
        values[":pk"] = ownerPartition(filter.owner);
        values[":prefix"] = CONTACT_PREFIX;
        if (filter.role) where("role", "=", filter.role);
        if (filter.emailStatus) where("emailStatus", "=", filter.emailStatus);
        if (filter.stale !== undefined) where("lastVerifiedOn", filter.stale ? "<" : ">=", staleBefore);
      } else if (filter.role) {
        input = { TableName: table, IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :partition" };
        values[":partition"] = rolePartition(filter.role);
      } else if (filter.emailStatus) {
        input = { TableName: table, IndexName: "gsi2", KeyConditionExpression: "gsi2pk = :partition" };
        values[":partition"] = emailStatusPartition(filter.emailStatus);
      } else {
        const range = filter.stale === undefined ? "" : ` AND gsi3sk ${filter.stale ? "<" : ">="} :staleBefore`;
        input = { TableName: table, IndexName: "gsi3", KeyConditionExpression: `gsi3pk = :partition${range}` };
        values[":partition"] = VERIFIED_PARTITION;
        if (range) values[":staleBefore"] = staleBefore;
      }
      if (active !== undefined) where("active", "=", active);
      const scope = [
        "contacts",
        filter.owner ? ownerPartition(filter.owner) : "",
        filter.role ?? "",
        filter.emailStatus ?? "",
        String(active ?? ""),
        String(filter.stale ?? ""),
      ].join(":");
      return queryPage(
        doc,
        {
          ...input,
          FilterExpression: conditions.length ? conditions.join(" AND ") : undefined,
          ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
          ExpressionAttributeValues: values,
        },
        { ...page, scope },
        toContact,
      );
    },

    /** Who holds each address now (released guards hold nothing). */
    async emailHolders(emails: string[]): Promise<Map<string, EmailHolder>> {
      const items = await batchGet([...new Set(emails)].map(emailGuardKey));
      const holders = new Map<string, EmailHolder>();
      for (const item of items) {
        if (typeof item.contactId === "string") {
          holders.set(String(item.email), { contactId: item.contactId, owner: String(item.owner) });
        }
      }
      return holders;
    },

    /** Contacts by owner and id, in one consistent batch read. */
    async contactsByRef(refs: { owner: string; id: string }[]): Promise<Map<string, Versioned<Contact>>> {
      const items = await batchGet(refs.map((ref) => contactKey(ownerOf(ref.owner), ref.id)));
      return new Map(items.map((item) => [String(item.id), toContact(item)]));
    },

    /** The ids among these that name a contact already. */
    async existingIds(ids: string[]): Promise<Set<string>> {
      const items = await batchGet([...new Set(ids)].map(contactRefKey));
      return new Set(items.map((item) => String(item.id)));
    },

    /**
     * Writes one contact change in one transaction: the contact, its pointer (on create), the e-mail guards it
     * claims or releases, its State's obligation (for a State's contact), its organization's item (for a new
     * contact of an organization: refused once retired, and counted for its retirement) and the audit entries. A
     * refusal of any of them leaves none.
     */
    async saveContact(
      change: ContactChange,
      poc: PocChange | undefined,
      audit: AuditContext,
      action: AuditAction,
    ): Promise<Versioned<Contact>> {
      const writes = changeWrites(change);
      const organization = organizationActedFor(change);
      if (organization) writes.push(actingForOrganization(table, organization));
      if (poc) writes.push(pocWrite(poc));
      writes.push({
        item: auditPut(
          tableNames.audit,
          {
            ...audit,
            action,
            entity: { type: "contact", id: change.after.id },
            before: change.before?.value,
            after: change.after,
          },
          clock,
        ),
      });
      if (poc && pocChanged(poc)) writes.push(pocAudit(poc, audit));
      await writeTransaction(doc, writes);
      return { value: change.after, version: change.before ? change.before.version + 1 : 1 };
    },

    /**
     * Several changes and their States' obligations in one transaction, with the audit entries given; each
     * organization given a new contact is touched once, as `saveContact` touches it (an import racing its retirement).
     */
    async saveContacts(changes: ContactChange[], pocs: PocChange[], audits: AuditInput[]): Promise<void> {
      const writes = changes.flatMap(changeWrites);
      const organizations = new Set(changes.flatMap((change) => organizationActedFor(change) ?? []));
      writes.push(...[...organizations].map((organization) => actingForOrganization(table, organization)));
      writes.push(...pocs.map(pocWrite));
      writes.push(...audits.map((audit) => ({ item: auditPut(tableNames.audit, audit, clock) })));
      await writeTransaction(doc, writes);
    },

    /**
     * The writes that carry a correction of a State's language to its contacts that follow it: active contacts
     * without a language of their own that still read the old one. Each is put at the version read, with its audit
     * entry, for the State's own transaction; a contact changed meanwhile fails that transaction (409).
     */
    async languageCascadeWrites(
      iso3: string,
      from: UnLanguage,
      to: UnLanguage,
      audit: AuditContext,
    ): Promise<GuardedWrite[]> {
      if (from === to) return [];
      const followers = (await this.contactsOf({ kind: "state", iso3 })).filter(
        ({ value }) => value.active && !value.ownLanguage && value.language === from,
      );
      const now = clock.now().toISOString();
      return followers.flatMap((before) => {
        const after: Contact = { ...before.value, language: to, updatedAt: now };
        const [put] = changeWrites({ before, after });
        if (!put) return [];
        return [
          {
            item: put.item,
            onConditionFailed: () =>
              new Conflict(
                `Contact ${after.id} of ${iso3} changed while the State's language was corrected; send it again`,
              ),
          },
          {
            item: auditPut(
              tableNames.audit,
              {
                ...audit,
                action: "contact.language-of-record",
                entity: { type: "contact", id: after.id },
                before: before.value,
                after,
              },
              clock,
            ),
          },
        ];
      });
    },

    /** Brings the stored obligation in step with the contacts (no contact is written). */
    async savePointOfContact(poc: PocChange, audit: AuditContext): Promise<void> {
      await writeTransaction(doc, [pocWrite(poc), pocAudit(poc, audit)]);
    },
  };
}
