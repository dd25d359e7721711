// The rest of a halted wave (shared/waves/rest-of.ts, audit 31 bug 1) on the in-memory stores: refused unless it
// names a halted wave of the same template and audience; dispatch and the audience preview leave out every owner one
// of whose letters reached it, or may have (sent, delivered, reported as spam, sending, unknown), each address skipped
// naming the wave that wrote; a State whose only letter bounced or failed unsent is written to, at an address that works.
import { beforeAll, describe, expect, it } from "vitest";
import { hasLeft } from "#shared/assistance/follow-ups.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { ContactRole, EmailStatus } from "#shared/contacts/schemas.ts";
import { dispatch } from "#shared/correspondence/dispatch.ts";
import { type Message, type MessageStatus, messageStatusSchema } from "#shared/correspondence/schemas.ts";
import { Conflict, Invalid } from "#shared/errors.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { mayHaveArrived, writtenBefore } from "#shared/waves/rest-of-letters.ts";
import type { WaveScheduler } from "#shared/waves/scheduler.ts";
import type { NewWave, Wave } from "#shared/waves/schemas.ts";
import { createWave, previewAudience, scheduleWave } from "#shared/waves/waves.ts";
import { otherWaveOf } from "../../console/src/pages/correspondence/skip-other-wave.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryDispatchDesk } from "../support/in-memory/dispatch.ts";

const audit = { actor: systemActor("test") };
/** A scheduler that makes no schedule but names the one it would. */
const namingScheduler: WaveScheduler = {
  schedule: async (wave) => `wave-${wave.id}`,
  scheduleResend: async (wave) => `wave-resend.${wave.id}`,
  unschedule: async () => undefined,
};
const AT = "2027-03-01T09:00:00.000Z";
const deps = inMemoryDispatchDesk(AT);
const { clock } = deps;

const STATES = [
  ["TCD", "Chad"],
  ["MLI", "Mali"],
  ["NER", "Niger"],
  ["SEN", "Senegal"],
  ["GHA", "Ghana"],
  ["CIV", "Côte d'Ivoire"],
  ["KEN", "Kenya"],
] as const;

/** Contact ids by the test's names for them. */
const contactIds = new Map<string, string>();

async function contact(key: string, role: ContactRole, emailStatus: EmailStatus = "ok") {
  const created = await createContact(deps)(
    {
      owner: `STATE:${key.slice(0, 3)}`,
      role,
      name: `Contact ${key}`,
      email: `${key.toLowerCase()}@rest.example`,
      emailStatus,
    },
    audit,
  );
  contactIds.set(key, created.value.id);
  // Ids are time-ordered: a second between contacts keeps an owner's contacts in the order they were made.
  clock.advance(1000);
}

const template: Template = {
  id: "outreach-2027",
  kind: "first-report-request",
  fallbackLanguage: "en",
  variants: { en: { subject: "Outreach", text: "Dear {{contact.name}}", html: "<p>Dear {{contact.name}}</p>" } },
  createdAt: AT,
  updatedAt: AT,
};

const newWave = (changes: Partial<NewWave> = {}): NewWave => ({
  templateId: template.id,
  audience: "all-states",
  sendAt: "2027-03-15T09:00",
  timeZone: "America/New_York",
  notAfter: "2027-03-20T00:00:00Z",
  ...changes,
});

/** A wave as stored, in `status`, whose ledger holds one letter per State given, in the status given. */
async function storedWave(
  id: string,
  status: Wave["status"],
  letters: Record<string, MessageStatus>,
  changes: Partial<Wave> = {},
) {
  const at = "2027-03-02T14:00:00.000Z";
  await deps.waves.create(
    {
      ...newWave(),
      id,
      description: `Outreach ${id}`,
      sendInstant: at,
      notAfter: "2027-03-05T00:00:00.000Z",
      status,
      createdAt: at,
      updatedAt: at,
      ...changes,
    },
    audit,
  );
  for (const [iso3, letterStatus] of Object.entries(letters)) {
    const message: Message = {
      waveId: id,
      recipient: contactIds.get(`${iso3}-capital`) ?? `owner:STATE:${iso3}`,
      owner: `STATE:${iso3}`,
      status: letterStatus,
      notAfter: "2027-03-05T00:00:00.000Z",
      claims: 1,
      createdAt: at,
      updatedAt: at,
    };
    await deps.ledger.putNew(message);
  }
}

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
  for (const [iso3] of STATES) {
    deps.contacts.givenPocObligation(iso3);
    // Their letters in the halted wave bounced, and were reported as spam: SES's reports marked them.
    const emailStatus = iso3 === "NER" ? "bounced" : iso3 === "CIV" ? "complained" : "ok";
    await contact(`${iso3}-capital`, "capital-poc", emailStatus);
  }
  await contact("NER-mission", "permanent-mission");
  await deps.templates.create(template, audit);
  // The halted wave: Chad's letter delivered, Mali's unknown, Ghana's still sending, Côte d'Ivoire's reported as spam;
  // Niger's bounced (its point of contact since marked bounced) and Senegal's failed unsent; Kenya's sent.
  await storedWave(
    "HALTED",
    "halted",
    { TCD: "delivered", MLI: "unknown", GHA: "sending", CIV: "complained", NER: "bounced", SEN: "failed", KEN: "sent" },
    { haltReason: "hard bounces reached 5% of the letters out: 1 of 20 (5.0%)" },
  );
});

