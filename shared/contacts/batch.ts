// Writes many contact changes (an import, the demo seed) in transactions of at most 100 items, each with the
// obligations of the States it touches and one audit entry per owner, each conditional on what was read before it.

import type { AuditAction } from "../audit/actions.ts";
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
  organizationActedFor,
  type PocChange,
  type StoredPoc,
  writesPerChange,
} from "./repository.ts";
import { type Contact, ownerOf } from "./schemas.ts";

export interface BatchAudit {
  context: AuditContext;
  action: AuditAction;
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

/**
 * Groups changes into transactions: two items per State for its obligation and its own audit entry, one per
 * organization for its own audit entry (so each entry lands on one owner's trail, ADR 0020, ADR 0056) and one more
 * for its item once it is given a new contact (ADR 0061: refused once it is retired).
 */
export function chunkChanges(changes: readonly ContactChange[]): ContactChange[][] {
  const sorted = [...changes].sort((a, b) => a.after.owner.localeCompare(b.after.owner));
  const chunks: ContactChange[][] = [];
  let chunk: ContactChange[] = [];
  let size = 0;
  let owners = new Set<string>();
  let touched = new Set<string>();
  for (const change of sorted) {
    const owner = change.after.owner;
    const perOwner = stateOf(change) ? 2 : 1;
    const organization = organizationActedFor(change);
    const touch = () => (organization !== undefined && !touched.has(organization) ? 1 : 0);
    const cost = () => writesPerChange(change) + (owners.has(owner) ? 0 : perOwner) + touch();
    if (chunk.length && size + cost() > MAX_TRANSACTION_ITEMS) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
      owners = new Set();
      touched = new Set();
    }
    size += cost();
    chunk.push(change);
    owners.add(owner);
    if (organization) touched.add(organization);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

export interface WriteOptions {
  /** States the caller has just added (the local seed's): they have no contacts yet, so none is read (ADR 0037). */
  newStates?: ReadonlySet<string>;
  /**
   * Transactions in flight at once (default 1, in order). Above 1, a transaction still waits for the earlier ones
   * that touch one of its States, so each obligation moves through the same revisions as one at a time (ADR 0037).
   */
  concurrency?: number;
}

/** A promise settled from outside: a transaction's end, which the later ones touching its States wait for. */
function settlement() {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  // Awaited only by later transactions, which may never start after a failure.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

interface PlannedTransaction {
  index: number;
  chunk: ContactChange[];
  pocs: PocChange[];
  entries: AuditInput[];
  /** The earlier transactions that touch one of its States. */
  after: number[];
}

/**
 * Writes the changes, validated beforehand by the caller. Each transaction is conditional (contacts on their version
 * or absence, addresses on their guard, obligations on the revision read here), so a writer that got in between stops
 * the batch with a Conflict naming what was already written, and corrupts nothing.
 */
export async function writeContactChanges(
  deps: ContactDependencies,
  changes: readonly ContactChange[],
  audit: BatchAudit,
  { newStates = new Set(), concurrency = 1 }: WriteOptions = {},
): Promise<void> {
  const byState = new Map<string, StateContacts>();
  const codes = [...new Set(changes.flatMap((change) => stateOf(change) ?? []))];
  // The obligations before the contacts: a write in between moves the revision and fails our condition.
  const obligations = await deps.contacts.pocObligations(codes);
  await eachLimited(codes, 8, async (iso3) => {
    const stored = obligations.get(iso3);
    if (!stored) throw new Conflict(`The point-of-contact obligation of ${iso3} is missing; seed the registry first`);
    const contacts = newStates.has(iso3) ? [] : await deps.contacts.contactsOf({ kind: "state", iso3 });
    byState.set(iso3, { stored, contacts: new Map(contacts.map((contact) => [contact.value.id, contact.value])) });
  });

  // Every transaction is planned in order, each from what the ones before it make of its States' obligations.
  const chunks = chunkChanges(changes);
  const lastTouching = new Map<string, number>();
  const plan: PlannedTransaction[] = chunks.map((chunk, index) => {
    const pocs: PocChange[] = [];
    const after: number[] = [];
    for (const iso3 of new Set(chunk.flatMap((change) => stateOf(change) ?? []))) {
      const state = byState.get(iso3) as StateContacts;
      for (const change of chunk) if (stateOf(change) === iso3) state.contacts.set(change.after.id, change.after);
      const coverage = pocCoverage([...state.contacts.values()], deps.clock);
      const poc: PocChange = {
        iso3,
        revision: state.stored.revision,
        before: { status: state.stored.status, view: state.stored.view },
        after: { status: obligationStatusFor(coverage.view), view: coverage.view, evaluatedOn: coverage.evaluatedOn },
      };
      pocs.push(poc);
      state.stored = { ...state.stored, status: poc.after.status, view: poc.after.view, revision: poc.revision + 1 };
      const previous = lastTouching.get(iso3);
      if (previous !== undefined) after.push(previous);
      lastTouching.set(iso3, index);
    }
    return { index, chunk, pocs, entries: auditEntries(audit, chunk, pocs, `${index + 1} of ${chunks.length}`), after };
  });

  const done = plan.map(settlement);
  let written = 0;
  await eachLimited(plan, concurrency, async ({ index, chunk, pocs, entries, after }) => {
    try {
      await Promise.all(after.map((earlier) => done[earlier]?.promise));
      await withTransactionConflictRetry(() => deps.contacts.saveContacts(chunk, pocs, entries));
      written += chunk.length;
      done[index]?.resolve();
    } catch (error) {
      done[index]?.reject(error);
      if (!(error instanceof DomainError) && !isRace(error)) throw error;
      const cause =
        error instanceof DomainError ? error.message : "other writes touched the same items at the same moment";
      throw new Conflict(
        `Stopped at transaction ${index + 1} of ${chunks.length}: ${cause}. ${written} contact(s) were written by the ` +
          `transactions before it; nothing of this one was. ${audit.onStop}`,
        { written },
      );
    }
  });
}

/**
 * One audit entry per owner the transaction touches: a State's names it (`iso3`) with its obligation's change, an
 * organization's names it as its contacts do (`owner`).
 */
function auditEntries(audit: BatchAudit, chunk: ContactChange[], pocs: PocChange[], transaction: string): AuditInput[] {
  const groups = new Map<string, ContactChange[]>();
  for (const change of chunk) groups.set(change.after.owner, [...(groups.get(change.after.owner) ?? []), change]);
  return [...groups].map(([owner, changes]) => {
    const iso3 = changes[0] && stateOf(changes[0]);
    return {
      ...audit.context,
      action: audit.action,
      entity: audit.entity,
      after: {
        transaction,
        ...(iso3 ? { iso3 } : { owner }),
        created: changes.filter((change) => !change.before).map((change) => change.after),
        updated: changes
          .filter((change) => change.before)
          .map((change) => ({ before: change.before?.value, after: change.after })),
        pointOfContact: pocs
          .filter((poc) => poc.iso3 === iso3)
          .map((poc) => ({ iso3: poc.iso3, before: poc.before, after: poc.after })),
      },
    };
  });
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
