// The other waves of the same letter named beside a wave's audience: the same template to the same audience, in flight
// or completed (or halted having sent letters) in the 30 days before its send time, and nothing else.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { MessageStatus } from "#shared/correspondence/schemas.ts";
import { sameLetterWaves } from "#shared/waves/same-letter.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

const clock = fixedClock("2027-03-01T15:00:00Z");
const audit = { actor: systemActor("test") };

/** A wave of one reminder to the non-reporting States, sending on 15 March 2027. */
const wave = (id: string, fields: Partial<Wave> = {}): Wave => aWave(id, { templateId: "reminder", ...fields });

/** The waves, with the ledger's letters of each in the statuses given (a halted wave's letters sent and failed). */
async function storeOf(waves: Wave[], letters: Record<string, MessageStatus[]> = {}) {
  const store = { waves: inMemoryWaves(clock), ledger: inMemoryLedger(clock) };
  for (const one of waves) await store.waves.create(one, audit);
  const at = clock.now().toISOString();
  for (const [waveId, statuses] of Object.entries(letters)) {
    for (const [n, status] of statuses.entries()) {
      const recipient = `contact-${n}`;
      const common = { owner: "STATE:ETH", notAfter: at, claims: 1, createdAt: at, updatedAt: at };
      await store.ledger.putNew({ waveId, recipient, status, ...common });
    }
  }
  return store;
}

describe("the other waves of the same letter", () => {
  it("names the waves of its template to its audience that are scheduled, sending, or completed lately, by send time", async () => {
    const draft = wave("draft");
    const store = await storeOf([
      draft,
      wave("sending", { status: "dispatching", sendInstant: "2027-03-01T14:00:00.000Z", description: "March" }),
      wave("later", { status: "scheduled", sendInstant: "2027-04-15T13:00:00.000Z" }),
      // Completed 30 days before the send time, to the minute: named; a minute earlier: not.
      wave("lately", { status: "completed", sendInstant: "2027-02-13T13:00:00.000Z" }),
      wave("long-ago", { status: "completed", sendInstant: "2027-02-13T12:59:00.000Z" }),
      // Sent nothing: not named.
      wave("cancelled", { status: "cancelled" }),
      // Another draft: it sends nothing until it is scheduled, when it names this one in turn.
      wave("other-draft"),
      // Another letter, or another audience: not the same letter.
      wave("other-template", { status: "scheduled", templateId: "invitation" }),
      wave("other-audience", { status: "scheduled", audience: "all-states" }),
    ]);
    expect(await sameLetterWaves(store, draft)).toEqual([
      { id: "lately", status: "completed", sendInstant: "2027-02-13T13:00:00.000Z" },
      { id: "sending", status: "dispatching", sendInstant: "2027-03-01T14:00:00.000Z", description: "March" },
      { id: "later", status: "scheduled", sendInstant: "2027-04-15T13:00:00.000Z" },
    ]);
  });

  it("near only, as the programme's firing asks: a scheduled one sending more than 30 days after is left out", async () => {
    const draft = wave("draft");
    const store = await storeOf([
      draft,
      wave("within", { status: "scheduled", sendInstant: "2027-04-14T13:00:00.000Z" }),
      wave("beyond", { status: "scheduled", sendInstant: "2027-04-14T13:01:00.000Z" }),
      wave("lately", { status: "completed", sendInstant: "2027-02-13T13:00:00.000Z" }),
    ]);
    const named = async (nearOnly: boolean) =>
      (await sameLetterWaves(store, draft, { nearOnly })).map((other) => other.id);
    expect(await named(true)).toEqual(["lately", "within"]);
    expect(await named(false)).toEqual(["lately", "within", "beyond"]);
  });

  it("leaves out the wave itself, scheduled as it may be", async () => {
    const scheduled = wave("scheduled", { status: "scheduled" });
    expect(await sameLetterWaves(await storeOf([scheduled]), scheduled)).toEqual([]);
  });

  it("names a halted wave that sent letters, with how many, as the same letter; not one that sent none", async () => {
    const draft = wave("draft");
    const store = await storeOf(
      [
        draft,
        // Halted on bounces after 5 letters out (one unknown: SES may have it), the rest failed unsent.
        wave("halted", { status: "halted", sendInstant: "2027-02-28T16:49:00.000Z", description: "outreach" }),
        // Halted at dispatch, its letter changed after scheduling: nothing written.
        wave("halted-unsent", { status: "halted", sendInstant: "2027-02-28T17:00:00.000Z" }),
        // Halted after letters, but more than 30 days before: the window holds as for a completed one.
        wave("halted-long-ago", { status: "halted", sendInstant: "2027-02-13T12:59:00.000Z" }),
      ],
      {
        halted: ["sent", "sent", "delivered", "bounced", "unknown", "failed", "failed", "skipped"],
        "halted-long-ago": ["sent"],
      },
    );
    const expected = [
      {
        id: "halted",
        status: "halted",
        sendInstant: "2027-02-28T16:49:00.000Z",
        description: "outreach",
        lettersWritten: 5,
      },
    ];
    expect(await sameLetterWaves(store, draft)).toEqual(expected);
    // The programme's firing asks the same.
    expect(await sameLetterWaves(store, draft, { nearOnly: true })).toEqual(expected);
  });
});