/** Each State's fate in a list of messages: the address written to, or the skip's reason. */
const fates = (messages: readonly Message[]) =>
  messages.map((message) => `${message.owner} ${message.status === "skipped" ? message.reason : message.email}`).sort();

describe("the rest of a halted wave", () => {
  it("is refused at body.restOf, naming the wave, unless it names a halted wave of the same template and audience", async () => {
    await deps.templates.create({ ...template, id: "other-2027" }, audit);
    await storedWave("DONE", "completed", {});
    const refused = async (changes: Partial<NewWave>) => {
      const error = await refusal(createWave(deps)(newWave(changes), audit));
      expect(error).toBeInstanceOf(Invalid);
      return (error as Invalid).issues;
    };
    expect(await refused({ restOf: "NOWAVE" })).toEqual([{ path: "body.restOf", message: "no wave NOWAVE" }]);
    // A wave with no description is named by its audience and day, never by its id (review 32b).
    await storedWave("UNNAMED-DONE", "completed", {}, { description: undefined });
    expect(await refused({ restOf: "UNNAMED-DONE" })).toEqual([
      {
        path: "body.restOf",
        message:
          "the wave to all-states of 2027-03-02 is completed and is no rest: it wrote to its whole audience, so it " +
          "has no rest to write to (only a halted wave, or a completed rest of one, has)",
      },
    ]);
    expect(await refused({ restOf: "DONE" })).toEqual([
      {
        path: "body.restOf",
        message:
          "“Outreach DONE” is completed and is no rest: it wrote to its whole audience, so it has no rest to write " +
          "to (only a halted wave, or a completed rest of one, has)",
      },
    ]);
    expect(await refused({ restOf: "HALTED", templateId: "other-2027", audience: "non-reporting-states" })).toEqual([
      {
        path: "body.restOf",
        message: "“Outreach HALTED” sent template outreach-2027: its rest is sent with the same template",
      },
      {
        path: "body.restOf",
        message: "“Outreach HALTED” wrote to all-states: its rest is written to the same audience",
      },
    ]);
    const made = await createWave(deps)(newWave({ restOf: "HALTED" }), audit);
    expect(made.value.restOf).toBe("HALTED");
  });

  it("refuses a second rest while the first stands, naming it with what to do, and not once it is cancelled", async () => {
    const [first] = (await deps.waves.inStatus("draft")).filter((wave) => wave.value.restOf === "HALTED");
    if (!first) throw new Error("the first rest was not made");
    const second = await refusal(createWave(deps)(newWave({ restOf: "HALTED" }), audit));
    expect((second as Invalid).issues).toEqual([
      {
        path: "body.restOf",
        message:
          "“Outreach HALTED” already has its rest, the wave to all-states of 2027-03-15 (draft, made 2027-03-01 " +
          "09:00 UTC): open it to schedule it; cancel it only to write another instead",
      },
    ]);
    await deps.waves.move(first, first.version, { ...first.value, status: "cancelled" }, audit);
    expect((await createWave(deps)(newWave({ restOf: "HALTED", description: "Second try" }), audit)).value.restOf).toBe(
      "HALTED",
    );
  });

  it("schedules only the first made of two rests that slipped past the check together (review 32b)", async () => {
    await storedWave("HALTED-RACE", "halted", { KEN: "sent" });
    const rest = (id: string, createdAt: string) =>
      storedWave(
        id,
        "draft",
        {},
        {
          restOf: "HALTED-RACE",
          sendInstant: "2027-03-15T13:00:00.000Z",
          notAfter: "2027-03-20T00:00:00.000Z",
          createdAt,
          updatedAt: createdAt,
        },
      );
    await rest("RACE-A", "2027-03-01T08:59:59.000Z");
    await rest("RACE-B", "2027-03-01T08:59:59.500Z");
    const scheduling = scheduleWave({
      ...deps,
      scheduler: namingScheduler,
    });
    const second = await refusal(scheduling("RACE-B", 1, audit));
    expect(second).toBeInstanceOf(Conflict);
    expect((second as Conflict).message).toBe(
      "The wave “Outreach RACE-B” cannot be scheduled: “Outreach RACE-A”, made before it, is already the rest of " +
        "“Outreach HALTED-RACE”: cancel this one",
    );
    expect((await scheduling("RACE-A", 1, audit)).value.status).toBe("scheduled");
  });

  it("counts a letter that left, is being sent or is unknown as written; not one that bounced, failed or was skipped", () => {
    // The follow-ups' rule of a letter that left, and the two that may have left.
    for (const status of messageStatusSchema.options) {
      expect(mayHaveArrived({ status })).toBe(hasLeft(status) || status === "sending" || status === "unknown");
    }
    expect(["bounced", "failed", "skipped"].map((status) => mayHaveArrived({ status }))).toEqual([false, false, false]);
    // An unknown letter the secretariat sent again is on its way (ADR 0062): queued, but the rest leaves its owner out.
    expect(mayHaveArrived({ status: "queued", resentAt: "2027-03-16T13:10:00.000Z" })).toBe(true);
  });

  it("dispatches to the States the halted wave did not write to, each other address skipped naming it", async () => {
    await dispatch(deps)({
      id: "REST",
      templateId: template.id,
      audience: "all-states",
      notAfter: "2027-03-20T00:00:00.000Z",
      restOf: "HALTED",
    });
    const written = "written-by-halted-wave: wave “Outreach HALTED” (HALTED) of this rest's chain wrote to it";
    expect(fates(await deps.ledger.messagesOf("REST"))).toEqual([
      `STATE:CIV ${written}`,
      `STATE:GHA ${written}`,
      `STATE:KEN ${written}`,
      `STATE:MLI ${written}`,
      // Its point of contact's letter bounced: it had nothing, and gets the letter at its Permanent Mission.
      "STATE:NER bounced",
      "STATE:NER ner-mission@rest.example",
      "STATE:SEN sen-capital@rest.example",
      `STATE:TCD ${written}`,
    ]);
    // Côte d'Ivoire has no usable address now: the State is skipped as a whole, saying why, not listed as unreached.
    const ivorian = (await deps.ledger.messagesOf("REST")).find((message) => message.owner === "STATE:CIV");
    expect(ivorian?.recipient).toBe("owner:STATE:CIV");
    expect((await deps.ledger.unreached("REST", { limit: 10 })).items).toEqual([]);
  });

  it("previews the same audience, and does not name the halted wave as sending the same letter again", async () => {
    const [rest] = (await deps.waves.inStatus("draft")).filter((wave) => wave.value.restOf === "HALTED");
    if (!rest) throw new Error("the rest was not made");
    const preview = await previewAudience(deps)(rest.value.id);
    expect(preview.recipients.map((recipient) => recipient.email).sort()).toEqual([
      "ner-mission@rest.example",
      "sen-capital@rest.example",
    ]);
    expect(
      preview.skipped
        .filter((skipped) => skipped.reason === "written-by-halted-wave")
        .map((skipped) => skipped.owner.owner)
        .sort(),
    ).toEqual(["STATE:CIV", "STATE:GHA", "STATE:KEN", "STATE:MLI", "STATE:TCD"]);
    expect(preview.sameLetter.map((other) => other.id)).not.toContain("HALTED");
  });

  it("leaves out the owner of an unknown letter the secretariat sent again, while it waits queued (ADR 0062)", async () => {
    await storedWave("HALTED-RESENT", "halted", { SEN: "sent" });
    await deps.ledger.putNew({
      waveId: "HALTED-RESENT",
      recipient: "ghana-capital",
      owner: "STATE:GHA",
      status: "queued",
      resentAt: "2027-03-06T10:00:00.000Z",
      notAfter: "2027-03-20T00:00:00.000Z",
      claims: 1,
      createdAt: "2027-03-04T10:00:00.000Z",
      updatedAt: "2027-03-06T10:00:00.000Z",
    });
    const written = await writtenBefore(deps, "HALTED-RESENT");
    expect([...written.owners.keys()].sort()).toEqual(["STATE:GHA", "STATE:SEN"]);
  });

  it("leaves out, for the rest of a rest that halted too, those the first halted wave wrote to as well", async () => {
    // The rest halted in turn after writing to Senegal; Niger's Mission letter failed unsent.
    await storedWave("REST-HALTED", "halted", { SEN: "sent" }, { restOf: "HALTED" });
    await dispatch(deps)({
      id: "REST-OF-REST",
      templateId: template.id,
      audience: "all-states",
      notAfter: "2027-03-20T00:00:00.000Z",
      restOf: "REST-HALTED",
    });
    const messages = await deps.ledger.messagesOf("REST-OF-REST");
    expect(messages.filter((message) => message.status === "queued").map((message) => message.email)).toEqual([
      "ner-mission@rest.example",
    ]);
    const reasonOf = (owner: string) => messages.find((message) => message.owner === owner)?.reason;
    expect(reasonOf("STATE:SEN")).toBe(
      "written-by-halted-wave: wave “Outreach REST-HALTED” (REST-HALTED) of this rest's chain wrote to it",
    );
    expect(reasonOf("STATE:TCD")).toBe(
      "written-by-halted-wave: wave “Outreach HALTED” (HALTED) of this rest's chain wrote to it",
    );
    // The console names the writer from these words, as it did from the older "halted wave …" ones.
    expect(otherWaveOf(reasonOf("STATE:SEN"))).toEqual({ waveId: "REST-HALTED", description: "Outreach REST-HALTED" });
  });

  it("refuses another rest of a wave whose rest halted too: the rest of that one is written instead", async () => {
    const issues = ((await refusal(createWave(deps)(newWave({ restOf: "HALTED" }), audit))) as Invalid).issues;
    expect(issues).toContainEqual({
      path: "body.restOf",
      message:
        "“Outreach HALTED” already has its rest, “Outreach REST-HALTED” (halted, made 2027-03-02 14:00 UTC): write " +
        "the rest of that one",
    });
  });

  it("lets a rest be written again once the draft of the first passed its send time: it can never be scheduled", async () => {
    await storedWave("REST-TOO-LATE", "draft", {}, { restOf: "REST-HALTED", sendInstant: "2027-02-26T14:00:00.000Z" });
    const again = await createWave(deps)(newWave({ restOf: "REST-HALTED" }), audit);
    expect(again.value.restOf).toBe("REST-HALTED");
  });
});

