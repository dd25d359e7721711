// Use cases on waves: create one (validated against its template), read it with its ledger counts, preview its
// audience, schedule and cancel it (with its one-time schedule), send one test copy, list its messages, and
// dispatch it (the step its schedule fires).

import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import { type Clock, fixedClock } from "../clock.ts";
import { ownerNames } from "../contacts/contact-words.ts";
import { ownerOf } from "../contacts/schemas.ts";
import type { AudienceDependencies, ResolvedAudience } from "../correspondence/audiences.ts";
import {
  type DispatchDependencies,
  type DispatchSummary,
  dispatch,
  LettersChanged,
} from "../correspondence/dispatch.ts";
import { type Ledger, ResendContactMoved } from "../correspondence/ledger.ts";
import { classifySesError, DEFAULT_EVENT_WINDOW_MS, ResendRaced, resendRefusal } from "../correspondence/lifecycle.ts";
import { MAX_BATCH, type SendQueue } from "../correspondence/memory-queue.ts";
import type { DispatchWave, Message, MessageKey, MessageStatus } from "../correspondence/schemas.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Conflict, type FieldIssue, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import type { Mailer } from "../mail/ses.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import { letterDigest } from "../templates/rules.ts";
import type { Versioned } from "../versioning.ts";
import { deskDay, sendTimeWords, utcMinute } from "../zoned-time.ts";
import { firingSoon } from "./firing-soon.ts";
import { haltWave } from "./halt.ts";
import { letterIssues } from "./letter-check.ts";
import type { WaveRepository } from "./repository.ts";
import { recipientWords, resendAddress } from "./resend-contact.ts";
import { resendReason } from "./resend-reason.ts";
import { earlierRestOf, resolveWaveAudience, restOfIssues } from "./rest-of.ts";
import { assertSendTimeReached, assertWaveTransition, localToInstant } from "./rules.ts";
import { type SameLetterWave, sameLetterWaves } from "./same-letter.ts";
import type { WaveScheduler } from "./scheduler.ts";
import type { NewWave, Wave, WaveStatus, WaveTestRequest, WaveTestResult } from "./schemas.ts";
import { assertStaffAddress, LOCAL_STAFF_MAIL_DOMAINS } from "./staff-domains.ts";

export interface WaveDependencies extends AudienceDependencies {
  clock: Clock;
  waves: WaveRepository;
  templates: TemplateRepository;
  ledger: Ledger;
}

export interface WaveSchedulingDependencies extends WaveDependencies {
  scheduler: WaveScheduler;
}

export interface WaveTestDependencies extends WaveDependencies {
  mailer: Mailer;
  /** The mail domains a test copy may go to (STAFF_MAIL_DOMAINS); the local default when absent. */
  staffMailDomains?: readonly string[] | undefined;
}

export type WaveDispatchDependencies = WaveDependencies & DispatchDependencies;

/** What completing a settled wave needs: the waves and the ledger, no audience. */
export type WaveSettlingDependencies = Pick<WaveDependencies, "waves" | "ledger" | "clock">;

export interface WaveResendDependencies extends WaveSchedulingDependencies {
  /**
   * The wave queue the sender reads: a resent letter goes the way every letter goes. Without one (the api has no SQS
   * client), a one-time schedule fires wave-dispatch soon to enqueue the wave's letters sent again.
   */
  queue?: SendQueue | undefined;
  /** How long SES events may still settle an unknown letter (lifecycle.ts); 24 hours when absent. */
  eventWindowMs?: number | undefined;
}

