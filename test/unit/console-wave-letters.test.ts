// The wave page's letters as a reader counts them (audit 30, item 11): a State written to at its Permanent Mission is
// listed and counted once, its ledger row for "no active point of contact" said as the reason its Mission was written
// to; the counts are said in words that add up; a bounced or complained letter says in plain words what happened and
// what the desk does about the address, SES's words after as the detail.
import { describe, expect, it } from "vitest";
import { letterCountsOf, progressText, type WaveMessage } from "../../console/src/pages/correspondence/wave-facts.ts";
import { feedbackWhy } from "../../console/src/pages/correspondence/wave-feedback-words.ts";
import {
  besideTheLetters,
  letterRows,
  noLetterWords,
  skippedContacts,
  whyOf,
} from "../../console/src/pages/correspondence/wave-letter-rows.ts";

const row = (recipient: string, owner: string, status: WaveMessage["status"], more: Partial<WaveMessage> = {}) =>
  ({
    waveId: "W",
    recipient,
    owner,
    status,
    notAfter: "2027-01-01T00:00:00.000Z",
    claims: 0,
    createdAt: "2027-01-01T00:00:00.000Z",
    updatedAt: "2027-01-01T00:00:00.000Z",
    ...more,
  }) as WaveMessage;

// The ledger of audit 30's wave "first-report (events)", as GET /waves/{id}/messages answers it.
const prkNoContact = row("owner:STATE:PRK", "STATE:PRK", "skipped", { skipReason: "no-active-contact" });
const prkMission = row("C-PRK-M", "STATE:PRK", "sent", { email: "mission@prk-mission.example" });
const swzNoContact = row("owner:STATE:SWZ", "STATE:SWZ", "skipped", { skipReason: "no-active-contact" });
const swzMission = row("C-SWZ-M", "STATE:SWZ", "bounced", { reason: "hard bounce (General)" });
const ginMission = row("C-GIN-M", "STATE:GIN", "sent");
const ginSuppressed = row("C-GIN-2", "STATE:GIN", "skipped", { skipReason: "suppressed", reason: "suppressed" });
const ginBounced = row("C-GIN-P", "STATE:GIN", "skipped", { skipReason: "bounced", reason: "bounced" });
const auNoContact = row("owner:ORG:au", "ORG:au", "skipped", { skipReason: "no-active-contact" });
const ledger = [prkNoContact, prkMission, swzNoContact, swzMission, ginMission, ginSuppressed, ginBounced, auNoContact];

describe("a State written to at its Permanent Mission, on the wave page", () => {
  it("is listed once: its Mission's letter says why the Mission was written to, and no row says it skipped", () => {
    const rows = letterRows(ledger);
    expect(rows.map((r) => r.message.recipient)).toEqual(["C-PRK-M", "C-SWZ-M", "C-GIN-M", "C-GIN-2", "C-GIN-P"]);
    const prk = rows.filter((r) => r.message.owner === "STATE:PRK");
    expect(prk).toHaveLength(1);
    expect(prk[0]?.why).toEqual({
      said: "Written to its Permanent Mission: the State has no active point of contact.",
    });
    // The Mission's letter that bounced says both: why the Mission, and what the bounce means.
    expect(rows[1]?.why.said).toMatch(
      /^Written to its Permanent Mission: the State has no active point of contact\. The address refused the letter/,
    );
    // A State with a point of contact, even one that bounced, gets no such words: its contacts are skipped as such.
    expect(rows[2]?.why).toEqual({ said: "" });
    expect(rows[3]?.why).toEqual({ said: "the address is suppressed" });
    expect(rows[4]?.why).toEqual({ said: "the address bounced a letter before" });
  });

  it("says where to look when every row is an owner's with no letter, and only 'not yet' before any row", () => {
    expect(letterRows([auNoContact])).toEqual([]);
    expect(noLetterWords([auNoContact])).toBe("No letter was written: see Not reached, below.");
    expect(noLetterWords([])).toBe("No letter written yet.");
  });

  it("is counted once, by its letter, in words that add up with the letters by status", () => {
    const counts = { sent: 2, bounced: 1, skipped: 5, unreached: 1 };
    expect(letterCountsOf(counts)).toEqual([
      ["sent", 2],
      ["bounced", 1],
    ]);
    expect(progressText(counts, "completed", true)).toBe("3 of 3 letters settled.");
    expect(besideTheLetters(ledger, 1, "completed")).toBe(
      "2 States with no active point of contact were written to at their Permanent Missions: their letters are " +
        "counted above. 2 contacts were skipped (no letter went to them): their rows under Letters say why. " +
        "1 State or organization was not reached at all: see Not reached.",
    );
    expect(besideTheLetters([prkNoContact, prkMission, ginBounced], 0, "completed")).toBe(
      "1 State with no active point of contact was written to at its Permanent Mission: its letter is counted " +
        "above. 1 contact was skipped (no letter went to it): its row under Letters says why.",
    );
    expect(besideTheLetters([prkMission], 0, "completed")).toBe("");
  });

  it("is no skipped contact in the audience before dispatch either", () => {
    const preview = [
      { recipient: "owner:STATE:PRK", reason: "no-active-contact" },
      { recipient: "C-GIN-P", reason: "bounced" },
    ];
    expect(skippedContacts(preview)).toEqual([{ recipient: "C-GIN-P", reason: "bounced" }]);
  });
});

describe("a letter SES reported bounced or complained about", () => {
  it("says first what happened and what the desk does about the address, SES's words after", () => {
    const bounced = whyOf(
      row("C-MLI", "STATE:MLI", "bounced", { reason: "hard bounce (General): smtp; 550 5.1.1 user unknown" }),
    );
    expect(bounced).toEqual({
      said:
        "The address refused the letter for good (a hard bounce). The desk marks the contact unreachable by " +
        "e-mail (if it still has this address), and later waves skip it until the secretariat corrects the " +
        "address or sets it back to ok.",
      ses: "hard bounce (General): smtp; 550 5.1.1 user unknown",
    });
    const complained = whyOf(row("C-GMB", "STATE:GMB", "complained", { reason: "complaint (abuse)" }));
    expect(complained.said).toMatch(/^The recipient reported the letter as spam\. The desk marks the contact/);
    expect(complained.ses).toBe("complaint (abuse)");
  });

  it("tells an address on SES's suppression list from a bounce", () => {
    const suppressed = feedbackWhy({ status: "bounced", reason: "hard bounce (OnAccountSuppressionList)" });
    expect(suppressed?.said).toMatch(/^SES did not deliver the letter: the address is on its suppression list/);
    expect(suppressed?.ses).toBe("hard bounce (OnAccountSuppressionList)");
  });

  it("leaves any other letter's reason as the ledger gives it", () => {
    expect(feedbackWhy({ status: "sent", reason: "soft bounce (MailboxFull)" })).toBeUndefined();
    expect(whyOf(row("C-SOM", "STATE:SOM", "sent", { reason: "soft bounce (MailboxFull)" }))).toEqual({
      said: "soft bounce (MailboxFull)",
    });
    expect(feedbackWhy({ status: "complained" })).toEqual({
      said: expect.stringMatching(/^The recipient reported the letter as spam\./),
    });
  });
});
