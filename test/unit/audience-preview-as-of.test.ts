// The audience preview and the test copy resolve a wave's audience as of its send day while that is ahead (today once
// it has passed), as dispatch will: follow-ups fall due, points of contact and providers' offers go stale with the day
// alone, so a preview as of today would show a list that is not the one that goes out.
import { beforeAll, describe, expect, it } from "vitest";
import { createOffer } from "#shared/assistance/offers.ts";
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { RequestStatus } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { Audience } from "#shared/correspondence/schemas.ts";
import type { MailMessage } from "#shared/mail/ses.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { createWave, previewAudience, sendTestLetter } from "#shared/waves/waves.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryHolidayStore } from "../support/in-memory/holidays.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryReporting } from "../support/in-memory/reporting.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";
import { stateContactMaker } from "../support/state-contacts.ts";

const audit = { actor: systemActor("test") };
/** Today on the desk: 1 March 2027 in New York. */
const TODAY = "2027-03-01T15:00:00.000Z";
/** A wave drafted today for 15 March, and one whose send time (20 February) has passed. */
const SEND_DAY = "2027-03-15";
const PASSED_DAY = "2027-02-20";
const FOLLOW_UP = "follow-up-2027";
/** For the other audiences: only the follow-up audience fills {{assistance.followUps}}. */
const PLAIN = "plain-2027";

const clock = fixedClock(TODAY);
const trail = inMemoryAudit(clock);
const mailed: MailMessage[] = [];
const registry = inMemoryRegistry(clock, trail);
const deps = {
  clock,
  registry,
  reporting: inMemoryReporting(clock, registry, trail),
  organizations: inMemoryOrganizations(clock, trail),
  contacts: inMemoryContacts(clock, trail),
  assistance: inMemoryAssistance(clock, trail),
  waves: inMemoryWaves(clock, trail),
  templates: inMemoryTemplates(clock, trail),
  ledger: inMemoryLedger(clock, trail),
  holidays: inMemoryHolidayStore(clock),
  mailer: {
    sendMail: async (mail: MailMessage) => {
      mailed.push(mail);
      return { messageId: `ses-${mailed.length}` };
    },
  },
};
const contactIdOf = new Map<string, string>();

/** A request of `iso3` circulated on `circulatedOn`: its one-year follow-up falls due a year later. */
async function circulatedRequest(iso3: string, circulatedOn: string) {
  clock.set(`${circulatedOn}T15:00:00Z`);
  const created = await createRequest(deps)(
    {
      iso3,
      areas: ["legislation"],
      description: `Request of ${iso3}`,
      receivedOn: circulatedOn,
      symbol: `S/AC.44/${iso3}/1`,
      consentedToCirculation: true,
    },
    audit,
  );
  let version = created.version;
  for (const to of ["acknowledged", "consent-window", "circulated"] as RequestStatus[]) {
    version = (await transitionRequest(deps)(created.value.id, version, { to }, audit)).version;
  }
  clock.set(TODAY);
}