export const createWave =
  (deps: Pick<WaveDependencies, "waves" | "templates" | "clock">) =>
  async (input: NewWave, audit: AuditContext): Promise<Versioned<Wave>> => {
    const issues: FieldIssue[] = [];
    // Throws its own 422 for a local time the clocks skip.
    const sendInstant = localToInstant(input.sendAt, input.timeZone).toISOString();
    const now = deps.clock.now().toISOString();
    // A draft is made to be scheduled, and scheduling refuses a send time that has passed (a draft cannot be edited):
    // refused here, while the officer can still change it. A programme letter's held draft is not made here.
    if (now >= sendInstant) {
      issues.push({
        path: "body.sendAt",
        message: `${sendTimeWords(input.sendAt, input.timeZone, sendInstant)} has passed; give a later send time`,
      });
    }
    const template = await deps.templates.get(input.templateId);
    if (!template) issues.push({ path: "body.templateId", message: `no template ${input.templateId}` });
    else issues.push(...letterIssues(template.value, { ...input, sendInstant }, "body."));
    if (new Date(input.notAfter).getTime() <= new Date(sendInstant).getTime()) {
      issues.push({ path: "body.notAfter", message: `must be after sendAt (${sendInstant} in UTC)` });
    }
    issues.push(...(await restOfIssues(deps.waves, input, now)));
    if (issues.length) throw new Invalid("The wave cannot be created", issues);
    return deps.waves.create(
      {
        ...input,
        id: newId(deps.clock),
        notAfter: new Date(input.notAfter).toISOString(),
        sendInstant,
        status: "draft",
        createdAt: now,
        updatedAt: now,
      },
      audit,
    );
  };

export const getWave = (deps: Pick<WaveDependencies, "waves">) => async (id: string) => {
  const wave = await deps.waves.get(id);
  if (!wave) throw new NotFound("Wave", id);
  return wave;
};

/**
 * The wave with how many of its messages are in each status (one counting Query per status on the index), and how
 * many owners it could not reach at all.
 */
export const getWaveWithCounts = (deps: Pick<WaveDependencies, "waves" | "ledger">) => async (id: string) => {
  const wave = await getWave(deps)(id);
  const [counts, unreached] = await Promise.all([deps.ledger.counts(id), deps.ledger.countUnreached(id)]);
  return { wave, counts: { ...counts, unreached } };
};

/** The owners (States, or organizations) the wave could not reach at all, with the reason, in owner order. */
export const listUnreached =
  (deps: Pick<WaveDependencies, "waves" | "ledger">) => async (id: string, page: PageRequest) => {
    await getWave(deps)(id);
    return deps.ledger.unreached(id, page);
  };

export const listWaves = (deps: Pick<WaveDependencies, "waves">) => (page: PageRequest) => deps.waves.list(page);

/**
 * The instant a wave's audience is resolved as of before it is dispatched: its send instant while that is ahead, so
 * the list approved is the one that goes out (follow-ups fall due and contacts go stale with the day alone); now once
 * it has passed, as dispatch would run now.
 */
export function audienceAsOf(wave: Pick<Wave, "sendInstant">, now: Date): Date {
  const sendInstant = new Date(wave.sendInstant);
  return sendInstant > now ? sendInstant : now;
}

export type AudiencePreview = Omit<ResolvedAudience, "followUpsOwed" | "offers"> & {
  asOfDay: string;
  sameLetter: SameLetterWave[];
};

/**
 * Who the wave would write to when dispatched, and who would be left out and why (the rest of a halted wave leaving out
 * whom it wrote to, as dispatch does), as of audienceAsOf, with the other waves that send the same letter to the same
 * audience (shared/waves/same-letter.ts); writes nothing.
 */
export const previewAudience =
  (deps: Pick<WaveDependencies, "waves" | "clock"> & AudienceDependencies) =>
  async (id: string): Promise<AudiencePreview> => {
    const wave = await getWave(deps)(id);
    const asOf = audienceAsOf(wave.value, deps.clock.now());
    const [{ audience, written }, sameLetter] = await Promise.all([
      resolveWaveAudience(deps, wave.value, asOf),
      sameLetterWaves(deps, wave.value),
    ]);
    // The owed requests and the offers are dispatch's, for the letters; the preview shows who is written to.
    const { followUpsOwed: _, offers: __, ...preview } = audience;
    // The halted waves this one is the rest of write to none of its recipients again: not the same letter twice.
    const again = sameLetter.filter((other) => !written.waveIds.includes(other.id));
    return { ...preview, asOfDay: deskDay(asOf), sameLetter: again };
  };

