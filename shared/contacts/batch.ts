// Writes many contact changes (an import, the demo seed) in transactions of at most 100 items, each with the
// obligations of the States it touches and one audit entry, each conditional on what was read before it.
import type { AuditContext, AuditInput } from "../audit/audit-entry.ts";
import { eachLimited } from "../concurrency.ts";
import { MAX_TRANSACTION_ITEMS } from "../dynamo/transaction.ts";
import { Conflict, DomainError } from "../errors.ts";
import type { ContactDependencies } from "./contacts.ts";
import { obligationStatusFor, pocCoverage } from "./poc-coverage.ts";
import {
  type ContactChange,
  ContactsChanged,
  isRace,
  type PocChange,
  type StoredPoc,
  writesPerChange,
} from "./repository.ts";
import { type Contact, ownerOf } from "./schemas.ts";

export interface BatchAudit {
  context: AuditContext;
  action: string;
  entity: AuditInput["entity"];
  /** Said after "stopped at transaction k of n: ..." when a transaction is refused. */
  onStop: string;
}

interface StateContacts {
  stored: StoredPoc;
  contacts: Map<string, Contact>;
}

const stateOf = (change: ContactChange) => {
  const owner = ownerOf(change.after.owner);
  return owner.kind === "state" ? owner.iso3 : undefined;
};

// Defined with no store's dependencies, so that the registry can use it too; its callers here import it from this module.
export { eachLimited };

/**
 * Groups changes into transactions: one item stays free for the organizations' audit entry, two per State for its
 * obligation and its own audit entry (so each entry lands on one State's trail, ADR 0020).
 */
export function chunkChanges(changes: readonly ContactChange[]): ContactChange[][] {
  const sorted = [...changes].sort((a, b) => a.after.owner.localeCompare(b.after.owner));
  const chunks: ContactChange[][] = [];
  let chunk: ContactChange[] = [];
  let size = 1;
  let states = new Set<string>();
  for (const change of sorted) {
    const iso3 = stateOf(change);
    const cost = () => writesPerChange(change) + (iso3 && !states.has(iso3) ? 2 : 0);
    if (chunk.length && size + cost() > MAX_TRANSACTION_ITEMS) {
      chunks.push(chunk);
      chunk = [];
      size = 1;
      states = new Set();
    }
    size += cost();
    chunk.push(change);
    if (iso3) states.add(iso3);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * Writes the changes, validated beforehand by the caller; `newStates` are States the caller has just added (the
 * local seed's), whose contacts are not read. Each transaction is conditional (contacts on their version or absence,
 * addresses on their guard, obligations on the revision read here), so a writer that got in between stops the batch
 * with a Conflict naming what was already written, and corrupts nothing.
 */
export async function writeContactChanges(
  deps: ContactDependencies,
  changes: readonly ContactChange[],
  audit: BatchAudit,
  { newStates = new Set() }: { newStates?: ReadonlySet<string> } = {},
): Promise<void> {
  const byState = new Map<string, StateContacts>();
  const codes = [...new Set(changes.flatMap((change) => stateOf(change) ?? []))];
  // The obligations before the contacts: a write in between moves the revision and fails our condition.
  const obligations = await deps.contacts.pocObligations(codes);
  await eachLimited(codes, 8, async (iso3) => {
    const stored = obligations.get(iso3);
    if (!stored) throw new Conflict(`The point-of-contact obligation of ${iso3} is missing; seed the registry first`);
    // A State the caller has just added has no contacts yet: nothing to read (ADR 0037).
    const contacts = newStates.has(iso3) ? [] : await deps.contacts.contactsOf({ kind: "state", iso3 });
    byState.set(iso3, { stored, contacts: new Map(contacts.map((contact) => [contact.value.id, contact.value])) });
  });

  const chunks = chunkChanges(changes);
  let written = 0;
  for (const [index, chunk] of chunks.entries()) {
    const pocs: PocChange[] = [];
    for (const iso3 of new Set(chunk.flatMap((change) => stateOf(change) ?? []))) {
      const state = byState.get(iso3) as StateContacts;
      const contacts = new Map(state.contacts);
      for (const change of chunk) if (stateOf(change) === iso3) contacts.set(change.after.id, change.after);
      const coverage = pocCoverage([...contacts.values()], deps.clock);
      pocs.push({
        iso3,
        revision: state.stored.revision,
        before: { status: state.stored.status, view: state.stored.view },
        after: { status: obligationStatusFor(coverage.view), view: coverage.view, evaluatedOn: coverage.evaluatedOn },
      });
    }
    const entries = auditEntries(audit, chunk, pocs, `${index + 1} of ${chunks.length}`);
    try {
      await withTransactionConflictRetry(() => deps.contacts.saveContacts(chunk, pocs, entries));
    } catch (error) {
      if (!(error instanceof DomainError) && !isRace(error)) throw error;
      const cause =
        error instanceof DomainError ? error.message : "other writes touched the same items at the same moment";
      throw new Conflict(
        `Stopped at transaction ${index + 1} of ${chunks.length}: ${cause}. ${written} contact(s) were written by the ` +
          `transactions before it; nothing of this one was. ${audit.onStop}`,
        { written },
      );
    }
    for (const poc of pocs) {
      const state = byState.get(poc.iso3) as StateContacts;
      for (const change of chunk) if (stateOf(change) === poc.iso3) state.contacts.set(change.after.id, change.after);
      state.stored = { ...state.stored, status: poc.after.status, view: poc.after.view, revision: poc.revision + 1 };
    }
    written += chunk.length;
  }
}

/** One audit entry per State the transaction touches, and one for the organizations' contacts if any. */
function auditEntries(audit: BatchAudit, chunk: ContactChange[], pocs: PocChange[], transaction: string): AuditInput[] {
  const groups = new Map<string | undefined, ContactChange[]>();
  for (const change of chunk) groups.set(stateOf(change), [...(groups.get(stateOf(change)) ?? []), change]);
  return [...groups].map(([iso3, changes]) => ({
    ...audit.context,
    action: audit.action,
    entity: audit.entity,
    after: {
      transaction,
      ...(iso3 ? { iso3 } : {}),
      created: changes.filter((change) => !change.before).map((change) => change.after),
      updated: changes
        .filter((change) => change.before)
        .map((change) => ({ before: change.before?.value, after: change.after })),
      pointOfContact: pocs
        .filter((poc) => poc.iso3 === iso3)
        .map((poc) => ({ iso3: poc.iso3, before: poc.before, after: poc.after })),
    },
  }));
}

/** Two transactions touching one item at the same moment: DynamoDB cancels one; the same writes may go again. */
async function withTransactionConflictRetry(write: () => Promise<void>, tries = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ContactsChanged || !isRace(error) || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}
