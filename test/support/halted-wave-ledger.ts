// A halted wave's ledger on the in-memory stores, as the unit tests of its resend and its sweep build it: one wave's
// letters to Côte d'Ivoire's contacts, and the dispatch stores with a queue that keeps what is enqueued.
import type { Clock } from "#shared/clock.ts";
import type { Message, MessageKey } from "#shared/correspondence/schemas.ts";
import { inMemoryDispatchStores } from "./in-memory/dispatch.ts";
import { inMemoryTemplates } from "./in-memory/templates.ts";
import { inMemoryWaves } from "./in-memory/waves.ts";

export const HALTED_WAVE = "01M9664YMAEYDG2S3ARF7VFPA6";

/** A letter maker of the wave: `defaults` over a letter written at 13:00 on 15 March 2027, `changes` over those. */
export const lettersOfTheWave =
  (defaults: Partial<Message> = {}) =>
  (recipient: string, status: Message["status"], changes: Partial<Message> = {}): Message => ({
    waveId: HALTED_WAVE,
    recipient,
    owner: "STATE:CIV",
    email: `${recipient}@example.org`,
    status,
    letter: { language: "fr", fellBack: false, subject: "Outreach", text: "Cher", html: "<p>Cher</p>" },
    notAfter: "2027-03-20T00:00:00.000Z",
    claims: 0,
    createdAt: "2027-03-15T13:00:00.000Z",
    updatedAt: "2027-03-15T13:00:00.000Z",
    ...defaults,
    ...changes,
  });

/** The dispatch stores on `clock`, a queue keeping the keys it is given (`enqueued`) and a scheduler that makes none. */
export function haltedWaveStores<C extends Clock>(clock: C) {
  const enqueued: MessageKey[] = [];
  return {
    ...inMemoryDispatchStores({ clock, waves: inMemoryWaves(clock), templates: inMemoryTemplates(clock) }),
    queue: { sendBatch: async (keys: readonly MessageKey[]) => void enqueued.push(...keys) },
    scheduler: { schedule: async () => "unused", scheduleResend: async () => "unused", unschedule: async () => {} },
    enqueued,
  };
}
