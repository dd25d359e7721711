// A point of contact's personal data is the secretariat's alone, on every route that answers a contact or a recipient
// (ADR 0048): experts and members read the same contacts, audiences and letters without name, title, agency, e-mail
// or phone, in answers that still match each route's declared schema. And the 409 for an address another active
// contact holds names its field. On the in-memory stores, through the router, no database.
import { Logger } from "@aws-lambda-powertools/logger";
import { beforeAll, describe, expect, it } from "vitest";
import type { Group } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { PERSONAL_FIELDS } from "#shared/contacts/personal-data.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import { createRouter } from "#shared/http/router.ts";
import { unconfiguredWaveScheduler } from "#shared/waves/scheduler.ts";
import { declarations as contactDeclarations, contactRoutes } from "../../functions/api/routes/contacts.ts";
import { declarations as waveDeclarations, waveRoutes } from "../../functions/api/routes/waves.ts";
import { routerCaller } from "../support/api-event.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

const AT = "2027-03-01T09:00:00.000Z";
const clock = fixedClock(AT);
const trail = inMemoryAudit(clock);
const registry = inMemoryRegistry(clock, trail);
const contacts = inMemoryContacts(clock, trail);
const waves = inMemoryWaves(clock, trail);
const deps = {
  registry,
  contacts,
  organizations: inMemoryOrganizations(clock, trail),
  assistance: inMemoryAssistance(clock, trail),
  templates: inMemoryTemplates(clock, trail),
  ledger: inMemoryLedger(clock, trail),
  waves,
  clock,
};
const router = createRouter(
  [
    ...contactRoutes(deps),
    ...waveRoutes({
      ...deps,
      scheduler: unconfiguredWaveScheduler("not in this test"),
      mailer: { sendMail: async () => ({ messageId: "m" }) },
    }),
  ],
  new Logger({ logLevel: "SILENT" }),
);
const call = routerCaller(router, "secretariat");

const PERSON = {
  name: "Awa Keita",
  title: "Director of Legal Affairs",
  agency: "Ministère des Affaires étrangères",
  email: "awa.keita@mali.example",
  phone: "+223 20 22 12 34",
};
/** The person's details as they would appear in any answer: every one must be absent from the others' answers. */
const personalValues = Object.values(PERSON);
const OTHERS: Group[] = ["experts", "members"];
const BOUNCE = (address: string) => `smtp; 550 5.1.1 <${address}>: Recipient address rejected`;

let contactId = "";
let waveId = "";

beforeAll(async () => {
  await registry.addMissingStates([aMemberState("MLI")], () => [], { actor: { kind: "system", id: "test" } });
  contacts.givenPocObligation("MLI");
  const created = await call({
    method: "POST",
    path: "/contacts",
    body: { owner: "STATE:MLI", role: "capital-poc", ...PERSON },
  });
  expect(created.status).toBe(201);
  contactId = created.body.id;
  await deps.templates.create(
    {
      id: "letter-2027",
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: { subject: "A letter", text: "Dear {{contact.name}}", html: "<p>Dear {{contact.name}}</p>" } },
      createdAt: AT,
      updatedAt: AT,
    },
    { actor: { kind: "system", id: "test" } },
  );
  const wave = await call({
    method: "POST",
    path: "/waves",
    body: {
      templateId: "letter-2027",
      audience: "non-reporting-states",
      sendAt: "2027-03-15T09:00",
      timeZone: "America/New_York",
      notAfter: "2027-03-20T00:00:00Z",
    },
  });
  expect(wave.status).toBe(201);
  waveId = wave.body.id;
  const letter: Message = {
    waveId,
    recipient: contactId,
    contactId,
    owner: "STATE:MLI",
    email: PERSON.email,
    status: "bounced",
    // SES's bounce reasons quote the address they refused.
    reason: BOUNCE(PERSON.email),
    letter: {
      language: "fr",
      fellBack: false,
      subject: "Une lettre",
      text: `Madame ${PERSON.name},`,
      html: `<p>Madame ${PERSON.name},</p>`,
    },
    notAfter: "2027-03-20T00:00:00.000Z",
    claims: 1,
    sentAt: AT,
    createdAt: AT,
    updatedAt: AT,
  };
  waves.addMessage(letter);
});