describe("the rest of a completed rest, after a late bounce (audit 33, bug 1)", () => {
  const scheduling = scheduleWave({
    ...deps,
    scheduler: namingScheduler,
  });

  beforeAll(async () => {
    // LATE-H halted; its rest LATE-R left Chad and Kenya out and completed; then Chad's letter of LATE-H bounced late.
    await storedWave("LATE-H", "halted", { TCD: "bounced", KEN: "sent" });
    await storedWave(
      "LATE-R",
      "completed",
      { TCD: "skipped", KEN: "skipped", MLI: "sent", GHA: "sent", CIV: "sent", NER: "sent", SEN: "sent" },
      { restOf: "LATE-H" },
    );
  });

  it("is made, previewed and dispatched to the owner no wave of the chain reached after all, and scheduled", async () => {
    const made = await createWave(deps)(newWave({ restOf: "LATE-R", description: "Late rest" }), audit);
    const preview = await previewAudience(deps)(made.value.id);
    expect(preview.recipients.map((recipient) => recipient.email)).toEqual(["tcd-capital@rest.example"]);
    expect(preview.sameLetter.map((other) => other.id)).not.toContain("LATE-R");
    await dispatch(deps)({
      id: "LATE-REST",
      templateId: template.id,
      audience: "all-states",
      notAfter: "2027-03-20T00:00:00.000Z",
      restOf: "LATE-R",
    });
    const queued = (await deps.ledger.messagesOf("LATE-REST")).filter((message) => message.status === "queued");
    expect(queued.map((message) => message.email)).toEqual(["tcd-capital@rest.example"]);
    expect((await scheduling(made.value.id, made.version, audit)).value.status).toBe("scheduled");
  });

  it("is one rest per completed rest: a second is refused, naming the first", async () => {
    const issues = ((await refusal(createWave(deps)(newWave({ restOf: "LATE-R" }), audit))) as Invalid).issues;
    expect(issues).toEqual([
      {
        path: "body.restOf",
        message:
          "“Outreach LATE-R” already has its rest, “Late rest” (scheduled, made 2027-03-01 09:00 UTC): open it; " +
          "cancel it only to write another instead",
      },
    ]);
  });
});