export const listWaveMessages =
  (deps: Pick<WaveDependencies, "waves">) =>
  async (id: string, status: MessageStatus | undefined, page: PageRequest) => {
    await getWave(deps)(id);
    return deps.waves.messages(id, status, page);
  };

async function moveWave(
  deps: Pick<WaveDependencies, "waves" | "clock">,
  current: Versioned<Wave>,
  expectedVersion: number,
  to: WaveStatus,
  audit: AuditContext,
  changes: Partial<Pick<Wave, "scheduleName" | "letterDigest">> = {},
) {
  const { value } = current;
  if (current.version !== expectedVersion)
    throw new PreconditionFailed(`Wave ${value.id}`, current.version, expectedVersion);
  assertWaveTransition(value, value.status, to);
  const next: Wave = { ...value, ...changes, status: to, updatedAt: deps.clock.now().toISOString() };
  return deps.waves.move(current, expectedVersion, next, audit);
}

/**
 * draft -> scheduled, with the wave's one-time schedule. The schedule is made first and the wave moved after, so
 * no failure leaves a wave scheduled without a schedule: when the move fails (a stale If-Match, a concurrent
 * cancel, a crash) the schedule is left for a wave that is not scheduled, and when it fires dispatch refuses that
 * wave and sends nothing; calling again confirms the same schedule. Refused, with nothing made, once the
 * not-after deadline has passed (every letter would only expire) or once the send time itself has passed: a
 * letter never leaves later than asked unless someone asks again (a new wave with a later send time). Refused too
 * (422, nothing made) when its letters could not be rendered from the template as it stands now: the template may
 * have changed since the wave was created, and a wave created before the check existed was never checked. The wave
 * keeps the digest of the letter checked (letterDigest): dispatch and a test copy refuse a template changed since.
 */
export const scheduleWave =
  (deps: Pick<WaveSchedulingDependencies, "waves" | "templates" | "scheduler" | "clock">) =>
  async (id: string, expectedVersion: number, audit: AuditContext) => {
    const current = await getWave(deps)(id);
    const { value } = current;
    if (current.version !== expectedVersion)
      throw new PreconditionFailed(`Wave ${id}`, current.version, expectedVersion);
    assertWaveTransition(value, value.status, "scheduled");
    const now = deps.clock.now().toISOString();
    // Said to an officer on the wave's own page: the wave by its description, times once each, no id (audit 32).
    const subject = value.description ? `The wave “${value.description}”` : "The wave";
    if (now >= value.notAfter) {
      throw new Conflict(
        `${subject} cannot be scheduled: its no-letter-after limit, ${utcMinute(value.notAfter)}, has passed`,
      );
    }
    if (now >= value.sendInstant) {
      throw new Conflict(
        `${subject} cannot be scheduled: its send time, ${sendTimeWords(value.sendAt, value.timeZone, value.sendInstant)}, ` +
          "has passed; create a wave with a later send time",
      );
    }
    const earlierRest = await earlierRestOf(deps.waves, value, now);
    if (earlierRest) throw new Conflict(`${subject} cannot be scheduled: ${earlierRest}`);
    const template = await deps.templates.get(value.templateId);
    const issues = template
      ? letterIssues(template.value, value, "wave.")
      : [{ path: "wave.templateId", message: `no template ${value.templateId}` }];
    if (!template || issues.length) {
      throw new Invalid(
        `Wave ${id} cannot be scheduled: its letters would fail or be wrong; change the template, or create a ` +
          "wave that gives what is named",
        issues,
      );
    }
    const scheduleName = await deps.scheduler.schedule(value);
    // The letter just checked is the one the wave sends: the template-side refusal reads an eventually consistent
    // index, so a change made in the same second is caught by this digest instead (ADR 0015).
    return moveWave(deps, current, expectedVersion, "scheduled", audit, {
      scheduleName,
      letterDigest: letterDigest(template.value),
    });
  };

