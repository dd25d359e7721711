// What `npm start` says of a letter sent again that the last stop left queued or sending on a finished wave (audit 34,
// bug 2): found as the sweep finds it, named with its wave, with what the sweep will do and how to hurry it.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { resentOnTheirWay } from "#shared/waves/sweep.ts";
import {
  haltedOnReportsNotice,
  reportCompletedNotice,
  reportsNotCompletedNotice,
  strandedResentNotice,
} from "../../infra/local/stalled-wave-notices.ts";
import { aWave } from "../contracts/waves.contract.ts";
import { haltedWaveStores, lettersOfTheWave } from "../support/halted-wave-ledger.ts";

const WAVE = "01M970JRBT4J96PZAVFR7S7GR9";
const OTHER = "01M970JRBT4J96PZAVFR7S7GRA";
const NOW = new Date("2027-03-16T14:00:00.000Z");
const audit = { actor: systemActor("test") };
const fire = "npm run fire --";
const completed = aWave(WAVE, { status: "completed", description: "audit34 W1" });
const aLetter = lettersOfTheWave({ waveId: WAVE, owner: "STATE:CHE", claims: 1, resentAt: "2027-03-16T13:13:04.000Z" });

describe("the start's notice of a letter sent again left on its way", () => {
  it("finds those queued or sending of a finished wave, as the sweep does, not a dispatching wave's", async () => {
    const deps = haltedWaveStores(fixedClock(NOW));
    await deps.waves.create(completed, audit);
    await deps.waves.create(aWave(OTHER, { status: "dispatching" }), audit);
    await deps.ledger.putNew(aLetter("queued", "queued"));
    await deps.ledger.putNew(aLetter("sending", "sending", { leaseUntil: "2027-03-16T13:15:00.000Z" }));
    await deps.ledger.putNew(aLetter("sent", "sent"));
    await deps.ledger.putNew(aLetter("other", "queued", { waveId: OTHER }));

    const found = await resentOnTheirWay(deps);
    expect(found.map(({ wave, letters }) => [wave.id, letters.map(({ recipient }) => recipient)])).toEqual([
      [WAVE, ["queued", "sending"]],
    ]);
  });

  it("says of a queued one that nothing sends it, that the sweep puts it back once it has waited, and how to hurry", () => {
    expect(strandedResentNotice(completed, aLetter("r1", "queued"), "Switzerland", fire, NOW)).toBe(
      `the letter to Switzerland (recipient r1) of completed wave “audit34 W1” (${WAVE}), sent again at 2027-03-16 13:13 UTC, ` +
        "was still queued when the local stack stopped, and nothing sends it now: the sweep puts it back on the " +
        "queue at its first run once it has waited a quarter of an hour, and it then goes; once it has waited a quarter " +
        "of an hour, npm run fire -- wave-sweep does it at once",
    );
    // Past the wave's not-after deadline it no longer goes: the sender expires it.
    expect(
      strandedResentNotice(completed, aLetter("r1", "queued"), "Switzerland", fire, new Date("2027-03-21T00:00:00Z")),
    ).toContain(
      "and it then expires (its wave's not-after deadline, 2027-03-20 00:00 UTC, has passed); once it has waited",
    );
  });

  it("says of a sending one that it becomes unknown at the sweep, to be sent again after its event window", () => {
    // A claim ending a few milliseconds past a minute is said to end at the next: the sweep hands it back only after.
    const sending = aLetter("r2", "sending", { leaseUntil: "2027-03-16T13:18:00.068Z" });
    expect(strandedResentNotice(aWave(WAVE, { status: "halted" }), sending, "Switzerland", fire, NOW)).toBe(
      `the letter to Switzerland (recipient r2) of halted wave ${WAVE}, sent again at 2027-03-16 13:13 UTC, was being sent when ` +
        "the local stack stopped (claimed until 2027-03-16 13:19 UTC): SES may or may not have taken it, so the " +
        "sweep marks it unknown at its first run after its claim ends, and it can then be sent again from the " +
        "wave's page once its event window has closed; once its claim has ended, npm run fire -- wave-sweep does it at " +
        "once",
    );
  });
});

describe("the start's notices of an SES report it completed", () => {
  const wave = { id: WAVE, description: "audit34 W1" };
  it("name the letter by its owner and recipient, and the wave by its description", () => {
    const marked = { waveId: WAVE, recipient: "r3", owner: "STATE:CHE", contactId: "r3", status: "bounced" as const };
    expect(reportCompletedNotice(wave, marked, "Switzerland")).toBe(
      `ses-events: the report of the letter to Switzerland (recipient r3) of wave “audit34 W1” (${WAVE}) had ` +
        "stopped half-way: its contact is now bounced",
    );
    expect(haltedOnReportsNotice({ id: WAVE })).toBe(
      `ses-events: wave ${WAVE} halted on its bounces, a report having stopped`,
    );
    expect(reportsNotCompletedNotice(wave, "throttled")).toBe(
      `ses-events: could not complete the reports of wave “audit34 W1” (${WAVE}): throttled`,
    );
  });
});
