// A halted wave on the console (audit 31, bugs 3 and 5, items 7, 12, 13 and 16): its page says who was not written to
// because it halted and says "written to" only of letters that left; it keeps reading while letters are queued or
// sending; a draft past its send time offers no Schedule and says why and what to do; the waves list says a UTC
// wave's time once and a halt's reason; the audience's lists go by name; home shows a halted wave as needing a look.
import { describe, expect, it } from "vitest";
import {
  type AudiencePreview,
  recipientChoices,
  recipientsByName,
  skippedByReason,
} from "../../console/src/pages/correspondence/audience-lists.ts";
import {
  keepsMoving,
  progressText,
  sendTimeLines,
  type Wave,
  type WaveMessage,
  type WaveStatus,
} from "../../console/src/pages/correspondence/wave-facts.ts";
import {
  afterSendTimePassed,
  HALT_IS_FINAL,
  haltedNextSteps,
  sendTimePassedWords,
  statusWithWhy,
} from "../../console/src/pages/correspondence/wave-halted.ts";
import {
  besideTheLetters,
  letterRows,
  noneLeftOutWords,
  notWrittenTo,
} from "../../console/src/pages/correspondence/wave-letter-rows.ts";
import { restChainOf, waveInWords } from "../../console/src/pages/correspondence/wave-rest-chain.ts";
import {
  completedRestsToCheck,
  notReachedAfterAllWords,
  stillUncertain,
  wavesToWatch,
} from "../../console/src/pages/home-waves.ts";

const HALT = "hard bounces reached 5% of the letters out: 3 of 58 (5.2%)";

const row = (recipient: string, owner: string, status: WaveMessage["status"], more: Partial<WaveMessage> = {}) =>
  ({
    waveId: "W1",
    recipient,
    owner,
    status,
    notAfter: "2026-12-13T16:49:00.000Z",
    claims: 0,
    createdAt: "2026-12-06T16:49:00.000Z",
    updatedAt: "2026-12-06T16:49:19.000Z",
    ...more,
  }) as WaveMessage;

// Audit 31's W1, in small: Ethiopia's letter left; Zimbabwe's and Fiji's Mission's failed at the halt; Finland had a
// letter that failed and a contact skipped; Mali's is still queued.
const halted = { reason: `wave halted: ${HALT}` };
const eth = row("C-ETH", "STATE:ETH", "sent");
const zwe = row("C-ZWE", "STATE:ZWE", "failed", halted);
const fjiNoContact = row("owner:STATE:FJI", "STATE:FJI", "skipped", { skipReason: "no-active-contact" });
const fjiMission = row("C-FJI-M", "STATE:FJI", "failed", halted);
const fin = row("C-FIN", "STATE:FIN", "failed", halted);
const finSkipped = row("C-FIN-2", "STATE:FIN", "skipped", { skipReason: "inactive", reason: "inactive" });
const au = row("C-AU", "ORG:au", "expired", { reason: "not sent before its notAfter" });
const ledger = [eth, zwe, fjiNoContact, fjiMission, fin, finSkipped, au];