/**
 * draft or scheduled -> cancelled, then the schedule is deleted. In that order: were the schedule deleted first and
 * the move then refused, the wave would stay scheduled with nothing to fire it. A schedule that outlives the cancel
 * (its deletion failed: the request fails, the cancel stands) fires into dispatch's refusal of a cancelled wave.
 * A draft's schedule is deleted too: an attempt to schedule it may have made one before its move failed.
 */
export const cancelWave =
  (deps: Pick<WaveSchedulingDependencies, "waves" | "scheduler" | "clock">) =>
  async (id: string, expectedVersion: number, audit: AuditContext) => {
    const cancelled = await moveWave(deps, await getWave(deps)(id), expectedVersion, "cancelled", audit);
    await deps.scheduler.unschedule(id);
    return cancelled;
  };

export interface RestoredSchedules {
  restored: string[];
  /** Scheduled waves whose send time passed while no scheduler ran: left as they are, for someone to decide. */
  missed: Wave[];
}

/**
 * Makes every scheduled wave's schedule again, for a scheduler that keeps nothing across restarts (the local one).
 * A wave whose send time passed meanwhile is not fired late on its own: it is answered as missed.
 */
export const restoreWaveSchedules =
  (deps: Pick<WaveSchedulingDependencies, "waves" | "scheduler" | "clock">) => async (): Promise<RestoredSchedules> => {
    const result: RestoredSchedules = { restored: [], missed: [] };
    const now = deps.clock.now().toISOString();
    let cursor: string | undefined;
    do {
      const page = await deps.waves.list({ limit: 100, cursor });
      for (const { value } of page.items) {
        if (value.status !== "scheduled") continue;
        if (value.sendInstant <= now) result.missed.push(value);
        else {
          await deps.scheduler.schedule(value);
          result.restored.push(value.id);
        }
      }
      cursor = page.cursor;
    } while (cursor);
    return result;
  };

const dispatchInputOf = ({
  id,
  templateId,
  audience,
  notAfter,
  deadline,
  chair,
  values,
  restOf,
}: Wave): DispatchWave => ({ id, templateId, audience, notAfter, deadline, chair, values, restOf });

/**
 * Every message dispatch would write for the wave as of audienceAsOf, letters rendered, with nothing written or enqueued:
 * dispatch itself runs against a ledger that only collects and a queue that drops.
 */
async function dryRunDispatch(deps: WaveDependencies, wave: Wave): Promise<Message[]> {
  const messages: Message[] = [];
  const ledger: Ledger = {
    ...deps.ledger,
    putNew: async (message) => {
      messages.push(message);
      return { created: true };
    },
    putUnreached: async () => false,
  };
  const { registry, organizations, contacts, assistance, templates, waves } = deps;
  await dispatch({
    registry,
    organizations,
    contacts,
    assistance,
    // Written as the wave's dispatch will write it: its audience and letters as of audienceAsOf.
    clock: fixedClock(audienceAsOf(wave, deps.clock.now())),
    templates,
    waves,
    ledger,
    queue: { sendBatch: async () => undefined },
  })(dispatchInputOf(wave), wave.letterDigest);
  return messages;
}

type Lettered = Message & { letter: NonNullable<Message["letter"]> };
const hasLetter = (message: Message): message is Lettered => message.letter !== undefined;

/** The message of the contact asked for, or the first recipient with a letter; refused with the reason otherwise. */
function testMessage(wave: Wave, messages: readonly Message[], contactId: string | undefined): Lettered {
  if (contactId === undefined) {
    const first = messages.find(hasLetter);
    if (!first) {
      throw new Conflict(`Wave ${wave.id}'s audience (${wave.audience}) has no recipient with a letter`);
    }
    return first;
  }
  const message = messages.find((candidate) => candidate.contactId === contactId);
  const refuse = (why: string) =>
    new Invalid("No test letter for that contact", [{ path: "body.contactId", message: why }]);
  if (!message) throw refuse(`${contactId} is not a contact the wave's audience (${wave.audience}) writes to`);
  if (!hasLetter(message)) {
    throw refuse(`the wave would not write to ${contactId}: ${message.reason ?? message.status}`);
  }
  return message;
}