beforeAll(async () => {
  const states = ["AUT", "FRA", "KEN", "NGA", "PHL"];
  await deps.registry.addMissingStates(
    states.map((iso3) => aMemberState(iso3, "african", "en")),
    () => [],
    audit,
  );
  const contact = stateContactMaker(deps, audit);
  for (const iso3 of states) {
    deps.contacts.givenPocObligation(iso3);
    // Austria's point of contact was verified on 10 March 2026: current today, stale from 10 March 2027 on.
    const lastVerifiedOn = iso3 === "AUT" ? "2026-03-10" : "2027-01-05";
    const created = await contact(iso3, iso3.toLowerCase(), "en", { designatedOn: lastVerifiedOn, lastVerifiedOn });
    contactIdOf.set(iso3, created.value.id);
  }
  // Kenya's follow-up falls due on 10 March 2027 (between today and the send day), Nigeria's on 1 February 2027
  // (owed today already), the Philippines' on 30 June 2027 (after both).
  await circulatedRequest("KEN", "2026-03-10");
  await circulatedRequest("NGA", "2026-02-01");
  await circulatedRequest("PHL", "2026-06-30");
  // France last updated its offer on 10 March 2026: stale once 12 months have passed, after 10 March 2027.
  await createOffer(deps)(
    {
      provider: { kind: "state", iso3: "FRA" },
      areas: ["legislation"],
      description: "Legislative drafting",
      validFrom: "2026-01-01",
      lastUpdatedOn: "2026-03-10",
    },
    audit,
  );
  const template = (id: string, kind: Template["kind"], text: string): Template => ({
    id,
    kind,
    fallbackLanguage: "en",
    variants: { en: { subject: "A letter", text, html: `<p>${text}</p>` } },
    createdAt: TODAY,
    updatedAt: TODAY,
  });
  await deps.templates.create(
    template(FOLLOW_UP, "assistance-follow-up", "Dear {{contact.name}}: {{assistance.followUps|list}}"),
    audit,
  );
  await deps.templates.create(template(PLAIN, "provider-offer-update", "Dear {{contact.name}}"), audit);
});

/** A wave sent at 09:00 New York on `day`, drafted while that was ahead (a past send time is refused); today after. */
async function waveSentOn(day: string, audience: Audience): Promise<string> {
  clock.set(`${day}T00:00:00Z`);
  const wave = await createWave(deps)(
    {
      templateId: audience === "states-with-follow-up-due" ? FOLLOW_UP : PLAIN,
      audience,
      sendAt: `${day}T09:00`,
      timeZone: "America/New_York",
      notAfter: "2027-04-30T00:00:00Z",
    },
    audit,
  );
  clock.set(TODAY);
  return wave.value.id;
}

/** The preview's day and the States it writes to. */
async function preview(day: string, audience: Audience) {
  const { asOfDay, recipients } = await previewAudience(deps)(await waveSentOn(day, audience));
  return { asOfDay, owners: recipients.map((recipient) => recipient.owner.owner) };
}

describe("the audience preview as of the wave's send day", () => {
  it("lists a State whose follow-up falls due between today and the send day; one owed today stays", async () => {
    expect(await preview(SEND_DAY, "states-with-follow-up-due")).toEqual({
      asOfDay: SEND_DAY,
      owners: ["STATE:KEN", "STATE:NGA"],
    });
  });

  it("resolves a wave whose send time has passed as of today: a follow-up not yet due is not listed", async () => {
    expect(await preview(PASSED_DAY, "states-with-follow-up-due")).toEqual({
      asOfDay: "2027-03-01",
      owners: ["STATE:NGA"],
    });
  });

  it("counts a point of contact current today but stale by the send day as not current", async () => {
    expect(await preview(SEND_DAY, "states-without-current-poc")).toEqual({
      asOfDay: SEND_DAY,
      owners: ["STATE:AUT"],
    });
    expect((await preview(PASSED_DAY, "states-without-current-poc")).owners).toEqual([]);
  });

  it("counts a provider whose offer goes stale by the send day as stale", async () => {
    expect((await preview(SEND_DAY, "stale-providers")).owners).toEqual(["STATE:FRA"]);
    expect((await preview(PASSED_DAY, "stale-providers")).owners).toEqual([]);
  });
});

describe("the test copy as of the wave's send day", () => {
  it("is written for a State owed a follow-up on the send day, dated that day and listing its request", async () => {
    const id = await waveSentOn(SEND_DAY, "states-with-follow-up-due");
    const sent = await sendTestLetter(deps)(
      id,
      { to: "officer@desk.example", contactId: contactIdOf.get("KEN") },
      audit,
    );
    expect(sent.owner).toBe("STATE:KEN");
    const text = mailed.at(-1)?.text ?? "";
    expect(text).toContain("S/AC.44/KEN/1");
    expect(text).toContain("New York, 15 March 2027");
  });
});
