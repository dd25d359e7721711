// Clients built on their first use rather than at cold start: the SES mailer and the wave scheduler of the
// correspondence function serve two routes of eighteen, so their SDK clients are loaded (a chunk of their own, ADR
// 0038) when one of those routes first needs them.
import type { Mailer } from "#shared/mail/ses.ts";
import type { WaveScheduler } from "#shared/waves/scheduler.ts";

/** `load` runs on the first call and its value serves every call after; a load that fails is tried again next time. */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/** A mailer that loads the real one on the first mail sent. */
export function mailerOnFirstUse(load: () => Promise<Mailer>): Mailer {
  const mailer = onFirstUse(load);
  return { sendMail: async (message) => (await mailer()).sendMail(message) };
}

/** A wave scheduler that loads the real one on the first schedule made or deleted. */
export function waveSchedulerOnFirstUse(load: () => Promise<WaveScheduler>): WaveScheduler {
  const scheduler = onFirstUse(load);
  return {
    schedule: async (wave) => (await scheduler()).schedule(wave),
    scheduleResend: async (wave, firesAt) => (await scheduler()).scheduleResend(wave, firesAt),
    unschedule: async (waveId) => (await scheduler()).unschedule(waveId),
  };
}
