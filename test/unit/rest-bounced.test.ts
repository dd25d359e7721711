// A rest never writes to an address a letter of its chain bounced at or was reported as spam from, whatever the contact
// says (audit 34, bug 3: SES's report moved the letter, and a crash kept it from marking the contact). On the
// in-memory stores: the chain's reported addresses, the rest's audience (skipped as the contact's status would have
// had it: the owner's other point of contact, or its Permanent Mission, written to instead), dispatch and the preview.
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { changeContact, createContact } from "#shared/contacts/contacts.ts";
import type { ContactRole } from "#shared/contacts/schemas.ts";
import { dispatch } from "#shared/correspondence/dispatch.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { resolveWaveAudience } from "#shared/waves/rest-of.ts";
import { writtenBefore } from "#shared/waves/rest-of-letters.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { previewAudience } from "#shared/waves/waves.ts";
import { inMemoryDispatchDesk } from "../support/in-memory/dispatch.ts";

const audit = { actor: systemActor("test") };
const AT = "2027-03-01T09:00:00.000Z";
const deps = inMemoryDispatchDesk(AT);
const { clock } = deps;

const template: Template = {
  id: "poc-letter-2027",
  kind: "point-of-contact-update",
  fallbackLanguage: "en",
  variants: { en: { subject: "Points of contact", text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
  createdAt: AT,
  updatedAt: AT,
};

/** Contact ids by the test's names for them (`BDI-capital`: Burundi's capital-poc). */
const contactIds = new Map<string, string>();
const emailOf = (key: string) => `${key.toLowerCase()}@chain.example`;

async function contact(key: string, role: ContactRole) {
  const created = await createContact(deps)(
    { owner: `STATE:${key.slice(0, 3)}`, role, name: `Contact ${key}`, email: emailOf(key) },
    audit,
  );
  contactIds.set(key, created.value.id);
  // Ids are time-ordered: a second between contacts keeps an owner's contacts in the order they were made.
  clock.advance(1000);
}

/** A wave as stored, with one letter per contact named, each in its status, to the contact's address then. */
async function storedWave(id: string, status: Wave["status"], letters: Record<string, MessageStatus>, restOf?: string) {
  const at = "2027-03-02T14:00:00.000Z";
  await deps.waves.create(
    {
      id,
      templateId: template.id,
      audience: "all-states",
      sendAt: "2027-03-02T09:00",
      timeZone: "America/New_York",
      sendInstant: at,
      notAfter: "2027-03-05T00:00:00.000Z",
      description: `Letter ${id}`,
      status,
      createdAt: at,
      updatedAt: at,
      ...(restOf ? { restOf } : {}),
    },
    audit,
  );
  for (const [key, letterStatus] of Object.entries(letters)) {
    const message: Message = {
      waveId: id,
      recipient: contactIds.get(key) ?? key,
      contactId: contactIds.get(key),
      owner: `STATE:${key.slice(0, 3)}`,
      email: emailOf(key),
      status: letterStatus,
      notAfter: "2027-03-05T00:00:00.000Z",
      claims: 1,
      createdAt: at,
      updatedAt: at,
    };
    await deps.ledger.putNew(message);
  }
}

const STATES = [
  ["BDI", "Burundi"],
  ["AGO", "Angola"],
  ["BTN", "Bhutan"],
  ["TGO", "Togo"],
] as const;

beforeAll(async () => {
  await deps.registry.addMissingStates(
    STATES.map(([iso3, name]) => ({
      iso3,
      iso2: iso3.slice(0, 2),
      name,
      region: "african",
      regionName: regionalGroups.african,
      language: "en",
      languageBasis: "official language",
    })),
    () => [],
    audit,
  );
  for (const [iso3] of STATES) deps.contacts.givenPocObligation(iso3);
  await contact("BDI-capital", "capital-poc");
  await contact("BDI-mission", "permanent-mission");
  await contact("AGO-capital", "capital-poc");
  await contact("AGO-missionpoc", "mission-poc");
  await contact("BTN-capital", "capital-poc");
  await contact("TGO-capital", "capital-poc");
  await deps.templates.create(template, audit);
  // Every contact is still ok: the reports of Burundi's bounce and Angola's complaint never reached them (a crash).
  await storedWave("H1", "halted", { "BDI-capital": "bounced", "AGO-capital": "complained", "BTN-capital": "bounced" });
  // Bhutan's point of contact has a new address since its letter bounced: the new one is written to.
  const bhutan = await deps.contacts.getContact(contactIds.get("BTN-capital") ?? "");
  if (!bhutan) throw new Error("no Bhutan contact");
  await changeContact(deps)(bhutan.value.id, bhutan.version, { email: "btn-new@chain.example" }, audit);
  // H1's rest halted in turn, having written to nobody: its own rest follows the chain back to H1's reports.
  await storedWave("R1", "halted", {}, "H1");
});

/** Each State's fate: the address written to, or the address skipped and why. */
const fatesOf = (audience: Awaited<ReturnType<typeof resolveWaveAudience>>["audience"]) =>
  [
    ...audience.recipients.map((recipient) => `${recipient.owner.owner} ${recipient.email}`),
    ...audience.skipped.map((skipped) => `${skipped.owner.owner} ${skipped.email} ${skipped.reason}`),
  ].sort();

// A letter reported as spam was read: Angola is left out as written to.
const REST_FATES = [
  "STATE:AGO ago-missionpoc@chain.example written-by-halted-wave",
  "STATE:BDI bdi-capital@chain.example bounced",
  "STATE:BDI bdi-mission@chain.example",
  "STATE:BTN btn-new@chain.example",
  "STATE:TGO tgo-capital@chain.example",
];

describe("the rest of a wave whose letters bounced, the reports not reaching the contacts", () => {
  it("knows the chain's reported addresses from its ledgers, not the letters that left or failed", async () => {
    await storedWave("OTHER", "halted", { "TGO-capital": "delivered", "BDI-mission": "failed" }, "H1");
    const written = await writtenBefore(deps, "OTHER");
    expect([...written.reported].sort()).toEqual([
      ["ago-capital@chain.example", "complained"],
      ["bdi-capital@chain.example", "bounced"],
      ["btn-capital@chain.example", "bounced"],
    ]);
  });

  it("skips each such address as the contact's status would have, and writes to the owner's other addresses", async () => {
    expect(
      fatesOf((await resolveWaveAudience(deps, { audience: "all-states", restOf: "H1" }, clock.now())).audience),
    ).toEqual(REST_FATES);
    // Through a rest of a rest, the first wave's reports still count.
    expect(
      fatesOf((await resolveWaveAudience(deps, { audience: "all-states", restOf: "R1" }, clock.now())).audience),
    ).toEqual(REST_FATES);
  });

  it("leaves a wave that is no rest to the contacts' statuses", async () => {
    const { audience } = await resolveWaveAudience(deps, { audience: "all-states" }, clock.now());
    expect(audience.recipients.map((recipient) => recipient.email)).toContain("bdi-capital@chain.example");
  });

  it("is dispatched as its preview says: Burundi at its Permanent Mission, never at the address that bounced", async () => {
    const rest = await deps.waves.create(
      {
        id: "R-PREVIEWED",
        templateId: template.id,
        audience: "all-states",
        sendAt: "2027-03-15T09:00",
        timeZone: "America/New_York",
        sendInstant: "2027-03-15T13:00:00.000Z",
        notAfter: "2027-03-20T00:00:00.000Z",
        restOf: "H1",
        status: "draft",
        createdAt: AT,
        updatedAt: AT,
      },
      audit,
    );
    const preview = await previewAudience(deps)(rest.value.id);
    await dispatch(deps)({
      id: rest.value.id,
      templateId: template.id,
      audience: "all-states",
      notAfter: "2027-03-20T00:00:00.000Z",
      restOf: "H1",
    });
    const letters = await deps.ledger.messagesOf(rest.value.id);
    const queued = letters.filter((letter) => letter.status === "queued").map((letter) => letter.email);
    expect(queued.sort()).toEqual(preview.recipients.map((recipient) => recipient.email).sort());
    expect(queued.sort()).toEqual(["bdi-mission@chain.example", "btn-new@chain.example", "tgo-capital@chain.example"]);
    expect(letters.find((letter) => letter.email === "bdi-capital@chain.example")).toMatchObject({
      status: "skipped",
      reason: "bounced",
    });
  });
});