const TEST_PREFIX = "[TEST] ";

/** SES refusing the copy (an address not verified in the sandbox, a malformed one) is for the caller to fix: 409. */
function refusedTestCopy(error: unknown): unknown {
  const failure = classifySesError(error);
  if (failure.kind !== "rejected" && failure.kind !== "failed") return error;
  return new Conflict(`SES refused the test copy, so nothing was sent or recorded: ${failure.reason}`);
}

/**
 * One copy of the wave's letter, as dispatch renders it for one of its recipients, sent to a staff address (one in
 * the staff mail domains, else 422 and nothing is sent) with the subject marked [TEST]. Nothing reaches the ledger, so the wave's counts and real letters are untouched. The
 * audit entry (wave, contact, address, SES message id) is written once SES has accepted the mail, so a refused
 * send (an unverified address in the SES sandbox, no sender configured) records nothing that did not happen.
 */
export const sendTestLetter =
  (deps: WaveTestDependencies) =>
  async (id: string, request: WaveTestRequest, audit: AuditContext): Promise<WaveTestResult> => {
    assertStaffAddress(request.to, deps.staffMailDomains ?? LOCAL_STAFF_MAIL_DOMAINS);
    const wave = (await getWave(deps)(id)).value;
    const messages = await dryRunDispatch(deps, wave).catch((error: unknown) => {
      if (!(error instanceof LettersChanged)) throw error;
      throw new Conflict(
        `${error.message}, so no test copy is sent: it would not be the letter the wave was scheduled with. Cancel ` +
          "the wave, then create, test and schedule a new one from the template as it stands",
        error.details,
      );
    });
    const message = testMessage(wave, messages, request.contactId);
    const { letter } = message;
    const sent = {
      waveId: wave.id,
      contactId: message.recipient,
      owner: message.owner,
      to: request.to,
      language: letter.language,
      fellBack: letter.fellBack,
      subject: `${TEST_PREFIX}${letter.subject}`,
    };
    const { messageId } = await deps.mailer
      .sendMail({
        to: request.to,
        subject: sent.subject,
        text: letter.text,
        html: letter.html,
        // No wave or message tag: delivery events of a test copy must not be taken for a ledger letter's.
        tags: { "wave-test": wave.id },
      })
      .catch((error: unknown) => {
        throw refusedTestCopy(error);
      });
    const result = { ...sent, sesMessageId: messageId };
    await deps.waves.recordTestSend(result, audit);
    return result;
  };

export interface WaveDispatchResult {
  wave: Versioned<Wave>;
  summary: DispatchSummary;
}

/** What a dispatch that wrote and enqueued nothing answers (a halted wave's). */
const nothingDispatched = (waveId: string): DispatchSummary => ({
  waveId,
  recipients: 0,
  skipped: 0,
  failed: 0,
  unreached: 0,
  written: 0,
  enqueued: 0,
  pastDeadline: false,
});

/**
 * Halts (dispatching -> halted, audited) a wave whose template's letters changed after it was scheduled; the reason
 * says what happened and what to do. Answers the wave as it stands (already halted by a concurrent run: as it is).
 */
async function haltChangedLetters(
  deps: WaveDispatchDependencies,
  changed: LettersChanged,
  audit: AuditContext,
): Promise<Versioned<Wave>> {
  const reason =
    `${changed.message}, so dispatch stopped before writing any letter. A halted wave cannot be resumed: create, ` +
    "test and schedule a new wave from the template as it stands";
  return (await haltWave(deps)(changed.waveId, reason, audit)) ?? getWave(deps)(changed.waveId);
}

