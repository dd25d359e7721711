// A hard bounce or complaint half applied (audit 34, bug 3): SES's report moved the letter, then the process died
// before it marked the contact. The reconciliation (shared/correspondence/bounce-reconcile.ts) completes it without
// waiting for SES, on the in-memory stores: audited as ses-events with a correlation id naming it, once, and never over
// staff's word or another address; a dispatching wave the report should have halted is halted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { changeContact, createContact } from "#shared/contacts/contacts.ts";
import { recordEmailStatus } from "#shared/contacts/email-status.ts";
import { RECONCILE_WITHIN_MS, reconcileBounces } from "#shared/correspondence/bounce-reconcile.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { recordSesEvent, type SesEvent, sesEventSchema } from "#shared/correspondence/ses-events.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { inMemoryDispatchDesk } from "../support/in-memory/dispatch.ts";

const audit = { actor: systemActor("test") };
const AT = "2027-03-10T14:00:00.000Z";
const deps = inMemoryDispatchDesk(AT);
const { clock, trail } = deps;
const reconcile = reconcileBounces(deps);

const SAMPLES = join(import.meta.dirname, "../../events/samples");

/** SES's report of the letter, from the sample: its tags, address and SES id. */
function reportOf(sample: "bounce-permanent" | "complaint", letter: Message): SesEvent {
  const text = readFileSync(join(SAMPLES, `ses-${sample}.json`), "utf8")
    .replaceAll("poc.chad@example.org", letter.email ?? "")
    .replaceAll("first-report-request-2026", letter.waveId)
    .replaceAll("01JNZ8SAMPLECONTACT0000000", letter.recipient)
    .replaceAll("0100018e2c0a5d1f-4b3c9a7e-1d2f-4e5a-9b8c-7d6e5f4a3b2c-000000", letter.sesMessageId ?? "");
  return sesEventSchema.parse(JSON.parse(text));
}

/** The report applied by a process that dies at the contact's write: the letter moves, the contact stays ok. */
async function halfApplied(event: SesEvent) {
  const dying = {
    ...deps,
    contacts: {
      ...deps.contacts,
      saveContact: async () => {
        throw new Error("killed");
      },
    },
  };
  await expect(recordSesEvent(dying)(event)).rejects.toThrow("killed");
}

const contactIds = new Map<string, string>();
const emailOf = (iso3: string) => `poc.${iso3.toLowerCase()}@reconcile.example`;
const contactOf = async (iso3: string) => (await deps.contacts.getContact(contactIds.get(iso3) ?? ""))?.value;
const entriesOf = (iso3: string) =>
  deps.contacts.audit.entries.filter((entry) => entry.entity.id === contactIds.get(iso3));

/** A wave as stored, in `status` since `movedAt`, with one letter SES accepted per State given. */
async function storedWave(id: string, status: Wave["status"], letters: Record<string, MessageStatus>, movedAt = AT) {
  await deps.waves.create(
    {
      id,
      templateId: "poc-letter",
      audience: "all-states",
      sendAt: "2027-03-01T09:00",
      timeZone: "America/New_York",
      sendInstant: "2027-03-01T14:00:00.000Z",
      notAfter: "2027-03-20T00:00:00.000Z",
      status,
      createdAt: "2027-03-01T14:00:00.000Z",
      updatedAt: movedAt,
    },
    audit,
  );
  for (const [iso3, letterStatus] of Object.entries(letters)) {
    await deps.ledger.putNew({
      waveId: id,
      recipient: contactIds.get(iso3) ?? `filler-${iso3}`,
      contactId: contactIds.get(iso3),
      owner: `STATE:${iso3.slice(0, 3)}`,
      email: emailOf(iso3),
      status: letterStatus,
      sesMessageId: `ses-${id}-${iso3}`,
      sentAt: "2027-03-01T14:00:00.000Z",
      notAfter: "2027-03-20T00:00:00.000Z",
      claims: 1,
      createdAt: "2027-03-01T14:00:00.000Z",
      updatedAt: movedAt,
    });
  }
}

const letterOf = async (waveId: string, iso3: string) => {
  const letter = await deps.ledger.get({ waveId, recipient: contactIds.get(iso3) ?? "" });
  if (!letter) throw new Error(`no letter to ${iso3}`);
  return letter;
};

const STATES = ["BDI", "AGO", "BTN", "NPL", "LAO", "MMR", "KHM", "PHL", "VNM", "MNG", "THA"];

beforeAll(async () => {
  await deps.registry.addMissingStates(
    STATES.map((iso3) => ({
      iso3,
      iso2: iso3.slice(0, 2),
      name: `State ${iso3}`,
      region: "asia-pacific",
      regionName: regionalGroups["asia-pacific"],
      language: "en",
      languageBasis: "official language",
    })),
    () => [],
    audit,
  );
  for (const iso3 of STATES) {
    deps.contacts.givenPocObligation(iso3);
    const created = await createContact(deps)(
      { owner: `STATE:${iso3}`, role: "capital-poc", name: `Poc ${iso3}`, email: emailOf(iso3) },
      audit,
    );
    contactIds.set(iso3, created.value.id);
  }
  clock.advance(60_000);
});

