import { describe, expect, it } from "vitest";
import type { Contact } from "#shared/contacts/schemas.ts";
import { contactsAsOf, needsHistory } from "#shared/snapshots/contacts-as-of.ts";

const LAST_DAY = "2024-03-31";
const contact = (changes: Partial<Contact>): Contact => ({
  id: "c1",
  owner: "STATE:FRA",
  role: "capital-poc",
  name: "Officer",
  email: "officer@example.org",
  language: "fr",
  designatedOn: "2023-06-01",
  lastVerifiedOn: "2023-06-01",
  emailStatus: "ok",
  active: true,
  createdAt: "2023-06-01T15:00:00.000Z",
  updatedAt: "2023-06-01T15:00:00.000Z",
  ...changes,
});
const none = new Map();

describe("contacts as of a quarter's last day", () => {
  it("leaves out a contact designated after the day and keeps one unchanged since as it is", () => {
    const later = contact({ id: "later", designatedOn: "2024-04-01", lastVerifiedOn: "2024-04-01" });
    const asOf = contactsAsOf([contact({}), later], LAST_DAY, none);
    expect(asOf).toEqual({ contacts: [contact({})], undated: 0 });
  });

  it("counts a contact deactivated after the day as active then, one deactivated by the day as not", () => {
    const after = contact({ active: false, deactivatedOn: "2024-04-02", updatedAt: "2024-04-02T15:00:00.000Z" });
    const before = contact({ active: false, deactivatedOn: "2024-03-31", updatedAt: "2024-03-31T15:00:00.000Z" });
    const images = new Map([
      ["c1", [{ at: "2023-06-01T15:00:00.000Z", lastVerifiedOn: "2023-06-01", emailStatus: "ok" as const }]],
    ]);
    expect(contactsAsOf([after], LAST_DAY, images).contacts[0]?.active).toBe(true);
    expect(contactsAsOf([before], LAST_DAY, none).contacts[0]?.active).toBe(false);
  });

  it("takes the latest verification and e-mail status the audited images date by the day", () => {
    const now = contact({
      lastVerifiedOn: "2024-05-10",
      emailStatus: "bounced",
      updatedAt: "2024-05-10T15:00:00.000Z",
    });
    expect(needsHistory(now, LAST_DAY)).toBe(true);
    const images = new Map([
      [
        "c1",
        [
          { at: "2024-05-10T15:00:00.000Z", lastVerifiedOn: "2024-05-10", emailStatus: "bounced" as const },
          { at: "2023-11-20T15:00:00.000Z", lastVerifiedOn: "2023-11-20", emailStatus: "ok" as const },
          { at: "2023-06-01T15:00:00.000Z", lastVerifiedOn: "2023-06-01", emailStatus: "ok" as const },
        ],
      ],
    ]);
    const asOf = contactsAsOf([now], LAST_DAY, images);
    expect(asOf.contacts[0]).toMatchObject({ lastVerifiedOn: "2023-11-20", emailStatus: "ok" });
    expect(asOf.undated).toBe(0);
  });

  it("judges the day in New York: an image written at 02:00 UTC on 1 April was written on 31 March", () => {
    const now = contact({ emailStatus: "bounced", updatedAt: "2024-04-01T02:00:00.000Z" });
    const images = new Map([["c1", [{ at: "2024-04-01T02:00:00.000Z", emailStatus: "bounced" as const }]]]);
    expect(needsHistory(now, LAST_DAY)).toBe(false);
    expect(contactsAsOf([now], LAST_DAY, images).contacts[0]?.emailStatus).toBe("bounced");
  });

  it("trusts a good address recorded after the day, but counts as undated a status or history it cannot date", () => {
    const recordedLate = { createdAt: "2024-06-10T15:00:00.000Z", updatedAt: "2024-06-10T15:00:00.000Z" };
    expect(needsHistory(contact(recordedLate), LAST_DAY)).toBe(false);
    const bouncedLate = contact({ ...recordedLate, emailStatus: "bounced" });
    const late = contactsAsOf([bouncedLate], LAST_DAY, none);
    expect(late).toMatchObject({ contacts: [{ emailStatus: "bounced" }], undated: 1 });
    // On record by the day, changed since, never audited one by one (an import): not dated.
    const imported = contact({ lastVerifiedOn: "2024-05-01", updatedAt: "2024-05-01T15:00:00.000Z" });
    expect(contactsAsOf([imported], LAST_DAY, none)).toMatchObject({
      contacts: [{ lastVerifiedOn: "2023-06-01" }],
      undated: 1,
    });
    // Inactive without a date: when it left is unknown.
    expect(contactsAsOf([contact({ active: false })], LAST_DAY, none).undated).toBe(1);
  });
});