/**
 * What a scheduled send time fires: scheduled -> dispatching (conditional, audited), then the ledger's dispatch.
 * A wave already dispatching is dispatched again, since dispatch is idempotent: a run that crashed between the
 * move and the last enqueue is finished by the retry. Any other status is an illegal transition (a cancelled
 * wave whose schedule still fired sends nothing), and so is a run before the send time (DispatchTooEarly): in both
 * cases nothing is written. A wave whose template's letters changed after it was scheduled is halted with nothing
 * written or enqueued, so a retried dispatch finds it halted and refuses it.
 */
export const dispatchWave =
  (deps: WaveDispatchDependencies) =>
  async (
    waveId: string,
    audit: AuditContext = { actor: systemActor("wave-dispatch") },
  ): Promise<WaveDispatchResult> => {
    let wave = await getWave(deps)(waveId);
    const { status } = wave.value;
    if (status !== "dispatching") assertWaveTransition(wave.value, status, "dispatching");
    assertSendTimeReached(wave.value, deps.clock.now());
    if (status !== "dispatching") wave = await moveWave(deps, wave, wave.version, "dispatching", audit);
    try {
      return { wave, summary: await dispatch(deps)(dispatchInputOf(wave.value), wave.value.letterDigest) };
    } catch (error) {
      if (!(error instanceof LettersChanged)) throw error;
      return { wave: await haltChangedLetters(deps, error, audit), summary: nothingDispatched(waveId) };
    }
  };

/**
 * dispatching -> completed once the ledger holds nothing queued or sending (every letter sent, refused, expired or
 * skipped); answers the wave unchanged while letters are still on their way. For the sender or a periodic check
 * to call; `unknown` messages do not hold the wave open, they are reconciled from SES events on their own.
 */
export const completeWaveIfSettled =
  (deps: WaveSettlingDependencies) =>
  async (waveId: string, audit: AuditContext = { actor: systemActor("wave-dispatch") }): Promise<Versioned<Wave>> => {
    const wave = await getWave(deps)(waveId);
    if (wave.value.status !== "dispatching") return wave;
    if (await deps.ledger.hasUnsettled(waveId)) return wave;
    try {
      return await moveWave(deps, wave, wave.version, "completed", audit);
    } catch (error) {
      // Two senders finishing the same wave's last letters both find it settled: the one that lost the race is done.
      if (!(error instanceof PreconditionFailed)) throw error;
      const now = await getWave(deps)(waveId);
      if (now.value.status === "completed") return now;
      throw error;
    }
  };

export interface ResentLetter {
  message: Message;
  /** Without a queue: the one-time schedule that fires wave-dispatch to enqueue the letter, and when (UTC). */
  schedule?: { scheduleName: string; firesAt: string } | undefined;
}

/**
 * Sends again, in one audited action, a letter left unknown by a crash once no SES event can settle it any more: the
 * message goes back to queued (conditionally, with its audit entry) and its key onto the wave queue, where the sender
 * claims and sends it like any other, with the same tags; without a queue, a one-time schedule fires wave-dispatch
 * within three minutes to enqueue it. It goes to its contact's address as it is now: changed since the letter was
 * written, the new one (the ledger and its reason say so). It goes even when its wave was halted: the halt stops the
 * wave's own sending, not an officer's deliberate resend of one letter. Refused (409) while the event window is open,
 * after the wave's not-after deadline, for a letter that is not unknown, a contact deactivated since, or one whose
 * address bounced or was reported as spam. A letter already sent again and still queued is refused too, whatever
 * became of its key (an enqueue or schedule that failed, a crash before its firing): the sweep puts it back on the
 * queue once it has waited a quarter of an hour, and the refusal says so.
 */
