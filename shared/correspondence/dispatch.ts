// Dispatch: resolves a wave's audience, renders each letter in the recipient's language inside the Committee's
// form, writes one message per recipient into the ledger (once, whatever the retries) and enqueues the keys of
// every message still queued. A wave that keeps its letter's digest is dispatched only while the template still says
// that letter. The rest of a halted wave writes to no owner the halted wave wrote to (shared/waves/rest-of.ts).

import type { AssistanceOffer, AssistanceRequest } from "../assistance/schemas.ts";
import type { Clock } from "../clock.ts";
import { POC_ROLES } from "../contacts/poc-coverage.ts";
import { type Contact, type Owner, ownerText, parseOwner } from "../contacts/schemas.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import {
  type ContactOnRecord,
  contactLine,
  followUpLine,
  type LetterFacts,
  letterForm,
  letterValues,
} from "../templates/letter-values.ts";
import { offerLine, offersInLetterOrder } from "../templates/offer-lines.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import { letterDigest, letterLanguageOf, renderLetter, variablesOf } from "../templates/rules.ts";
import type { Template } from "../templates/schemas.ts";
import { resolveWaveAudience } from "../waves/rest-of.ts";
import { waveInWords } from "../waves/wave-words.ts";
import type { AudienceDependencies, Recipient, ResolvedAudience, Skipped, UnreachedOwner } from "./audiences.ts";
import { EXPIRED_AT_DISPATCH } from "./expired-at-dispatch.ts";
import { type FollowUpHolder, followUpsHeldElsewhere, leftToOtherWaves } from "./follow-up-holds.ts";
import type { Ledger } from "./ledger.ts";
import { MAX_BATCH, type SendQueue } from "./memory-queue.ts";
import { type DispatchWave, dispatchWaveSchema, type Message, type MessageKey } from "./schemas.ts";
import type { Unreached } from "./unreached.ts";

/** Where a test may stop dispatch as a crash would: after the n-th new message, or before anything is enqueued. */
export type DispatchFault = (step: "after-put" | "before-enqueue", written: number) => void | Promise<void>;

export interface DispatchDependencies extends AudienceDependencies {
  /** Dispatch's now: when the letters are written, and the instant the audience is resolved as of. */
  clock: Clock;
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
  /** States owed a follow-up left to the wave that writes their letter (ISO code -> wave id); absent when none. */
  followUpsHeldElsewhere?: Record<string, string>;
}

/**
 * The template's letters no longer say what they said when the wave was scheduled (its letter digest): what the wave
 * would send is not the letter checked, and approved from a test copy, then. Thrown before anything is written.
 */
export class LettersChanged extends Conflict {
  constructor(
    readonly waveId: string,
    readonly templateId: string,
  ) {
    super(`Template ${templateId}'s letters changed after wave ${waveId} was scheduled`, { templateId });
  }
}

/** The owner's active points of contact, as the letter lists them: it asks the owner to confirm each of these. */
function contactsListed(contacts: readonly Contact[], owner: Owner): ContactOnRecord[] {
  const roles = owner.kind === "state" ? POC_ROLES : (["organization-poc"] as const);
  return contacts
    .filter((contact) => contact.active && (roles as readonly string[]).includes(contact.role))
    .map(({ name, title, agency, email, phone, emailStatus }) => ({
      name,
      title,
      agency,
      email,
      phone,
      // A complaint is the recipient's own doing and not said back to them; a bounce or a suppression is the address.
      undelivered: emailStatus === "bounced" || emailStatus === "suppressed",
    }));
}

/** What dispatch reads for a letter beyond the recipient and the wave, by owner, when the template names it. */
interface OwnerReadings {
  contactsOnRecord: ReadonlyMap<string, ContactOnRecord[]>;
  /** Each owner's offers, in the order a letter lists them; none for an owner that offers nothing. */
  offersOnRecord: ReadonlyMap<string, readonly AssistanceOffer[]> | undefined;
  followUps: ReadonlyMap<string, readonly AssistanceRequest[]>;
}

/** The letter's facts for one recipient; the reference names the wave and the State's code or the acronym. */
function factsFor(
  wave: DispatchWave,
  template: Template,
  recipient: Recipient,
  now: Date,
  readings: OwnerReadings,
): LetterFacts {
  const followUps = readings.followUps.get(recipient.owner.owner);
  const language = letterLanguageOf(template, recipient.language);
  const { owner, contact } = recipient;
  return {
    reference: `${wave.id}/${owner.iso3 ?? owner.acronym ?? owner.owner}`,
    now,
    state: owner.iso3 ? { iso3: owner.iso3, name: owner.name } : undefined,
    organization: owner.acronym
      ? { id: owner.owner.replace(/^ORG:/, ""), name: owner.name, acronym: owner.acronym }
      : undefined,
    contact,
    addressedTo: recipient.addressedTo,
    missionBecause: recipient.missionBecause,
    deadline: wave.deadline,
    chair: wave.chair,
    values: wave.values,
    contactsOnRecord: readings.contactsOnRecord
      .get(recipient.owner.owner)
      ?.map((listed) => contactLine(listed, language)),
    offersOnRecord: readings.offersOnRecord
      ? (readings.offersOnRecord.get(owner.owner) ?? []).map((offer) => offerLine(offer, language))
      : undefined,
    followUps: followUps?.map((request) => followUpLine(request, language)),
  };
}

