// Dispatch: resolves a wave's audience, renders each letter, writes one message per recipient into the ledger (once,
// whatever the retries) and enqueues the keys of every message still queued.
import { Invalid, NotFound } from "../errors.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import { renderLetter } from "../templates/rules.ts";
import type { Template } from "../templates/schemas.ts";
import { COMMITTEE_NAME } from "../templates/templates.ts";
import type { TemplateVariable } from "../templates/variables.ts";
import {
  type AudienceDependencies,
  type Recipient,
  resolveAudience,
  type Skipped,
  type UnreachedOwner,
} from "./audiences.ts";
import type { Ledger } from "./ledger.ts";
import { MAX_BATCH, type SendQueue } from "./memory-queue.ts";
import { type DispatchWave, dispatchWaveSchema, type Message, type MessageKey } from "./schemas.ts";
import type { Unreached } from "./unreached.ts";

/** Where a test may stop dispatch as a crash would: after the n-th new message, or before anything is enqueued. */
export type DispatchFault = (step: "after-put" | "before-enqueue", written: number) => void | Promise<void>;

export interface DispatchDependencies extends AudienceDependencies {
  templates: TemplateRepository;
  ledger: Ledger;
  queue: SendQueue;
  faults?: DispatchFault | undefined;
}

export interface DispatchSummary {
  waveId: string;
  recipients: number;
  skipped: number;
  failed: number;
  /** Owners no letter reaches: no usable point of contact and, for a State, no usable Permanent Mission address. */
  unreached: number;
  /** Messages this run wrote; the others were in the ledger already (a retried dispatch writes none). */
  written: number;
  enqueued: number;
  /** Dispatched after its deadline: every letter is recorded as expired, none is enqueued. */
  pastDeadline: boolean;
}

function valuesFor(
  wave: DispatchWave,
  recipient: Recipient,
  sendDate: string,
): Partial<Record<TemplateVariable, string>> {
  const { owner, contact } = recipient;
  const values: Partial<Record<TemplateVariable, string>> = {
    "committee.name": COMMITTEE_NAME,
    "wave.sendDate": sendDate,
    "contact.name": contact.name,
  };
  if (wave.deadline) values.deadline = wave.deadline;
  if (wave.chair) values["committee.chair"] = wave.chair;
  if (contact.title) values["contact.title"] = contact.title;
  if (contact.agency) values["contact.agency"] = contact.agency;
  if (owner.iso3) {
    values["state.name"] = owner.name;
    values["state.iso3"] = owner.iso3;
  }
  if (owner.acronym) {
    values["organization.name"] = owner.name;
    values["organization.acronym"] = owner.acronym;
  }
  return values;
}

/** The recipient's message: queued with its letter, or failed with the reason the letter could not be written. */
function recipientMessage(
  wave: DispatchWave,
  template: Template,
  recipient: Recipient,
  now: string,
  pastDeadline: boolean,
): Message {
  const base = {
    waveId: wave.id,
    recipient: recipient.recipient,
    contactId: recipient.contact.id,
    owner: recipient.owner.owner,
    email: recipient.email,
    notAfter: wave.notAfter,
    claims: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    const letter = renderLetter(template, recipient.language, valuesFor(wave, recipient, now.slice(0, 10)));
    return pastDeadline
      ? { ...base, letter, status: "expired", reason: "dispatched after the wave's not-after deadline" }
      : { ...base, letter, status: "queued" };
  } catch (error) {
    // One recipient's missing value (e.g. a contact without a title the letter names) fails that letter only.
    if (error instanceof Invalid) return { ...base, status: "failed", reason: error.message };
    throw error;
  }
}

function skippedMessage(wave: DispatchWave, skipped: Skipped, now: string): Message {
  return {
    waveId: wave.id,
    recipient: skipped.recipient,
    contactId: skipped.contactId,
    owner: skipped.owner.owner,
    email: skipped.email,
    status: "skipped",
    skipReason: skipped.reason,
    reason: skipped.duplicateOf ? `${skipped.reason}: the letter goes to ${skipped.duplicateOf}` : skipped.reason,
    duplicateOf: skipped.duplicateOf,
    notAfter: wave.notAfter,
    claims: 0,
    createdAt: now,
    updatedAt: now,
  };
}

const unreachedRecord = (wave: DispatchWave, { owner, reason, detail }: UnreachedOwner, now: string): Unreached => ({
  waveId: wave.id,
  owner: owner.owner,
  name: owner.name,
  ...(owner.iso3 ? { iso3: owner.iso3 } : {}),
  reason,
  detail,
  recordedAt: now,
});

export const dispatch =
  (deps: DispatchDependencies) =>
  async (input: DispatchWave): Promise<DispatchSummary> => {
    const wave = dispatchWaveSchema.parse(input);
    const template = await deps.templates.get(wave.templateId);
    if (!template) throw new NotFound("Template", wave.templateId);
    const now = deps.clock.now().toISOString();
    const pastDeadline = now > wave.notAfter;
    const audience = await resolveAudience(deps, wave.audience);
    const messages = [
      ...audience.recipients.map((recipient) => recipientMessage(wave, template.value, recipient, now, pastDeadline)),
      ...audience.skipped.map((skipped) => skippedMessage(wave, skipped, now)),
    ];

    // One conditional put per message, in order: a retry finds what an earlier run wrote and keeps it, so the
    // ledger holds the letter as first rendered. What is still queued is enqueued again, whoever wrote it.
    const toEnqueue: MessageKey[] = [];
    let written = 0;
    let failed = 0;
    for (const message of messages) {
      const result = await deps.ledger.putNew(message);
      const stored = result.created ? message : result.existing;
      if (result.created) {
        written += 1;
        await deps.faults?.("after-put", written);
      }
      if (stored?.status === "failed") failed += 1;
      if (stored?.status === "queued") toEnqueue.push({ waveId: wave.id, recipient: stored.recipient });
    }
    for (const owner of audience.unreached) await deps.ledger.putUnreached(unreachedRecord(wave, owner, now));
    await deps.faults?.("before-enqueue", written);
    for (let start = 0; start < toEnqueue.length; start += MAX_BATCH) {
      await deps.queue.sendBatch(toEnqueue.slice(start, start + MAX_BATCH));
    }
    return {
      waveId: wave.id,
      recipients: audience.recipients.length,
      skipped: audience.skipped.length,
      failed,
      unreached: audience.unreached.length,
      written,
      enqueued: toEnqueue.length,
      pastDeadline,
    };
  };