export const resendUnknown =
  (deps: WaveResendDependencies) =>
  async (waveId: string, recipient: string, audit: AuditContext): Promise<ResentLetter> => {
    const wave = await getWave(deps)(waveId);
    const key = { waveId, recipient };
    const enqueue = async (queued: Message): Promise<ResentLetter> => {
      if (deps.queue) {
        await deps.queue.sendBatch([key]);
        return { message: queued };
      }
      const firesAt = firingSoon(deps.clock.now());
      const scheduleName = await deps.scheduler.scheduleResend(wave.value, firesAt);
      return { message: queued, schedule: { scheduleName, firesAt } };
    };
    // A contact changed between its reading and the write is read again once and judged anew (a colleague's
    // deactivation is then refused in words); changed again, the officer is asked to try again.
    const attempt = async (readsLeft: number): Promise<ResentLetter> => {
      const message = await deps.ledger.get(key);
      if (!message) throw new NotFound("Message", `${waveId}/${recipient}`);
      const [contact, names] = await Promise.all([
        message.contactId ? deps.contacts.getContact(message.contactId) : undefined,
        ownerNames(deps, [message.owner]),
      ]);
      const owner = names.get(message.owner) ?? message.owner;
      const refused = (why: string) =>
        new Conflict(`The letter to ${recipientWords(owner, contact?.value)} is not sent again: ${why}`);
      const windowMs = deps.eventWindowMs ?? DEFAULT_EVENT_WINDOW_MS;
      const refusal = resendRefusal(message, deps.clock.now(), windowMs, wave.value.status);
      if (refusal) throw refused(refusal);
      const address = resendAddress(message, contact?.value);
      if ("refused" in address) throw refused(address.refused);
      const to = {
        email: address.email,
        reason: resendReason(audit.actor, address),
        ...(contact
          ? { contact: { owner: ownerOf(contact.value.owner), id: contact.value.id, version: contact.version } }
          : {}),
      };
      try {
        return enqueue(await deps.ledger.resend(message, to, audit));
      } catch (error) {
        if (error instanceof ResendContactMoved && readsLeft > 0) return attempt(readsLeft - 1);
        // The letter moved since it was read (an SES event, a colleague's resend): said after whose letter it was.
        if (error instanceof ResendRaced) throw refused(error.why);
        if (error instanceof ResendContactMoved)
          throw refused("its contact changed while it was being sent again: try again");
        throw error;
      }
    };
    return attempt(1);
  };

export interface ResentEnqueued {
  waveId: string;
  /** Keys put on the wave queue: the wave's queued letters that were sent again. */
  enqueued: number;
  /** Why nothing was enqueued: the wave is past its notAfter. */
  refused?: string | undefined;
}

/**
 * What a resend's schedule fires (wave-dispatch with { waveId, enqueueResent }): the wave's queued letters that were
 * sent again go onto the wave queue, whatever the wave's status (one with unknown letters has usually completed, or
 * halted: the sender sends a letter sent again even then), except past its notAfter, when nothing is enqueued. Firing
 * twice is harmless: the sender's claim sends a key once, and a letter sent is no longer queued.
 */
export const enqueueResent =
  (deps: {
    waves: Pick<WaveRepository, "get">;
    ledger: Pick<Ledger, "listByStatus">;
    queue: SendQueue;
    clock: Clock;
  }) =>
  async (waveId: string): Promise<ResentEnqueued> => {
    const found = await deps.waves.get(waveId);
    if (!found) throw new NotFound("Wave", waveId);
    const wave = found.value;
    if (deps.clock.now().toISOString() > wave.notAfter) {
      return { waveId, enqueued: 0, refused: `wave ${waveId} is past its not-after deadline ${wave.notAfter}` };
    }
    const keys: MessageKey[] = (await deps.ledger.listByStatus(waveId, "queued"))
      .filter((message) => message.resentAt !== undefined)
      .map(({ recipient }) => ({ waveId, recipient }));
    for (let start = 0; start < keys.length; start += MAX_BATCH) {
      await deps.queue.sendBatch(keys.slice(start, start + MAX_BATCH));
    }
    return { waveId, enqueued: keys.length };
  };
