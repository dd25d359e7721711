// "Letters received" on a State's or an organization's page (audit 34, items 13 and 14): a skipped letter's row is
// named (no empty row header) and dated as skipped, not queued; two letters of one wave to one State are told apart by
// the role of the contact each went to, for members too, and the secretariat reads the address beside it.
import { describe, expect, it } from "vitest";
import { EXPIRED_AT_DISPATCH } from "#shared/correspondence/expired-at-dispatch.ts";
import type { components } from "../../console/src/api/schema";
import {
  dispatchedWords,
  letterHeading,
  recipientWords,
  rolesByContact,
} from "../../console/src/pages/state/letter-row-words.ts";

type TimelineEntry = components["schemas"]["TimelineEntry"];

const SUBJECT = "Resolution 1540 (2004): your points of contact — Lithuania";
const letter = (recipient: string, status: string, after: Record<string, unknown> = {}): TimelineEntry => ({
  on: "2026-12-06",
  at: "2026-12-06T15:00:00.000Z",
  kind: "letter",
  action: `letter.${status}`,
  source: { type: "message", id: `W1/${recipient}` },
  actor: { kind: "system", id: "wave:W1" },
  after: { waveId: "W1", status, ...after },
});

const roles = rolesByContact([
  { id: "C-CAPITAL", role: "capital-poc" },
  { id: "C-MISSION", role: "mission-poc" },
]);

describe("a row of Letters received", () => {
  it("names a skipped letter's row, and dates it as skipped, not queued", () => {
    const skipped = letter("C-CAPITAL", "skipped", { reason: "inactive" });
    expect(letterHeading(skipped)).toBe("(no letter: skipped)");
    expect(dispatchedWords(skipped)).toBe("Skipped 2026-12-06");
    const unwritten = letter("C-CAPITAL", "failed", { reason: "No value for {{contact.title}}" });
    expect(letterHeading(unwritten)).toBe("(no letter: it failed before it was written)");
    expect(dispatchedWords(unwritten)).toBe("Failed 2026-12-06");
  });

  it("names a letter by its subject, queued that day", () => {
    const queued = letter("C-CAPITAL", "queued", { subject: SUBJECT, language: "en" });
    expect(letterHeading(queued)).toBe(SUBJECT);
    expect(dispatchedWords(queued)).toBe("Queued 2026-12-06");
  });

  it("dates a letter written past its wave's deadline as expired that day, and one the sender expired as queued", () => {
    const writtenExpired = letter("C-CAPITAL", "expired", { subject: SUBJECT, reason: EXPIRED_AT_DISPATCH });
    expect(dispatchedWords(writtenExpired)).toBe("Expired 2026-12-06");
    const expiredLater = letter("C-CAPITAL", "expired", {
      subject: SUBJECT,
      reason: "still queued at the wave's not-after deadline",
    });
    expect(dispatchedWords(expiredLater)).toBe("Queued 2026-12-06");
  });

  it("tells two letters of one wave apart by their contacts' roles, without their addresses for members", () => {
    const toCapital = letter("C-CAPITAL", "queued", { subject: SUBJECT });
    const toMission = letter("C-MISSION", "queued", { subject: SUBJECT });
    expect(recipientWords(toCapital, roles)).toBe("Point of contact in the capital");
    expect(recipientWords(toMission, roles)).toBe("Point of contact at the Permanent Mission");
    // The secretariat's answer carries the address: it follows the role.
    const read = letter("C-MISSION", "queued", { subject: SUBJECT, email: "poc@ltu-mission.example" });
    expect(recipientWords(read, roles)).toBe("Point of contact at the Permanent Mission, poc@ltu-mission.example");
    // The wave's own row for an owner with no active point of contact went to no contact.
    expect(recipientWords(letter("owner:STATE:LTU", "skipped"), roles)).toBe("");
  });
});
