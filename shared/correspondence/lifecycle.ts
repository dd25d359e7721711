// The message state machine and the sender's decisions, as pure functions: which moves are legal, what to do with a
// message another delivery already claimed, and which SES errors are worth a retry.
import { Conflict } from "../errors.ts";
import { wholeMinuteUp } from "../waves/resend-window.ts";
import type { WaveStatus } from "../waves/schemas.ts";
import { utcMinute } from "../zoned-time.ts";
import type { Message, MessageStatus } from "./schemas.ts";

/**
 * How long SES events may still settle an unknown letter: SES publishes its Send event within seconds of accepting a
 * letter, but EventBridge retries an event it could not hand to the ses-events function for up to 24 hours (the
 * rule's maxEventAge, infra/wave-pipeline.ts) before dead-lettering it. Past that no event will settle the letter,
 * so sending it again cannot cross one. SES_EVENT_WINDOW_HOURS changes it (it must not be shorter than maxEventAge).
 */
export const DEFAULT_EVENT_WINDOW_MS = 24 * 3_600_000;

/** The event window from SES_EVENT_WINDOW_HOURS, read at cold start (a bad value fails the start), else 24 hours. */
export function eventWindowMsOf(env: NodeJS.ProcessEnv): number {
  const raw = env.SES_EVENT_WINDOW_HOURS;
  if (!raw) return DEFAULT_EVENT_WINDOW_MS;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0)
    throw new Error("SES_EVENT_WINDOW_HOURS must be a positive number of hours");
  return hours * 3_600_000;
}

/** When the event window of an unknown letter closes: counted from the end of the claim in which SES may have taken it. */
export const eventWindowEnd = (message: Pick<Message, "leaseUntil" | "updatedAt">, windowMs: number) =>
  new Date(Date.parse(message.leaseUntil ?? message.updatedAt) + windowMs).toISOString();

/**
 * Why a letter in each status other than unknown is not sent again: sending again is for a letter that may or may not
 * have gone out (unknown); of any other, the desk knows what became of it.
 */
const SETTLED_WORDS: Readonly<Record<Exclude<MessageStatus, "unknown">, string>> = {
  queued: "it is waiting to be sent already",
  sending: "it is being sent now",
  sent: "it was sent (SES took it), and sending it again would write twice",
  delivered: "it was delivered",
  bounced: "it bounced: its address refused it, and would refuse it again",
  complained: "its recipient reported it as spam: the desk does not write to that address again",
  rejected: "SES refused it, and would refuse it again",
  failed:
    "it failed before it went out (its wave halted, or it could not be rendered or sent), and sending again is " +
    "only for a letter that may have gone out: to write to this recipient, create a new wave",
  expired: "it expired, still queued at its wave's not-after deadline: to write to this recipient, create a new wave",
  skipped: "it was skipped, never written: the wave found no usable address (its page says why)",
};

/**
 * Of a letter still `sending` past its claim's end: its sender stopped (a crash, a time-out), and no one is sending it.
 * The sweep hands the claim back to the sender, which marks it unknown; then the resend applies. The sweep looks at a
 * dispatching wave once it has been dispatching for a quarter of an hour (Dispatch again does the same now), and at
 * every run at a halted wave's claims and at the letters sent again of a completed or halted one (sweep.ts).
 */
function senderStoppedWords(leaseUntil: string, waveStatus: WaveStatus): string {
  const stopped = `its sender stopped (its claim ended at ${utcMinute(leaseUntil)})`;
  const then = "then it may be sent again once its event window has closed";
  return waveStatus === "dispatching"
    ? `${stopped}: the sweep marks it unknown once its wave has been dispatching for a quarter of an hour, or ` +
        `Dispatch again from the wave's page does it within minutes; ${then}`
    : `${stopped}: the sweep marks it unknown at its next run (every quarter of an hour); ${then}`;
}

/**
 * Of a letter already sent again and still queued: no second resend (nothing would change but a second key), and no
 * wait for ever: the sweep puts back on the queue a letter sent again that is still queued a quarter of an hour on
 * (a crash lost its key, or its schedule), so it goes within half an hour of its resend.
 */
const resentQueuedWords = (resentAt: string) =>
  `it was sent again at ${utcMinute(resentAt)} and waits to be sent: if it is still waiting a quarter of an hour ` +
  "after that, the sweep (every quarter of an hour) puts it back on the queue";

/**
 * Why an unknown letter may not be sent again now, or undefined when it may: only an unknown letter, once its event
 * window has closed and before the wave's not-after deadline (one still `sending` past its claim is on its way to
 * unknown, and the words say how, for its wave's status). Its wave's status does not decide: a halt stops the wave's
 * own sending, while the secretariat's resend of one letter is a deliberate act and goes even on a halted wave. The
 * window's end is said rounded up to its minute, never naming a minute at which the resend is still refused.
 */
