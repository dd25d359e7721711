// The correspondence function's SES mailer and wave scheduler are loaded on their first use (ADR 0038).
import { describe, expect, it } from "vitest";
import { mailerOnFirstUse, onFirstUse, waveSchedulerOnFirstUse } from "../../functions/api/on-first-use.ts";
import type { Mailer } from "../../shared/mail/ses.ts";
import type { WaveScheduler } from "../../shared/waves/scheduler.ts";
import type { Wave } from "../../shared/waves/schemas.ts";

describe("onFirstUse", () => {
  it("loads nothing until the first call, then once for every call after", async () => {
    let loads = 0;
    const value = onFirstUse(async () => ({ load: ++loads }));
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([value(), value()]);
    expect(await value()).toBe(first);
    expect(second).toBe(first);
    expect(loads).toBe(1);
  });

  it("tries a failed load again on the next call, and keeps the one that succeeds", async () => {
    let loads = 0;
    const value = onFirstUse(async () => {
      loads++;
      if (loads === 1) throw new Error("the chunk could not be read");
      return "client";
    });
    await expect(value()).rejects.toThrow("the chunk could not be read");
    expect(await value()).toBe("client");
    expect(await value()).toBe("client");
    expect(loads).toBe(2);
  });
});

describe("a mailer and a wave scheduler loaded on first use", () => {
  it("hand each call to the loaded one, with its arguments and its answer", async () => {
    const sent: string[] = [];
    const real: Mailer = {
      sendMail: async (message) => {
        sent.push(message.subject);
        return { messageId: `m-${sent.length}` };
      },
    };
    let mailerLoads = 0;
    const mailer = mailerOnFirstUse(async () => {
      mailerLoads++;
      return real;
    });
    expect(mailerLoads).toBe(0);
    expect(await mailer.sendMail({ to: "a@un.example", subject: "Test copy", text: "Hello" })).toEqual({
      messageId: "m-1",
    });
    await mailer.sendMail({ to: "b@un.example", subject: "Second", text: "Hello" });
    expect(sent).toEqual(["Test copy", "Second"]);
    expect(mailerLoads).toBe(1);

    const calls: string[] = [];
    const scheduler: WaveScheduler = {
      schedule: async (wave) => {
        calls.push(`schedule ${wave.id}`);
        return `wave-${wave.id}`;
      },
      scheduleResend: async (wave, firesAt) => {
        calls.push(`resend ${wave.id} ${firesAt}`);
        return `wave-resend.${wave.id}`;
      },
      unschedule: async (waveId) => {
        calls.push(`unschedule ${waveId}`);
      },
    };
    const lazyScheduler = waveSchedulerOnFirstUse(async () => scheduler);
    const wave = { id: "w1" } as Wave;
    expect(await lazyScheduler.schedule(wave)).toBe("wave-w1");
    expect(await lazyScheduler.scheduleResend(wave, "2026-12-04T10:00:00Z")).toBe("wave-resend.w1");
    await lazyScheduler.unschedule("w1");
    expect(calls).toEqual(["schedule w1", "resend w1 2026-12-04T10:00:00Z", "unschedule w1"]);
  });
});
