// The Contacts panel's words, in Node: a contact's standing when the desk cannot write to it, what SES reported and
// when, what a reading again after a refused write found (a bounce meanwhile; a colleague's deactivation).
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  contactStanding,
  deactivatedMeanwhileWords,
  emailStatusWords,
  nowOnRecord,
  refusedAsDeactivated,
} from "../../console/src/pages/state/contact-words.ts";

const contact: components["schemas"]["Contact"] = {
  id: "c1",
  owner: "STATE:SOM",
  role: "mission-poc",
  name: "Morgan Sample",
  email: "mission.som@example.org",
  language: "en",
  designatedOn: "2026-01-05",
  lastVerifiedOn: "2026-01-05",
  emailStatus: "ok",
  active: true,
  createdAt: "2026-01-05T00:00:00.000Z",
  updatedAt: "2026-01-05T00:00:00.000Z",
  stale: false,
};
const bounced = { ...contact, emailStatus: "bounced" as const, emailStatusOn: "2026-12-06" };

describe("a contact's standing", () => {
  it("is current or stale while its address works, and the day of deactivation after", () => {
    expect(contactStanding(contact)).toBe("current");
    expect(contactStanding({ ...contact, stale: true })).toBe("stale (not verified for 12 months)");
    expect(contactStanding({ ...contact, active: false, deactivatedOn: "2026-12-01" })).toBe("deactivated 2026-12-01");
  });

  it("says first that the desk cannot write to an address SES reported, and what and when", () => {
    expect(contactStanding(bounced)).toBe("unreachable by e-mail: a letter to it bounced on 2026-12-06");
    expect(contactStanding({ ...bounced, stale: true })).toBe(
      "unreachable by e-mail: a letter to it bounced on 2026-12-06; not verified for 12 months",
    );
    expect(emailStatusWords({ emailStatus: "complained" })).toBe("its recipient marked a letter as spam");
    expect(emailStatusWords({ emailStatus: "suppressed", emailStatusOn: "2026-11-30" })).toBe(
      "SES put the address on its suppression list on 2026-11-30",
    );
    expect(emailStatusWords(contact)).toBe("");
  });
});

describe("a contact read again after a refused write", () => {
  it("says that a letter bounced since the list was read, and when", () => {
    expect(nowOnRecord(contact, { ...bounced, phone: "+252 1 234 567" })).toBe(
      "Since the list was read, a letter to it bounced on 2026-12-06. Now on record for Morgan Sample: " +
        "mission.som@example.org, +252 1 234 567, letters in English, last verified 2026-01-05 (unreachable by " +
        "e-mail: a letter to it bounced on 2026-12-06). Act again if these are right.",
    );
    expect(nowOnRecord(bounced, bounced)).toMatch(/^Now on record for Morgan Sample/);
  });

  it("says who deactivated it, when and why, and that the reader's write was not saved", () => {
    const gone = {
      ...contact,
      active: false,
      deactivatedOn: "2026-12-06",
      deactivatedBy: "local-secretariat",
      deactivationReason: "Left the post in November",
    };
    expect(deactivatedMeanwhileWords(gone, "correction")).toBe(
      "Morgan Sample was deactivated by local-secretariat on 2026-12-06: Left the post in November. Your correction " +
        "was not saved: a deactivated contact is history.",
    );
    const { deactivatedBy: _unknown, ...unnamed } = gone;
    expect(deactivatedMeanwhileWords(unnamed, "verification")).toMatch(
      /^Morgan Sample was deactivated by a colleague on 2026-12-06: .* Your verification was not saved/,
    );
  });

  it("tells the API's refusal of a deactivated contact by its reason", () => {
    expect(refusedAsDeactivated({ status: 409, reason: "contact-deactivated" })).toBe(true);
    expect(refusedAsDeactivated({ status: 409, reason: "submission-voided" })).toBe(false);
    expect(refusedAsDeactivated({ status: 409 })).toBe(false);
  });
});