/** The message of a recipient whose letter is rendered: queued, or expired when dispatched past its deadline. */
function recipientMessage(
  wave: DispatchWave,
  template: Template,
  recipient: Recipient,
  now: Date,
  pastDeadline: boolean,
  readings: OwnerReadings,
): Message {
  const at = now.toISOString();
  const base = {
    waveId: wave.id,
    recipient: recipient.recipient,
    contactId: recipient.contact.id,
    owner: recipient.owner.owner,
    email: recipient.email,
    notAfter: wave.notAfter,
    claims: 0,
    createdAt: at,
    updatedAt: at,
  };
  try {
    const facts = factsFor(wave, template, recipient, now, readings);
    const letter = renderLetter(template, recipient.language, letterValues(facts), letterForm(facts));
    return pastDeadline
      ? { ...base, letter, status: "expired", reason: EXPIRED_AT_DISPATCH }
      : { ...base, letter, status: "queued" };
  } catch (error) {
    // One recipient's missing value (e.g. a contact without a title the letter names) fails that letter only.
    if (error instanceof Invalid) return { ...base, status: "failed", reason: error.message };
    throw error;
  }
}

/** Each owner's contacts on record, read once per owner and only when the template lists them. */
async function contactsOnRecordOf(
  deps: DispatchDependencies,
  template: Template,
  recipients: readonly Recipient[],
): Promise<Map<string, ContactOnRecord[]>> {
  const listed = new Map<string, ContactOnRecord[]>();
  if (!variablesOf(template).has("contacts.onRecord")) return listed;
  for (const ownerText of new Set(recipients.map((recipient) => recipient.owner.owner))) {
    const owner = parseOwner(ownerText);
    if (!owner) continue;
    const contacts = (await deps.contacts.contactsOf(owner)).map((contact) => contact.value);
    listed.set(ownerText, contactsListed(contacts, owner));
  }
  return listed;
}

/**
 * Every owner's offers of assistance, only when the template lists them: those the audience read to choose its
 * providers, else read once here.
 */
async function offersOnRecordOf(
  deps: DispatchDependencies,
  template: Template,
  audience: ResolvedAudience,
): Promise<Map<string, AssistanceOffer[]> | undefined> {
  if (!variablesOf(template).has("offers.onRecord")) return undefined;
  const byOwner = new Map<string, AssistanceOffer[]>();
  for (const offer of audience.offers ?? (await deps.assistance.allOffers())) {
    const owner = ownerText(offer.provider);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), offer]);
  }
  return new Map([...byOwner].map(([owner, offers]) => [owner, offersInLetterOrder(offers)]));
}

/** The follow-ups owed, by owner, as the follow-up audience found them (no other audience has any). */
function followUpsOf(audience: ResolvedAudience): Map<string, readonly AssistanceRequest[]> {
  return new Map(
    [...(audience.followUpsOwed ?? [])].map(([iso3, requests]) => [ownerText({ kind: "state", iso3 }), requests]),
  );
}

/** The ledger's reason for a skip: its code, and who has the letter where another does. */
function skipReasonText(skipped: Skipped): string {
  if (skipped.duplicateOf) return `${skipped.reason}: the letter goes to ${skipped.duplicateOf}`;
  if (skipped.heldBy)
    return `${skipped.reason}: its follow-up letter goes in wave ${waveInWords(skipped.heldBy.waveId, skipped.heldBy.description)}`;
  // The writer is the halted wave or a completed rest of its chain (ADR 0062): not called halted here.
  if (skipped.writtenBy)
    return `${skipped.reason}: wave ${waveInWords(skipped.writtenBy.waveId, skipped.writtenBy.description)} of this rest's chain wrote to it`;
  return skipped.reason;
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
    reason: skipReasonText(skipped),
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

/**
 * Writes the wave's letters into the ledger and enqueues what is queued. With the digest the wave kept when it was
 * scheduled, the template is first compared with it: changed (LettersChanged), nothing is read, written or enqueued.
 */
export const dispatch =
  (deps: DispatchDependencies) =>
  async (input: DispatchWave, pinnedDigest?: string): Promise<DispatchSummary> => {
    const wave = dispatchWaveSchema.parse(input);
    const template = await deps.templates.get(wave.templateId);
    if (!template) throw new NotFound("Template", wave.templateId);
    // The template rendered below is the one compared: no change can come between the check and the letters.
    if (pinnedDigest !== undefined && letterDigest(template.value) !== pinnedDigest) {
      throw new LettersChanged(wave.id, wave.templateId);
    }
    const instant = deps.clock.now();
    const now = instant.toISOString();
    const pastDeadline = now > wave.notAfter;
    // The rest of a halted wave leaves out whom it wrote to and the addresses its chain's letters bounced at
    // (rest-of.ts), before any follow-up hold is taken for them.
    const { audience: resolved } = await resolveWaveAudience(deps, wave, instant);
    // A State owed its follow-up that another wave writes to is that wave's (follow-up-holds.ts).
    const heldElsewhere = resolved.followUpsOwed
      ? await followUpsHeldElsewhere(deps, wave.id, resolved.followUpsOwed)
      : new Map<string, FollowUpHolder>();
    const audience = leftToOtherWaves(resolved, heldElsewhere);
    const readings: OwnerReadings = {
      contactsOnRecord: await contactsOnRecordOf(deps, template.value, audience.recipients),
      offersOnRecord: await offersOnRecordOf(deps, template.value, audience),
      followUps: followUpsOf(audience),
    };
    const messages = [
      ...audience.recipients.map((recipient) =>
        recipientMessage(wave, template.value, recipient, instant, pastDeadline, readings),
      ),
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
      ...(heldElsewhere.size
        ? { followUpsHeldElsewhere: Object.fromEntries([...heldElsewhere].map(([iso3, { waveId }]) => [iso3, waveId])) }
        : {}),
    };
  };
