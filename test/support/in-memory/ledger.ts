// The send ledger in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/ledger.contract.ts): one message per (wave, recipient), moved only while it stands as expected.
import type { Clock } from "#shared/clock.ts";
import type { ContactRepository } from "#shared/contacts/repository.ts";
import {
  type Ledger,
  type MoveFields,
  ResendContactMoved,
  resentLetterIndexKeys,
} from "#shared/correspondence/ledger.ts";
import { canMove, ResendRaced } from "#shared/correspondence/lifecycle.ts";
import {
  type Message,
  type MessageKey,
  type MessageStatus,
  messageStatusSchema,
} from "#shared/correspondence/schemas.ts";
import type { Unreached } from "#shared/correspondence/unreached.ts";
import { NotFound } from "#shared/errors.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import { pageOf, sortedBy } from "./paging.ts";

export interface InMemoryLedger extends Ledger {
  readonly audit: InMemoryAudit;
}

const keyOf = ({ waveId, recipient }: MessageKey) => `${waveId}\u0000${recipient}`;
const copy = <T>(value: T): T => structuredClone(value);

/** `fields` set on `message`; a field given as undefined is removed, as the adapter's REMOVE does. */
function withFields(message: Message, fields: MoveFields, keepUndefined: boolean): Message {
  const next: Record<string, unknown> = { ...message };
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) next[field] = value;
    else if (!keepUndefined) delete next[field];
  }
  return next as Message;
}

/** `contacts`: where a resend's contact is checked, as the adapter's transaction checks the contact item. */
export function inMemoryLedger(
  clock: Clock,
  audit: InMemoryAudit = inMemoryAudit(clock),
  contacts?: Pick<ContactRepository, "getContact">,
): InMemoryLedger {
  const messages = new Map<string, Message>();
  const unreached = new Map<string, Unreached>();
  /** Each State's follow-up hold: the wave that writes its follow-up letter. */
  const holds = new Map<string, string>();
  const now = () => clock.now().toISOString();
  const ofWave = (waveId: string) =>
    sortedBy(
      [...messages.values()].filter((message) => message.waveId === waveId),
      (message) => message.recipient,
    );

  /** Moves a message still in `from`, and passing `guard`, to `to`, as the adapter's conditional update does. */
  const moveIf = (
    key: MessageKey,
    from: MessageStatus | readonly MessageStatus[],
    to: MessageStatus,
    fields: MoveFields = {},
    guard: (stored: Message) => boolean = () => true,
  ): boolean => {
    const sources = typeof from === "string" ? [from] : [...from];
    for (const source of sources) {
      if (!canMove(source, to)) throw new Error(`A message cannot move from ${source} to ${to}`);
    }
    const stored = messages.get(keyOf(key));
    if (!stored || !sources.includes(stored.status) || !guard(stored)) return false;
    messages.set(keyOf(key), withFields({ ...stored, status: to, updatedAt: now() }, fields, false));
    return true;
  };

  return {
    audit,

    putNew: async (message) => {
      const existing = messages.get(keyOf(message));
      if (existing) return { created: false, existing: copy(existing) };
      messages.set(keyOf(message), copy(message));
      return { created: true };
    },

    putUnreached: async (entry) => {
      const key = `${entry.waveId}\u0000${entry.owner}`;
      if (unreached.has(key)) return false;
      unreached.set(key, copy(entry));
      return true;
    },

    unreached: async (waveId, page) =>
      pageOf(
        sortedBy(
          [...unreached.values()].filter((entry) => entry.waveId === waveId),
          (entry) => entry.owner,
        ),
        (entry) => entry.owner,
        { ...page, scope: `wave-unreached:${waveId}` },
      ),

    countUnreached: async (waveId) => [...unreached.values()].filter((entry) => entry.waveId === waveId).length,

    get: async (key) => {
      const found = messages.get(keyOf(key));
      return found && copy(found);
    },

    claim: async (key, leaseMs) => {
      const stored = messages.get(keyOf(key));
      const at = clock.now();
      if (stored?.status !== "queued" || !(stored.notAfter > at.toISOString())) {
        return { claimed: false, current: stored && copy(stored) };
      }
      const next: Message = {
        ...stored,
        status: "sending",
        leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
        updatedAt: at.toISOString(),
        claims: stored.claims + 1,
      };
      messages.set(keyOf(key), next);
      return { claimed: true, message: copy(next) };
    },

    move: async (key, from, to, fields, seenLease) =>
      moveIf(key, from, to, fields, (stored) => seenLease === undefined || stored.leaseUntil === seenLease),

    failHalted: async (key, reason) =>
      moveIf(key, "queued", "failed", { reason }, (stored) => stored.resentAt === undefined),

    resend: async (message, { email, reason, contact }, context) => {
      const at = now();
      const stored = messages.get(keyOf(message));
      if (!stored) throw new NotFound("Message", `${message.waveId}/${message.recipient}`);
      if (stored.status !== "unknown" || !(stored.notAfter > at)) {
        throw new ResendRaced(stored);
      }
      if (contact) {
        if (!contacts) throw new Error("This in-memory ledger was given no contacts to check a resend's contact on");
        if ((await contacts.getContact(contact.id))?.version !== contact.version) throw new ResendContactMoved();
      }
      const { leaseUntil: _lease, ...rest } = message;
      const next: Message = { ...rest, email, status: "queued", reason, resentAt: at, updatedAt: at };
      const { leaseUntil: _stored, ...kept } = stored;
      messages.set(keyOf(message), { ...kept, email, status: "queued", reason, resentAt: at, updatedAt: at });
      const withoutLetter = ({ letter: _letter, ...facts }: Message) => facts;
      audit.record({
        ...context,
        action: "wave.resend",
        entity: { type: "wave", id: message.waveId },
        before: withoutLetter(message),
        after: withoutLetter(next),
      });
      return copy(next);
    },

    // By the adapter's index key, so that the same deadlines are in and out.
    resentLetters: async (notAfterAfter) =>
      sortedBy(
        [...messages.values()].filter(
          (message) => message.resentAt !== undefined && resentLetterIndexKeys(message).gsi3sk > notAfterAfter,
        ),
        (message) => resentLetterIndexKeys(message).gsi3sk,
      ).map(copy),

    note: async (key, status, fields) => {
      const stored = messages.get(keyOf(key));
      if (stored?.status !== status) return false;
      messages.set(keyOf(key), withFields({ ...stored, updatedAt: now() }, fields, true));
      return true;
    },

    listByStatus: async (waveId, status) =>
      ofWave(waveId)
        .filter((message) => message.status === status)
        .map(copy),

    hasUnsettled: async (waveId) =>
      ofWave(waveId).some((message) => message.status === "queued" || message.status === "sending"),

    counts: async (waveId) => {
      const counts = Object.fromEntries(messageStatusSchema.options.map((status) => [status, 0])) as Record<
        Message["status"],
        number
      >;
      for (const message of ofWave(waveId)) counts[message.status] += 1;
      return counts;
    },

    lettersOf: async (owner) =>
      sortedBy(
        [...messages.values()].filter((message) => message.owner === owner),
        (message) => `${message.createdAt}#${message.waveId}#${message.recipient}`,
      ).map(({ waveId, recipient, status, createdAt }) => ({ waveId, recipient, status, createdAt })),

    messagesOf: async (waveId) => ofWave(waveId).map(copy),

    async holdFollowUp(iso3, waveId, over) {
      const holder = holds.get(iso3);
      if (holder === undefined || holder === waveId || holder === over) {
        holds.set(iso3, waveId);
        return { held: true };
      }
      return { held: false, holder };
    },
  };
}
