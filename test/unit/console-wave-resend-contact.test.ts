// What the resend question says of the letter's contact as it is now (audit30 bug 2): an address corrected since is
// where the letter goes, a contact deactivated since (or an address that bounced) cannot be written to, and a refusal
// after the press is said in the API's words (audit30 item 7).
import { describe, expect, it } from "vitest";
import { contactOutlook, resendRefusalWords } from "../../console/src/pages/correspondence/wave-resend-contact.ts";

const contact = {
  name: "Alex Demo",
  email: "poc.ken@example.org",
  active: true,
  emailStatus: "ok",
} as const;

describe("the resend question, on the contact as it is now", () => {
  it("says nothing more when the contact is as the letter has it, or could not be read", () => {
    expect(contactOutlook("poc.ken@example.org", { contact })).toEqual({
      allowed: true,
      email: "poc.ken@example.org",
      words: "",
    });
    expect(contactOutlook("poc.ken@example.org", undefined)).toEqual({
      allowed: true,
      email: "poc.ken@example.org",
      words: "",
    });
  });

  it("says the address is now another, and that the letter goes there", () => {
    const moved = { ...contact, email: "new.mission.nor@norway-mission.example" };
    expect(contactOutlook("mission.nor@example.org", { contact: moved })).toEqual({
      allowed: true,
      email: "new.mission.nor@norway-mission.example",
      words:
        "Alex Demo's address is now new.mission.nor@norway-mission.example (the letter went to " +
        "mission.nor@example.org): the letter goes there.",
    });
  });

  it("says a contact deactivated since cannot be written to, on which day and why", () => {
    const retired = {
      ...contact,
      active: false,
      deactivatedOn: "2026-12-06",
      deactivationReason: "Retired from the ministry in November",
    };
    expect(contactOutlook("poc.ken@example.org", { contact: retired })).toEqual({
      allowed: false,
      email: "poc.ken@example.org",
      words:
        "It cannot be sent again: Alex Demo was deactivated on 2026-12-06 (Retired from the ministry in November): a " +
        "deactivated contact is not written to.",
    });
    expect(contactOutlook("poc.ken@example.org", { gone: true })).toMatchObject({ allowed: false });
  });

  it("says an address that bounced cannot be written to", () => {
    expect(contactOutlook("poc.ken@example.org", { contact: { ...contact, emailStatus: "bounced" } })).toEqual({
      allowed: false,
      email: "poc.ken@example.org",
      words: "It cannot be sent again: Alex Demo's address poc.ken@example.org bounced a letter: it is not written to.",
    });
  });
});

describe("a refusal after the press", () => {
  it("is the API's 409 in its own words, and any other problem under the owner's name", () => {
    const conflict = {
      type: "/problems/conflict",
      title: "Conflict",
      status: 409,
      detail:
        "The letter to Alex Demo (Kenya) is not sent again: SES events may still settle it until 2026-12-07 13:33 UTC " +
        "(the event window)",
    };
    expect(resendRefusalWords(conflict, "Kenya")).toBe(`${conflict.detail}.`);
    expect(resendRefusalWords({ type: "about:blank", title: "Network error", status: 0 }, "Kenya")).toBe(
      "The letter to Kenya was not sent again: Network error",
    );
  });
});
