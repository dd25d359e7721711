// "Send again" writes to the letter's contact as it is now (audit30 bug 2): a contact deactivated since, or whose
// address bounced, is refused in words with nothing written; an address corrected since is where the letter goes,
// the ledger and its reason say so, and the sender sends it there. On the in-memory stores, no database.
import { beforeEach, describe, expect, it } from "vitest";
import { type Actor, systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { changeContact, deactivateContact } from "#shared/contacts/contacts.ts";
import type { Contact } from "#shared/contacts/schemas.ts";
import { DEFAULT_EVENT_WINDOW_MS, resendRefusal } from "#shared/correspondence/lifecycle.ts";
import type { Message, MessageKey } from "#shared/correspondence/schemas.ts";
import { send } from "#shared/correspondence/send.ts";
import { Conflict } from "#shared/errors.ts";
import type { MailMessage } from "#shared/mail/ses.ts";
import { recipientWords, resendAddress } from "#shared/waves/resend-contact.ts";
import { resendReason } from "#shared/waves/resend-reason.ts";
import { createWave, resendUnknown } from "#shared/waves/waves.ts";
import { aMemberState, refusal } from "../support/fixtures.ts";
import { inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";
import { stateContactMaker } from "../support/state-contacts.ts";

const AT = "2027-03-01T09:00:00.000Z";
const LEASE_END = "2027-03-01T09:02:00.000Z";
const AFTER_WINDOW = new Date(Date.parse(LEASE_END) + DEFAULT_EVENT_WINDOW_MS).toISOString();
const officer: Actor = {
  kind: "user",
  id: "8c501a84-2f76-5dc7-ace1-a736bfdea3ec",
  username: "desk-officer",
  groups: [],
};
const audit = { actor: officer };

const contact = (overrides: Partial<Contact> = {}): Contact => ({
  id: "01KDCONTACT",
  owner: "STATE:KEN",
  role: "capital-poc",
  name: "Alex Demo",
  email: "poc.ken@example.org",
  language: "en",
  designatedOn: "2026-01-05",
  lastVerifiedOn: "2026-01-05",
  emailStatus: "ok",
  active: true,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

describe("where a letter sent again goes", () => {
  it("goes to the contact's address, saying what it was when the address changed since", () => {
    expect(resendAddress({ email: "poc.ken@example.org", contactId: "01KDCONTACT" }, contact())).toEqual({
      email: "poc.ken@example.org",
    });
    expect(resendAddress({ email: "old@example.org", contactId: "01KDCONTACT" }, contact())).toEqual({
      email: "poc.ken@example.org",
      changedFrom: "old@example.org",
    });
  });

  it("refuses a contact deactivated since, saying on which day and why, or one no longer on record", () => {
    const retired = contact({
      active: false,
      deactivatedOn: "2026-12-06",
      deactivationReason: "Retired from the ministry in November",
    });
    expect(resendAddress({ email: "poc.ken@example.org", contactId: "01KDCONTACT" }, retired)).toEqual({
      refused:
        "Alex Demo was deactivated on 2026-12-06 (Retired from the ministry in November): a deactivated contact is " +
        "not written to",
    });
    expect(resendAddress({ email: "poc.ken@example.org", contactId: "01KDCONTACT" }, undefined)).toEqual({
      refused: "its contact is no longer on record",
    });
    // A letter that names no contact keeps its address.
    expect(resendAddress({ email: "poc.ken@example.org" }, undefined)).toEqual({ email: "poc.ken@example.org" });
  });

  it("refuses an address that bounced, was reported as spam, or is suppressed", () => {
    expect(resendAddress({ contactId: "01KDCONTACT" }, contact({ emailStatus: "bounced" }))).toEqual({
      refused: "Alex Demo's address poc.ken@example.org bounced a letter: it is not written to",
    });
    expect(resendAddress({ contactId: "01KDCONTACT" }, contact({ emailStatus: "complained" }))).toMatchObject({
      refused: expect.stringContaining("was reported by its recipient as spam"),
    });
    expect(resendAddress({ contactId: "01KDCONTACT" }, contact({ emailStatus: "suppressed" }))).toMatchObject({
      refused: expect.stringContaining("suppression list"),
    });
  });

  it("names the recipient and the actor in words, never by id", () => {
    expect(recipientWords("Kenya", contact())).toBe("Alex Demo (Kenya)");
    expect(recipientWords("Kenya", undefined)).toBe("Kenya");
    const sentAgainBy = (actor: Actor) => resendReason(actor, { email: "a@example.org" }).split(":")[0];
    expect(sentAgainBy(officer)).toBe("sent again by desk-officer");
    expect(sentAgainBy({ ...officer, username: undefined })).toBe(`sent again by ${officer.id}`);
    expect(sentAgainBy(systemActor("wave-dispatch"))).toBe("sent again by wave-dispatch");
    expect(resendReason(officer, { email: "new@example.org", changedFrom: "old@example.org" })).toBe(
      "sent again by desk-officer: no SES event came within the event window; the contact's address changed from " +
        "old@example.org to new@example.org, where it goes",
    );
  });

  it("gives the event window's end and the deadline as the desk reads them", () => {
    const unknown = { status: "unknown", notAfter: "2027-03-20T00:00:00.000Z", leaseUntil: LEASE_END } as const;
    expect(resendRefusal({ ...unknown, updatedAt: AT }, new Date(AT), DEFAULT_EVENT_WINDOW_MS, "completed")).toBe(
      "SES events may still settle it until 2027-03-02 09:02 UTC (the event window)",
    );
    expect(
      resendRefusal(
        { ...unknown, updatedAt: AT },
        new Date("2027-03-21T00:00:00Z"),
        DEFAULT_EVENT_WINDOW_MS,
        "completed",
      ),
    ).toBe("its wave's not-after deadline 2027-03-20 00:00 UTC has passed");
  });
});

function stores() {
  const clock = fixedClock(AT);
  const trail = inMemoryAudit(clock);
  const batches: MessageKey[][] = [];
  const mailed: MailMessage[] = [];
  const contacts = inMemoryContacts(clock, trail);
  return {
    clock,
    trail,
    waves: inMemoryWaves(clock, trail),
    templates: inMemoryTemplates(clock, trail),
    registry: inMemoryRegistry(clock, trail),
    organizations: inMemoryOrganizations(clock, trail),
    contacts,
    assistance: inMemoryAssistance(clock, trail),
    ledger: inMemoryLedger(clock, trail, contacts),
    queue: { sendBatch: async (keys: readonly MessageKey[]) => void batches.push([...keys]) },
    scheduler: {
      schedule: async ({ id }: { id: string }) => `wave-${id}`,
      scheduleResend: async () => "unused",
      unschedule: async () => undefined,
    },
    mailer: {
      sendMail: async (mail: MailMessage) => {
        mailed.push(mail);
        return { messageId: `ses-${mailed.length}` };
      },
    },
    batches,
    mailed,
  };
}

describe("sending again a letter whose contact changed since it was written", () => {
  let deps: ReturnType<typeof stores>;
  let unknown: Message;

  beforeEach(async () => {
    deps = stores();
    await deps.registry.addMissingStates([{ ...aMemberState("KEN"), name: "Kenya" }], () => [], audit);
    deps.contacts.givenPocObligation("KEN");
    const poc = await stateContactMaker(deps, audit)("KEN", "poc.ken", "en", { name: "Alex Demo" });
    await deps.templates.create(
      {
        id: "first-report-request-2027",
        kind: "first-report-request",
        fallbackLanguage: "en",
        variants: { en: { subject: "The first report", text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
        createdAt: AT,
        updatedAt: AT,
      },
      audit,
    );
    const wave = await createWave(deps)(
      {
        templateId: "first-report-request-2027",
        audience: "non-reporting-states",
        sendAt: "2027-03-15T09:00",
        timeZone: "America/New_York",
        notAfter: "2027-03-20T00:00:00Z",
      },
      audit,
    );
    // The letter a crash left unknown, as the ledger kept it at dispatch.
    unknown = {
      waveId: wave.value.id,
      recipient: poc.value.id,
      contactId: poc.value.id,
      owner: "STATE:KEN",
      email: poc.value.email,
      status: "unknown",
      letter: { language: "en", fellBack: false, subject: "The first report", text: "Dear Alex Demo", html: "<p/>" },
      notAfter: "2027-03-20T00:00:00.000Z",
      leaseUntil: LEASE_END,
      claims: 1,
      createdAt: AT,
      updatedAt: AT,
    };
    await deps.ledger.putNew(unknown);
  });

  const resend = () => resendUnknown(deps)(unknown.waveId, unknown.recipient, audit);
  const stored = () => deps.ledger.get(unknown);

  it("names whose letter it was when the letter moved between the reading and the write (a colleague's resend)", async () => {
    deps.clock.set(AFTER_WINDOW);
    const racing = {
      ...deps,
      ledger: {
        ...deps.ledger,
        // A colleague's resend lands between this one's reading of the letter and its write.
        resend: async (...args: Parameters<typeof deps.ledger.resend>) => {
          await deps.ledger.resend(...args);
          return deps.ledger.resend(...args);
        },
      },
    };
    const error = await refusal(resendUnknown(racing)(unknown.waveId, unknown.recipient, audit));
    expect((error as Error).message).toBe("The letter to Alex Demo (Kenya) is not sent again: it is queued now");
  });

  /** The stores, with a colleague's act landing after this resend's `n`th reading of the contact. */
  const colleagueActsAfterReading = (act: () => Promise<unknown>, readings = 1) => {
    let read = 0;
    return {
      ...deps,
      contacts: {
        ...deps.contacts,
        getContact: async (id: string) => {
          const contact = await deps.contacts.getContact(id);
          if (read++ < readings) await act();
          return contact;
        },
      },
    };
  };

  it("refuses, in words, a contact deactivated between the resend's reading of it and its write", async () => {
    deps.clock.set(AFTER_WINDOW);
    const racing = colleagueActsAfterReading(() =>
      deactivateContact(deps)(unknown.recipient, 1, audit, "Retired from the ministry in November"),
    );
    const error = await refusal(resendUnknown(racing)(unknown.waveId, unknown.recipient, audit));
    expect((error as Error).message).toBe(
      "The letter to Alex Demo (Kenya) is not sent again: Alex Demo was deactivated on 2027-03-02 by desk-officer " +
        "(Retired from the ministry in November): a deactivated contact is not written to",
    );
    expect(await stored()).toEqual(unknown);
    expect(deps.batches).toEqual([]);
    expect(deps.trail.actionsOf({ type: "wave", id: unknown.waveId })).not.toContain("wave.resend");
  });

  it("sends it when what changed meanwhile leaves the address as it was (a telephone number)", async () => {
    deps.clock.set(AFTER_WINDOW);
    const racing = colleagueActsAfterReading(() =>
      changeContact(deps)(unknown.recipient, 1, { phone: "+254 20 123 4567" }, audit),
    );
    const { message } = await resendUnknown(racing)(unknown.waveId, unknown.recipient, audit);
    expect(message).toMatchObject({ status: "queued", email: unknown.email });
    expect(deps.batches).toEqual([[{ waveId: unknown.waveId, recipient: unknown.recipient }]]);
  });

  it("asks to try again when the contact changes at each reading, and writes nothing", async () => {
    deps.clock.set(AFTER_WINDOW);
    let version = 1;
    const racing = colleagueActsAfterReading(
      () => changeContact(deps)(unknown.recipient, version++, { phone: `+254 20 123 456${version}` }, audit),
      2,
    );
    const error = await refusal(resendUnknown(racing)(unknown.waveId, unknown.recipient, audit));
    expect((error as Error).message).toBe(
      "The letter to Alex Demo (Kenya) is not sent again: its contact changed while it was being sent again: try again",
    );
    expect(await stored()).toEqual(unknown);
  });

  it("refuses a contact deactivated meanwhile in words, and writes nothing", async () => {
    await deactivateContact(deps)(unknown.recipient, 1, audit, "Retired from the ministry in November");
    deps.clock.set(AFTER_WINDOW);
    const error = await refusal(resend());
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Error).message).toBe(
      "The letter to Alex Demo (Kenya) is not sent again: Alex Demo was deactivated on 2027-03-01 by desk-officer " +
        "(Retired from the ministry in November): a deactivated contact is not written to",
    );
    expect(await stored()).toEqual(unknown);
    expect(deps.batches).toEqual([]);
    expect(deps.trail.actionsOf({ type: "wave", id: unknown.waveId })).not.toContain("wave.resend");
  });

  it("refuses a contact whose address bounced meanwhile", async () => {
    await changeContact(deps)(unknown.recipient, 1, { emailStatus: "bounced" }, audit);
    deps.clock.set(AFTER_WINDOW);
    expect(((await refusal(resend())) as Error).message).toBe(
      "The letter to Alex Demo (Kenya) is not sent again: Alex Demo's address poc.ken@states.example bounced a " +
        "letter: it is not written to",
    );
    expect((await stored())?.status).toBe("unknown");
  });

  it("names the recipient, not its id, when the event window is still open", async () => {
    expect(((await refusal(resend())) as Error).message).toBe(
      "The letter to Alex Demo (Kenya) is not sent again: SES events may still settle it until 2027-03-02 09:02 UTC " +
        "(the event window)",
    );
  });

  it("sends it to the contact's corrected address, and says so in the ledger's reason", async () => {
    await changeContact(deps)(unknown.recipient, 1, { email: "new.poc@kenya.example" }, audit);
    deps.clock.set(AFTER_WINDOW);
    const { message } = await resend();
    expect(message).toMatchObject({ status: "queued", email: "new.poc@kenya.example" });
    expect(message.reason).toBe(
      "sent again by desk-officer: no SES event came within the event window; the contact's address changed from " +
        "poc.ken@states.example to new.poc@kenya.example, where it goes",
    );
    expect(await stored()).toMatchObject({ status: "queued", email: "new.poc@kenya.example" });
    expect(deps.batches).toEqual([[{ waveId: unknown.waveId, recipient: unknown.recipient }]]);

    const sendBatch = send({
      ledger: deps.ledger,
      mailer: deps.mailer,
      pacer: { take: async () => undefined },
      clock: deps.clock,
    });
    const body = JSON.stringify({ waveId: unknown.waveId, recipient: unknown.recipient });
    await sendBatch([{ messageId: "m1", body, attributes: { ApproximateReceiveCount: "1" } }]);
    expect(deps.mailed.map((mail) => mail.to)).toEqual(["new.poc@kenya.example"]);
    expect(await stored()).toMatchObject({ status: "sent", email: "new.poc@kenya.example" });
  });
});