export function resendRefusal(
  message: Pick<Message, "status" | "notAfter" | "leaseUntil" | "updatedAt" | "resentAt">,
  now: Date,
  windowMs: number,
  waveStatus: WaveStatus,
): string | undefined {
  if (message.status === "sending" && message.leaseUntil !== undefined && now.toISOString() >= message.leaseUntil)
    return senderStoppedWords(message.leaseUntil, waveStatus);
  if (message.status === "queued" && message.resentAt !== undefined) return resentQueuedWords(message.resentAt);
  if (message.status !== "unknown") return SETTLED_WORDS[message.status];
  if (now.getTime() >= Date.parse(message.notAfter))
    return `its wave's not-after deadline ${utcMinute(message.notAfter)} has passed`;
  const windowEnd = eventWindowEnd(message, windowMs);
  if (now.getTime() < Date.parse(windowEnd))
    return `SES events may still settle it until ${utcMinute(wholeMinuteUp(windowEnd))} (the event window)`;
  return undefined;
}

/**
 * Why the ledger's write refused a resend that `resendRefusal` allowed: the letter moved meanwhile (an SES event, or
 * a colleague's resend), or its wave's deadline passed in between.
 */
export class ResendRaced extends Conflict {
  /** Why, on its own: the resend's caller says it after the letter's recipient. */
  readonly why: string;
  constructor(current: Pick<Message, "status" | "notAfter">) {
    const why =
      current.status === "unknown"
        ? `its wave's not-after deadline ${utcMinute(current.notAfter)} has passed`
        : `it is ${current.status} now`;
    super(`The letter is not sent again: ${why}`);
    this.why = why;
  }
}

/**
 * Legal moves. `sending -> queued` is only the release after throttling (SES accepted nothing). `unknown -> sent`
 * lets a slow sender that outlived its lease still record the SES id it got. `queued -> failed` is a letter of a
 * halted wave, never sent (not one sent again: `Ledger.failHalted`). SES events (ses-events.ts) move what SES
 * accepted: from `sending` (an event can overtake the sender's own write), `unknown` (which they settle) and `sent`,
 * forward only (see `eventRank`). `unknown -> queued` is the secretariat's resend, once no event can come any more
 * (`resendRefusal`), halted wave or not.
 */
export const transitions: Readonly<Record<MessageStatus, readonly MessageStatus[]>> = {
  queued: ["sending", "expired", "failed"],
  sending: ["sent", "queued", "rejected", "failed", "expired", "unknown", "delivered", "bounced", "complained"],
  sent: ["delivered", "bounced", "complained", "rejected"],
  delivered: ["bounced", "complained"],
  bounced: [],
  complained: [],
  rejected: [],
  failed: [],
  expired: [],
  skipped: [],
  unknown: ["sent", "delivered", "bounced", "complained", "rejected", "queued"],
};

export const canMove = (from: MessageStatus, to: MessageStatus) => transitions[from].includes(to);

/** What a sender does with a message whose claim failed, from the message as it stands. */
export type ClaimOutcome =
  | { action: "expire" }
  | { action: "mark-unknown" }
  | { action: "retry-later"; reason: string }
  | { action: "nothing"; reason: string };

export function afterFailedClaim(
  message: Pick<Message, "status" | "notAfter" | "leaseUntil">,
  now: Date,
): ClaimOutcome {
  const at = now.toISOString();
  if (message.status === "queued") {
    // The claim is conditional on the deadline too: a queued message it refused is past it.
    return at > message.notAfter ? { action: "expire" } : { action: "retry-later", reason: "claim lost a race" };
  }
  if (message.status === "sending") {
    // Past its lease the claimant is gone, and whether SES took the letter is not known here: never re-send.
    if (!message.leaseUntil || at > message.leaseUntil) return { action: "mark-unknown" };
    // Another delivery holds a live claim; looking again after the lease settles it (sent, or unknown).
    return { action: "retry-later", reason: "claimed by another delivery" };
  }
  return { action: "nothing", reason: `already ${message.status}` };
}

/** How the sender treats an SES failure. */
export type SesFailure =
  | { kind: "throttled" }
  | { kind: "rejected"; reason: string }
  | { kind: "failed"; reason: string }
  | { kind: "unknown"; reason: string };

const THROTTLING_NAMES = new Set(["Throttling", "ThrottlingException", "TooManyRequestsException"]);

interface ErrorFacts {
  name: string;
  message: string;
  status?: number | undefined;
  /** The SDK's verdict on a service error: `client` when SES refused the request as such. */
  fault?: string | undefined;
}

function describe(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const facts = error as { $metadata?: { httpStatusCode?: number }; $fault?: string };
  return { name: error.name, message: error.message, status: facts.$metadata?.httpStatusCode, fault: facts.$fault };
}

export function isThrottling(error: unknown): boolean {
  const { name, message, status } = describe(error);
  return THROTTLING_NAMES.has(name) || status === 429 || /maximum sending rate exceeded/i.test(message);
}

/**
 * Throttling is never final: SES took nothing, so the message goes back to the queue. SES's refusal of a letter
 * (MessageRejected) is final for it, and so is any other request SES refused as such (a client fault). Anything
 * else (a time-out, a dropped connection, a server fault) may hide a letter SES did accept: it is `unknown`, to be
 * reconciled from SES events, never retried blindly.
 */
export function classifySesError(error: unknown): SesFailure {
  if (isThrottling(error)) return { kind: "throttled" };
  const { name, message, fault } = describe(error);
  const reason = `${name}: ${message}`.slice(0, 500);
  if (name === "MessageRejected") return { kind: "rejected", reason };
  return fault === "client" ? { kind: "failed", reason } : { kind: "unknown", reason };
}