describe("a report half applied, completed by the reconciliation", () => {
  it("marks the contact a crash left ok as the bounce would have, audited as ses-events, once", async () => {
    await storedWave("H1", "halted", { BDI: "sent" });
    const bounce = reportOf("bounce-permanent", await letterOf("H1", "BDI"));
    await halfApplied(bounce);
    expect((await letterOf("H1", "BDI")).status).toBe("bounced");
    expect((await contactOf("BDI"))?.emailStatus).toBe("ok");

    clock.advance(60_000);
    const contactId = contactIds.get("BDI");
    expect(await reconcile()).toEqual({
      marked: [{ waveId: "H1", recipient: contactId, owner: "STATE:BDI", contactId, status: "bounced" }],
      halted: [],
      failed: [],
    });
    expect((await contactOf("BDI"))?.emailStatus).toBe("bounced");
    const entries = entriesOf("BDI").filter((entry) => entry.action === "contact.email-status");
    expect(entries).toEqual([
      expect.objectContaining({
        actor: { kind: "system", id: "ses-events" },
        correlationId: `bounce-reconcile:H1:${contactId}`,
      }),
    ]);

    // Again, and SES's retry of the report after all: nothing more is written.
    expect((await reconcile()).marked).toEqual([]);
    expect(await recordSesEvent(deps)({ ...bounce, id: "retry" })).toMatchObject({ contact: "unchanged" });
    expect(entriesOf("BDI").filter((entry) => entry.action === "contact.email-status")).toHaveLength(1);
  });

  it("is completed as well by the same report applied again, as npm run fire's failure says", async () => {
    await storedWave("H0", "dispatching", {
      ...Object.fromEntries(Array.from({ length: 19 }, (_, n) => [`F0-${n}`, "delivered" as const])),
      PHL: "sent",
    });
    const bounce = reportOf("bounce-permanent", await letterOf("H0", "PHL"));
    await halfApplied(bounce);
    // The guard judged before the contact's write died (audit 35): the wave is halted, the contact not yet marked.
    expect((await deps.waves.get("H0"))?.value.status).toBe("halted");
    expect((await contactOf("PHL"))?.emailStatus).toBe("ok");
    expect(await recordSesEvent(deps)(bounce)).toMatchObject({
      outcome: "ignored",
      contact: "recorded",
      halted: false,
    });
    expect((await contactOf("PHL"))?.emailStatus).toBe("bounced");
  });

  it("leaves a contact staff set back to ok when the same report is applied again (verification of audit 34)", async () => {
    await storedWave("H0B", "halted", { VNM: "sent" });
    const bounce = reportOf("bounce-permanent", await letterOf("H0B", "VNM"));
    expect(await recordSesEvent(deps)(bounce)).toMatchObject({ outcome: "moved", contact: "recorded" });
    clock.advance(60_000);
    const marked = await deps.contacts.getContact(contactIds.get("VNM") ?? "");
    if (!marked) throw new Error("no contact");
    await changeContact(deps)(marked.value.id, marked.version, { emailStatus: "ok" }, audit);
    const entries = trail.entries.length;
    clock.advance(60_000);
    // A replay of the dead-letter queue, or `npm run fire -- ses-events` run twice: the secretariat's word stands.
    expect(await recordSesEvent(deps)(bounce)).toMatchObject({ outcome: "ignored", contact: "written-since" });
    expect((await contactOf("VNM"))?.emailStatus).toBe("ok");
    expect(trail.entries).toHaveLength(entries);
  });

  it("marks a complaint as complained, and an address SES's suppression list refused as suppressed", async () => {
    await storedWave("H2", "halted", { AGO: "sent", BTN: "sent" });
    await halfApplied(reportOf("complaint", await letterOf("H2", "AGO")));
    const suppressed = reportOf("bounce-permanent", await letterOf("H2", "BTN"));
    if (suppressed.detail.eventType !== "Bounce") throw new Error("not a bounce");
    suppressed.detail.bounce.bounceSubType = "OnAccountSuppressionList";
    await halfApplied(suppressed);
    clock.advance(60_000);
    const marked = (await reconcile()).marked.map(({ waveId, status }) => `${waveId} ${status}`);
    expect(marked.sort()).toEqual(["H2 complained", "H2 suppressed"]);
    expect((await contactOf("AGO"))?.emailStatus).toBe("complained");
    expect((await contactOf("BTN"))?.emailStatus).toBe("suppressed");
  });

  it("leaves a contact staff wrote since the report (they may have set it back to ok), and one whose address changed", async () => {
    await storedWave("H3", "halted", { NPL: "bounced", LAO: "bounced" });
    clock.advance(60_000);
    const nepal = await deps.contacts.getContact(contactIds.get("NPL") ?? "");
    const laos = await deps.contacts.getContact(contactIds.get("LAO") ?? "");
    if (!nepal || !laos) throw new Error("no contacts");
    // Staff wrote Nepal's contact since the report, as when they set its address back to ok: their word stands.
    await changeContact(deps)(nepal.value.id, nepal.version, { phone: "+977 1 4200000" }, audit);
    await changeContact(deps)(laos.value.id, laos.version, { email: "poc.lao.new@reconcile.example" }, audit);
    expect((await reconcile()).marked).toEqual([]);
    expect((await contactOf("NPL"))?.emailStatus).toBe("ok");
    expect((await contactOf("LAO"))?.emailStatus).toBe("ok");
  });

  it("reads the waves halted or completed within the last week, and every dispatching one", async () => {
    const longAgo = new Date(clock.now().getTime() - RECONCILE_WITHIN_MS - 60_000).toISOString();
    await storedWave("OLD", "completed", { MMR: "bounced" }, longAgo);
    expect((await reconcile()).marked).toEqual([]);
    await storedWave("LATELY", "completed", { MMR: "bounced" });
    clock.advance(60_000);
    expect((await reconcile()).marked.map((marked) => marked.waveId)).toEqual(["LATELY"]);
  });

  it("halts a dispatching wave whose bounces reached the guard's rate, the report having stopped before it", async () => {
    const fillers = Object.fromEntries(Array.from({ length: 19 }, (_, n) => [`F${n}`, "delivered" as const]));
    await storedWave("LIVE", "dispatching", { ...fillers, KHM: "bounced" });
    clock.advance(60_000);
    const result = await reconcile();
    expect(result.halted).toEqual(["LIVE"]);
    expect((await deps.waves.get("LIVE"))?.value.status).toBe("halted");
    expect((await contactOf("KHM"))?.emailStatus).toBe("bounced");
    expect(trail.entries.filter((entry) => entry.action === "wave.halt" && entry.entity.id === "LIVE")).toEqual([
      expect.objectContaining({ correlationId: "bounce-reconcile:LIVE" }),
    ]);
  });
  it("finds the wave halted already when the report died at the contact's write: the guard judges first (audit 35)", async () => {
    const fillers = Object.fromEntries(Array.from({ length: 19 }, (_, n) => [`H${n}`, "delivered" as const]));
    await storedWave("FIRST", "dispatching", { ...fillers, MNG: "sent" });
    await halfApplied(reportOf("bounce-permanent", await letterOf("FIRST", "MNG")));
    // One bounce in 20 out: the guard halted the wave before the contact's write died.
    expect((await deps.waves.get("FIRST"))?.value.status).toBe("halted");
    expect((await contactOf("MNG"))?.emailStatus).toBe("ok");
    clock.advance(60_000);
    expect((await reconcile()).marked.map(({ waveId }) => waveId)).toContain("FIRST");
    expect((await contactOf("MNG"))?.emailStatus).toBe("bounced");
  });

  it("halts the wave at the reconciliation when the report died at the halt, the contact still unmarked (audit 35)", async () => {
    const fillers = Object.fromEntries(Array.from({ length: 19 }, (_, n) => [`J${n}`, "delivered" as const]));
    await storedWave("STOPPED", "dispatching", { ...fillers, THA: "sent" });
    const dyingAtHalt = {
      ...deps,
      waves: {
        ...deps.waves,
        move: async () => {
          throw new Error("killed");
        },
      },
    };
    await expect(
      recordSesEvent(dyingAtHalt)(reportOf("bounce-permanent", await letterOf("STOPPED", "THA"))),
    ).rejects.toThrow("killed");
    expect((await deps.waves.get("STOPPED"))?.value.status).toBe("dispatching");
    expect((await contactOf("THA"))?.emailStatus).toBe("ok");
    clock.advance(60_000);
    const result = await reconcile();
    expect(result.halted).toContain("STOPPED");
    expect((await deps.waves.get("STOPPED"))?.value.status).toBe("halted");
    expect((await contactOf("THA"))?.emailStatus).toBe("bounced");
  });

  it("does not judge again a dispatching wave whose reports were applied in full (review of audit 34)", async () => {
    // The guard let the wave go on when the bounce arrived (few letters out); more left since: the rate now is not
    // what any bounce met, and nothing was half applied.
    const fillers = Object.fromEntries(Array.from({ length: 19 }, (_, n) => [`G${n}`, "delivered" as const]));
    await storedWave("WHOLE", "dispatching", { ...fillers, PHL: "bounced" });
    await recordEmailStatus(deps)(contactIds.get("PHL") ?? "", { email: emailOf("PHL"), status: "bounced" }, audit);
    clock.advance(60_000);
    const result = await reconcile();
    expect(result).toMatchObject({ marked: [], halted: [] });
    expect((await deps.waves.get("WHOLE"))?.value.status).toBe("dispatching");
  });
});