describe("a halted wave's page", () => {
  it("names those not written to because it halted: their letters never left", () => {
    expect(notWrittenTo(ledger)).toEqual(["STATE:ZWE", "STATE:FJI", "STATE:FIN", "ORG:au"]);
    expect(besideTheLetters(ledger, 0, "halted")).toBe(
      "1 contact was skipped (no letter went to it): its row under Letters says why. 3 States and 1 organization " +
        "were not written to: the wave halted before their letters left (see Not reached).",
    );
    expect(besideTheLetters([zwe], 0, "completed")).toBe(
      "1 State was not written to: its letter failed or expired unsent (see Not reached).",
    );
  });

  it("says a State was written to at its Mission only when that letter left", () => {
    const fiji = letterRows(ledger).find((r) => r.message.recipient === "C-FJI-M");
    expect(fiji?.why.said).toBe(
      "Not written to: the State has no active point of contact, and this letter to its Permanent Mission did not " +
        `leave. Wave halted: ${HALT}`,
    );
    const sentToMission = letterRows([fjiNoContact, { ...fjiMission, status: "sent", reason: undefined }]);
    expect(sentToMission[0]?.why.said).toBe(
      "Written to its Permanent Mission: the State has no active point of contact.",
    );
  });

  it("says a halted wave's bounced Mission letter not written to, in its row and its summary alike (audit 33, review)", () => {
    const btnNoContact = row("owner:STATE:BTN", "STATE:BTN", "skipped", { skipReason: "no-active-contact" });
    const btnMission = row("C-BTN-M", "STATE:BTN", "bounced");
    const followUp = [btnNoContact, btnMission];
    expect(letterRows(followUp, "halted")[0]?.why.said).toMatch(
      /^Not written to: the State has no active point of contact, and its letter to its Permanent Mission bounced\. The address refused/,
    );
    expect(besideTheLetters(followUp, 0, "halted")).toBe(
      "1 State was not written to: its letter bounced, or the wave halted before it left (see Not reached).",
    );
    // A completed wave's bounced letter left: its State was written to, as before.
    expect(letterRows(followUp, "completed")[0]?.why.said).toMatch(/^Written to its Permanent Mission/);
    expect(besideTheLetters(followUp, 0, "completed")).toMatch(/^1 State with no active point of contact was written/);
  });

  it("says everyone was written to only when nobody is left out, the wave has written its letters and none may still leave", () => {
    expect(noneLeftOutWords([eth], "completed")).toBe("Every State and organization of the audience was written to.");
    expect(noneLeftOutWords([eth, row("C-MLI", "STATE:MLI", "queued")], "halted")).toBe(
      "Nobody is left out so far: letters are still going out.",
    );
    // A wave still dispatching may write more letters: with none yet, or some, nobody is said written to yet.
    for (const letters of [[], [eth]]) {
      expect(noneLeftOutWords(letters, "dispatching")).toBe(
        "Nobody is left out so far: the wave is still dispatching.",
      );
    }
    // A State whose letter is still queued is not yet "not written to".
    expect(notWrittenTo([row("C-MLI", "STATE:MLI", "queued"), row("C-MLI-2", "STATE:MLI", "failed")])).toEqual([]);
  });

  it("keeps reading while letters are queued or sending, whatever the wave's status", () => {
    const notAfter = "2099-01-01T00:00:00.000Z";
    const sendInstant = "2098-12-31T00:00:00.000Z";
    const moving = (status: WaveStatus, counts: Record<string, number>, now?: Date) =>
      keepsMoving({ status, counts, notAfter, sendInstant }, now);
    expect(moving("halted", { sent: 165, failed: 77, queued: 77 })).toBe(true);
    expect(moving("completed", { sent: 3, sending: 1 })).toBe(true);
    expect(moving("halted", { sent: 140, failed: 179 })).toBe(false);
    expect(moving("dispatching", {})).toBe(true);
    // Past its not-after deadline no letter leaves: a letter left queued (its key dead-lettered) is not waited for.
    const past = new Date("2099-01-02T00:00:00.000Z");
    expect(moving("halted", { sent: 165, queued: 77 }, past)).toBe(false);
    expect(progressText({ sent: 165, failed: 77, queued: 77 }, "halted", true)).toBe(
      "242 of 319 letters settled so far.",
    );
  });

  it("stops reading a scheduled wave its schedule missed, and reads on once 'Dispatch again' made the schedule fire", () => {
    const wave = {
      status: "scheduled" as const,
      counts: {},
      notAfter: "2026-12-10T00:00:00.000Z",
      sendInstant: "2026-12-07T09:00:00.000Z",
    };
    // Ahead, and just after its send time, its schedule fires it: the page watches for it.
    expect(keepsMoving(wave, new Date("2026-12-06T09:00:00.000Z"))).toBe(true);
    expect(keepsMoving(wave, new Date("2026-12-07T09:10:00.000Z"))).toBe(true);
    // A quarter of an hour on, the sweep reports it missed: nothing moves it until someone dispatches it again.
    const missed = new Date("2026-12-07T09:20:00.000Z");
    expect(keepsMoving(wave, missed)).toBe(false);
    expect(keepsMoving(wave, missed, "2026-12-07T09:22:00.000Z")).toBe(true);
    expect(keepsMoving(wave, new Date("2026-12-07T09:40:00.000Z"), "2026-12-07T09:22:00.000Z")).toBe(false);
  });

  it("says the next step as the runbook does, for either reason", () => {
    const notAfter = "2099-01-01T00:00:00.000Z";
    const settled = [row("c1", "STATE:CIV", "bounced"), row("c2", "STATE:GIN", "failed")];
    const bounces = haltedNextSteps({ status: "halted", haltReason: HALT, notAfter }, settled);
    expect(bounces).toHaveLength(2);
    expect(bounces[0]).toMatch(/^Its hard bounces are under Letters/);
    expect(bounces[1]).toMatch(/^Then write to the rest \("Write to the rest" below\): a new draft of this letter/);
    const changed = haltedNextSteps(
      { status: "halted", haltReason: "Template t's letters changed after wave W was scheduled", notAfter },
      [],
    );
    expect(changed[1]).toMatch(/Nobody had this wave's letter/);
    expect(haltedNextSteps({ status: "completed", notAfter }, [row("c3", "STATE:MLI", "unknown")])).toEqual([]);
  });

  it("adds a step for its letters of unknown fate: not in the rest, each sent again once its window has closed", () => {
    const wave = { status: "halted" as const, haltReason: HALT, notAfter: "2026-12-13T16:49:00.000Z" };
    const now = new Date("2026-12-07T10:00:00.000Z");
    const unknown = (recipient: string, eventWindowEndsAt: string) =>
      row(recipient, "STATE:CIV", "unknown", { eventWindowEndsAt });
    const one = [unknown("c1", "2026-12-07T16:51:00.000Z"), row("c2", "STATE:GIN", "sent")];
    expect(haltedNextSteps(wave, one, now)[2]).toBe(
      "Of its letters, 1 is unknown: SES may or may not have taken it, so its owner is not in the rest (it may have " +
        "it). Send the unknown letter again from its row under Letters once SES can no longer settle it, from " +
        "2026-12-07 16:51 UTC, before 2026-12-13 16:49 UTC.",
    );
    // Past the wave's no-letter-after limit the API refuses a resend: the page does not suggest one.
    expect(haltedNextSteps(wave, one, new Date("2026-12-13T16:49:00.000Z"))[2]).toBe(
      "Of its letters, 1 is unknown: SES may or may not have taken it, so its owner is not in the rest (it may have " +
        "it). Its no-letter-after limit, 2026-12-13 16:49 UTC, has passed, so none can be sent again: ask its owner " +
        "whether the letter came.",
    );
    const several = haltedNextSteps(
      wave,
      [
        unknown("c1", "2026-12-07T16:55:00.000Z"),
        unknown("c2", "2026-12-07T16:51:00.000Z"),
        row("c3", "STATE:MLI", "sending"),
      ],
      now,
    );
    expect(several).toHaveLength(3);
    expect(several[2]).toBe(
      "Of its letters, 2 are unknown and 1 is still sending: SES may or may not have taken them, so their owners are " +
        "not in the rest (they may have it). Send each unknown letter again from its row under Letters once SES can " +
        "no longer settle it, the first from 2026-12-07 16:51 UTC, the last from 2026-12-07 16:55 UTC, before " +
        "2026-12-13 16:49 UTC. A letter still sending whose sender stopped becomes unknown at the next sweep (every " +
        "quarter of an hour, for two days after the halt), and is then sent again the same way.",
    );
    expect(HALT_IS_FINAL).toBe(
      "Halting is final: this wave cannot be resumed or dispatched again. Only a letter left unknown can still be sent " +
        "again, one at a time.",
    );
  });
});

describe("a draft past its send time", () => {
  const now = new Date("2026-12-06T17:30:00Z");
  const draft = {
    status: "draft" as const,
    sendAt: "2026-12-06T17:23",
    timeZone: "UTC",
    sendInstant: "2026-12-06T17:23:00.000Z",
  };

  it("says in words that its send time has passed, and what to do, with no id and no ISO instant", () => {
    expect(sendTimePassedWords(draft, now)).toBe(
      "Its send time, 2026-12-06 17:23 UTC, has passed: it can no longer be scheduled. To send its letter, compose " +
        "a new wave with a later send time.",
    );
    const newYork = { ...draft, sendAt: "2026-12-06T12:23", timeZone: "America/New_York" };
    expect(sendTimePassedWords(newYork, now)).toMatch(
      /^Its send time, 2026-12-06 12:23 America\/New_York \(2026-12-06 17:23 UTC\), has passed/,
    );
  });

  it("says nothing of a draft still ahead, or of a wave already scheduled", () => {
    expect(sendTimePassedWords(draft, new Date("2026-12-06T17:00:00Z"))).toBeUndefined();
    expect(sendTimePassedWords({ ...draft, status: "scheduled" }, now)).toBeUndefined();
  });
});

describe("the waves list", () => {
  it("gives a UTC wave's time once, and another zone's with the instant under it", () => {
    expect(
      sendTimeLines({ sendAt: "2026-12-06T16:49", timeZone: "UTC", sendInstant: "2026-12-06T16:49:00.000Z" }),
    ).toEqual({ first: "2026-12-06 16:49 UTC" });
    expect(
      sendTimeLines({
        sendAt: "2026-12-06T11:49",
        timeZone: "America/New_York",
        sendInstant: "2026-12-06T16:49:00.000Z",
      }),
    ).toEqual({ first: "2026-12-06 11:49 America/New_York", utc: "2026-12-06 16:49 UTC" });
  });

  it("says why a wave halted", () => {
    expect(statusWithWhy({ status: "halted", haltReason: HALT })).toBe(`halted: ${HALT}`);
    expect(statusWithWhy({ status: "completed" })).toBe("completed");
  });
});

describe("the audience's lists", () => {
  const owner = (code: string, name: string) => ({ owner: `STATE:${code}`, name });
  const afg = owner("AFG", "Afghanistan");
  const ago = owner("AGO", "Angola");
  const alb = owner("ALB", "Albania");
  const are = owner("ARE", "United Arab Emirates");

  it("lists the skipped States by name, not by code", () => {
    const skipped = [afg, ago, alb, are].map((o) => ({
      recipient: `C-${o.owner}`,
      owner: o,
      reason: "bounced",
    })) as AudiencePreview["skipped"];
    const [[reason, skips] = []] = skippedByReason(skipped);
    expect(reason).toBe("bounced");
    expect(skips?.map((skip) => skip.owner.name)).toEqual(["Afghanistan", "Albania", "Angola", "United Arab Emirates"]);
  });

  it("offers the test copy's recipients by name, the API's default first", () => {
    const recipients = [are, afg, alb].map((o) => ({
      recipient: `C-${o.owner}`,
      owner: o,
      contact: { id: `C-${o.owner}`, name: `PoC ${o.name}` },
      language: "en",
      addressedTo: "point-of-contact",
    })) as unknown as AudiencePreview["recipients"];
    expect(recipientChoices(recipients).map(([, label]) => label)).toEqual([
      "The first recipient (the API's choice)",
      "Afghanistan: PoC Afghanistan (English)",
      "Albania: PoC Albania (English)",
      "United Arab Emirates: PoC United Arab Emirates (English)",
    ]);
    // The preview's table of recipients reads in the same order (audit 32, item 11: it listed them by code).
    expect(recipientsByName(recipients).map((recipient) => recipient.owner.name)).toEqual([
      "Afghanistan",
      "Albania",
      "United Arab Emirates",
    ]);
  });
});

describe("home's waves", () => {
  const wave = (id: string, status: string, updatedAt: string) =>
    ({ id, status, updatedAt, createdAt: updatedAt, sendInstant: updatedAt }) as never;

  it("shows a wave halted lately as needing a look, beside those in flight", () => {
    const now = new Date("2026-12-06T17:30:00Z");
    const waves = [
      wave("W1", "halted", "2026-12-06T16:49:19.000Z"),
      wave("W2", "dispatching", "2026-12-06T17:11:00.000Z"),
      wave("W4", "halted", "2026-12-06T17:26:05.000Z"),
      wave("OLD", "halted", "2026-10-01T00:00:00.000Z"),
      wave("W3", "completed", "2026-12-06T17:00:00.000Z"),
    ];
    const { inFlight, halted } = wavesToWatch<Wave>(waves, now);
    expect(inFlight.map((w) => w.id)).toEqual(["W2"]);
    expect(halted.map((w) => w.id)).toEqual(["W4", "W1"]);
  });

  it("leaves out a halted wave whose rest is written, under way or halted in turn; not one whose rest is a draft", () => {
    const now = new Date("2026-12-06T20:00:00Z");
    const at = "2026-12-06T17:00:00.000Z";
    const waves = [
      chained("W1", "halted", undefined, at),
      chained("R1", "halted", "W1", at),
      chained("R2", "completed", "R1", at),
      chained("W5", "halted", undefined, at),
      chained("R5", "draft", "W5", "2026-12-07T09:00:00.000Z"),
      chained("W6", "halted", undefined, at),
      chained("R6", "scheduled", "W6", "2026-12-07T09:00:00.000Z"),
    ];
    expect(wavesToWatch(waves, now).halted.map((w) => w.id)).toEqual(["W5"]);
    expect(wavesToWatch(waves, now).restWritten.map((w) => w.id)).toEqual(["W1", "R1", "W6"]);
  });

  it("checks the completed rests of late that end their chain, for owners their chain did not reach after all", () => {
    const now = new Date("2026-12-06T20:00:00Z");
    const at = "2026-12-06T17:00:00.000Z";
    const waves = [
      chained("W1", "halted", undefined, at),
      chained("R1", "completed", "W1", at),
      // R2 completed, but its own rest R3 is scheduled: R3 ends that chain.
      chained("W2", "halted", undefined, at),
      chained("R2", "completed", "W2", at),
      chained("R3", "scheduled", "R2", "2026-12-07T09:00:00.000Z"),
      // A completed wave that is no rest wrote to its whole audience; an old rest is off home.
      chained("W3", "completed", undefined, at),
      { ...chained("R4", "completed", "W4", at), updatedAt: "2026-10-01T00:00:00.000Z" },
    ];
    expect(completedRestsToCheck(waves, now).map((w) => w.id)).toEqual(["R1"]);
  });

  it("says how many a completed rest's chain did not reach after all, and that its page names them", () => {
    expect(notReachedAfterAllWords(1)).toBe(
      "completed, but its chain did not reach 1 State or organization after all (its letter bounced or failed). " +
        "Its page names it and the next step.",
    );
    expect(notReachedAfterAllWords(3)).toContain("did not reach 3 States or organizations after all (their letters");
  });

  it("keeps a halted wave whose rest is written while letters of its own may be sent again (review 32b)", () => {
    const now = new Date("2026-12-06T20:00:00Z");
    const notAfter = "2026-12-13T16:49:00.000Z";
    expect(stillUncertain({ counts: { sent: 40, unknown: 1 }, notAfter }, now)).toBe(true);
    expect(stillUncertain({ counts: { sent: 40, sending: 1 }, notAfter }, now)).toBe(true);
    expect(stillUncertain({ counts: { sent: 40, failed: 190 }, notAfter }, now)).toBe(false);
    // Past its no-letter-after limit none can be sent again: the page says so, home needs not.
    expect(stillUncertain({ counts: { unknown: 1 }, notAfter }, new Date(notAfter))).toBe(false);
  });
});

/** A wave of a rest chain: `restOf` names the halted wave it writes the rest of. */
const chained = (id: string, status: string, restOf: string | undefined, sendInstant: string) =>
  ({
    id,
    status,
    restOf,
    description: `Outreach ${id}`,
    audience: "all-states",
    createdAt: "2026-12-06T16:00:00.000Z",
    updatedAt: "2026-12-06T18:00:00.000Z",
    sendInstant,
  }) as Wave;

describe("a halted wave's rest (audit 32, bug 2)", () => {
  const now = new Date("2026-12-06T20:00:00Z");
  const at = "2026-12-06T17:00:00.000Z";

  it("follows the chain forward from the halted wave, leaving out a cancelled rest and a draft past its time", () => {
    const waves = [
      chained("W1", "halted", undefined, at),
      chained("R1-cancelled", "cancelled", "W1", at),
      chained("R1", "halted", "W1", at),
      chained("R2-late", "draft", "R1", at),
      chained("R2", "completed", "R1", at),
    ];
    expect(restChainOf({ id: "W1" }, waves, now).map((w) => `${waveInWords(w)} (${w.status})`)).toEqual([
      "“Outreach R1” (halted)",
      "“Outreach R2” (completed)",
    ]);
    expect(restChainOf({ id: "R2" }, waves, now)).toEqual([]);
  });

  it("says the rest is written in place of the link, and tells experts the secretariat can write it", () => {
    const wave = { status: "halted" as const, haltReason: HALT, notAfter: "2099-01-01T00:00:00.000Z" };
    const stepOf = (mayCompose: boolean, rests: Pick<Wave, "status">[] = []) =>
      haltedNextSteps(wave, [], now, { mayCompose, rests })[1];
    expect(stepOf(true)).toMatch(/^Then write to the rest \("Write to the rest" below\)/);
    expect(stepOf(false)).toMatch(/^Then the secretariat can write to the rest: a new/);
    expect(stepOf(false)).not.toMatch(/below/);
    expect(stepOf(true, [{ status: "completed" }])).toBe(
      "Its rest (named below) is written: it wrote to those this wave did not.",
    );
  });

  it("sends a rest's draft past its send time to the composer as the rest again, not to a plain new wave", () => {
    const late = { status: "draft" as const, sendAt: "2026-12-06T17:23", timeZone: "UTC", sendInstant: at };
    expect(sendTimePassedWords({ ...late, restOf: "R1" }, now)).toMatch(
      /To send its letter, write to the rest of the halted wave again, with a later send time\.$/,
    );
    expect(afterSendTimePassed({ templateId: "outreach", restOf: "R1" })).toEqual({
      href: "#/waves/new?restOf=R1",
      words: "Write to the rest again",
    });
    expect(afterSendTimePassed({ templateId: "outreach" }).href).toBe("#/waves/new?template=outreach");
  });
});