/** Every key of an object at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

const personalIn = (body: unknown) => personalValues.filter((value) => JSON.stringify(body).includes(value));

describe("GET /contacts and GET /contacts/{id}", () => {
  it("give the secretariat the person, with the contact's ETag", async () => {
    const list = await call({ path: "/contacts", query: "owner=STATE:MLI" });
    expect(list.body.items).toEqual([expect.objectContaining(PERSON)]);
    const one = await call({ path: `/contacts/${contactId}` });
    expect(one.body).toMatchObject(PERSON);
    expect(one.etag).toBe('"1"');
  });

  it.each(OTHERS)(
    "give %s every contact without the person, and no ETag, as the declared schema says",
    async (group) => {
      const list = await call({ path: "/contacts", query: "owner=STATE:MLI", group });
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: contactId,
          owner: "STATE:MLI",
          role: "capital-poc",
          language: "fr",
          active: true,
        }),
      ]);
      expect(list.body.items[0]).toMatchObject({ emailStatus: "ok", stale: false, lastVerifiedOn: "2027-03-01" });
      expect(contactDeclarations.listContacts.responses[0].schema.safeParse(list.body).success).toBe(true);
      const one = await call({ path: `/contacts/${contactId}`, group });
      expect(one.status).toBe(200);
      expect(one.etag).toBeUndefined();
      expect(contactDeclarations.getContact.responses[0].schema.safeParse(one.body).success).toBe(true);
      for (const body of [list.body, one.body]) {
        expect(personalIn(body)).toEqual([]);
        expect(keysOf(body).filter((key) => (PERSONAL_FIELDS as readonly string[]).includes(key))).toEqual([]);
      }
    },
  );
});

describe("GET /states/{iso3}/point-of-contact", () => {
  it.each(OTHERS)("gives %s coverage counts and no person (it never carried one)", async (group) => {
    const view = await call({ path: "/states/MLI/point-of-contact", group });
    expect(view.body).toMatchObject({ view: "current", activeContacts: 1, currentContacts: 1 });
    expect(personalIn(view.body)).toEqual([]);
  });
});

describe("GET /waves/{id}/audience", () => {
  it("gives the secretariat each recipient's person and address", async () => {
    const preview = await call({ path: `/waves/${waveId}/audience` });
    expect(preview.body.recipients).toEqual([
      expect.objectContaining({
        recipient: contactId,
        email: PERSON.email,
        contact: expect.objectContaining({ name: PERSON.name, title: PERSON.title, agency: PERSON.agency }),
      }),
    ]);
  });

  it.each(OTHERS)("gives %s each recipient, its owner and language, without the person", async (group) => {
    const preview = await call({ path: `/waves/${waveId}/audience`, group });
    expect(preview.status).toBe(200);
    expect(preview.body.recipients).toEqual([
      {
        recipient: contactId,
        owner: expect.objectContaining({ owner: "STATE:MLI", name: "State MLI" }),
        contact: { id: contactId, language: "fr" },
        language: "fr",
        addressedTo: "point-of-contact",
      },
    ]);
    expect(personalIn(preview.body)).toEqual([]);
    expect(waveDeclarations.previewWaveAudience.responses[0].schema.safeParse(preview.body).success).toBe(true);
  });
});

describe("GET /waves/{id}/messages", () => {
  it("gives the secretariat each letter's address and text", async () => {
    const messages = await call({ path: `/waves/${waveId}/messages` });
    expect(messages.body.items).toEqual([
      expect.objectContaining({
        email: PERSON.email,
        reason: BOUNCE(PERSON.email),
        letter: expect.objectContaining({ text: `Madame ${PERSON.name},` }),
      }),
    ]);
  });

  it.each(OTHERS)(
    "gives %s each letter's status, language and subject, without the address (in its reason too) or the text",
    async (group) => {
      const messages = await call({ path: `/waves/${waveId}/messages`, group });
      expect(messages.status).toBe(200);
      expect(messages.body.items).toEqual([
        expect.objectContaining({
          recipient: contactId,
          owner: "STATE:MLI",
          status: "bounced",
          reason: BOUNCE("[address withheld]"),
          letter: { language: "fr", fellBack: false, subject: "Une lettre" },
        }),
      ]);
      expect(messages.body.items[0]).not.toHaveProperty("email");
      expect(personalIn(messages.body)).toEqual([]);
      expect(waveDeclarations.listWaveMessages.responses[0].schema.safeParse(messages.body).success).toBe(true);
    },
  );
});

describe("an address another active contact holds", () => {
  it("is refused with 409 at body.email, on a designation and on a correction", async () => {
    const designated = await call({
      method: "POST",
      path: "/contacts",
      body: { owner: "STATE:MLI", role: "mission-poc", name: "B. Traoré", email: PERSON.email.toUpperCase() },
    });
    expect(designated.status).toBe(409);
    expect(designated.body.errors).toEqual([
      {
        path: "body.email",
        message: `is already used by ${PERSON.name}, capital point of contact of State MLI; deactivate that contact first`,
      },
    ]);
    expect(designated.body.detail).not.toContain(contactId);
    const other = await call({
      method: "POST",
      path: "/contacts",
      body: { owner: "STATE:MLI", role: "mission-poc", name: "B. Traoré", email: "b.traore@mali.example" },
    });
    const corrected = await call({
      method: "PATCH",
      path: `/contacts/${other.body.id}`,
      ifMatch: other.etag,
      body: { email: PERSON.email },
    });
    expect(corrected.status).toBe(409);
    expect(corrected.body.errors).toEqual([{ path: "body.email", message: expect.stringContaining("already used") }]);
  });
});
