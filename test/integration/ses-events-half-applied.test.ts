// A hard bounce half applied against DynamoDB Local (audit 34, bug 3): SES's report moved the letter, then the process
// died at the contact's write. The rest of the halted wave skips the address all the same, writing to the State's
// Permanent Mission, and the reconciliation marks the contact as the report would have, audited once.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { ContactRepository } from "#shared/contacts/repository.ts";
import { reconcileBounces } from "#shared/correspondence/bounce-reconcile.ts";
import { type WaveDispatchStores, waveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { recordSesEvent, sesEventSchema } from "#shared/correspondence/ses-events.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { resolveWaveAudience } from "#shared/waves/rest-of.ts";
import { freshTables } from "./fresh-tables.ts";

const START = "2026-03-10T13:00:00.000Z";
const clock = fixedClock(START);
const audit = { actor: systemActor("test") };
const run = randomUUID().slice(0, 8);

let setup: Awaited<ReturnType<typeof freshTables>>;
let deps: WaveDispatchStores;
const ids = { poc: "", mission: "" };
const address = { poc: `poc.bdi-${run}@states.example`, mission: `mission.bdi-${run}@states.example` };

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  deps = waveDispatchStores(setup.doc, setup.tableNames, clock);
  const contact = (role: "capital-poc" | "permanent-mission", email: string) =>
    createContact(deps)({ owner: "STATE:BDI", role, name: `Burundi ${role}`, email }, audit);
  ids.poc = (await contact("capital-poc", address.poc)).value.id;
  ids.mission = (await contact("permanent-mission", address.mission)).value.id;
  const at = clock.now().toISOString();
  await deps.waves.create(
    {
      id: `H-${run}`,
      templateId: "poc-letter",
      audience: "all-states",
      sendAt: "2026-03-10T09:00",
      timeZone: "America/New_York",
      sendInstant: at,
      notAfter: "2026-03-12T00:00:00.000Z",
      status: "halted",
      createdAt: at,
      updatedAt: at,
    },
    audit,
  );
  await deps.ledger.putNew({
    waveId: `H-${run}`,
    recipient: ids.poc,
    contactId: ids.poc,
    owner: "STATE:BDI",
    email: address.poc,
    status: "sent",
    sesMessageId: `ses-${run}`,
    sentAt: at,
    notAfter: "2026-03-12T00:00:00.000Z",
    claims: 1,
    createdAt: at,
    updatedAt: at,
  });
}, 120_000);

/** SES's hard bounce of Burundi's letter, from the sample. */
const bounce = () =>
  sesEventSchema.parse(
    JSON.parse(
      readFileSync(join(import.meta.dirname, "../../events/samples/ses-bounce-permanent.json"), "utf8")
        .replaceAll("poc.chad@example.org", address.poc)
        .replaceAll("first-report-request-2026", `H-${run}`)
        .replaceAll("01JNZ8SAMPLECONTACT0000000", ids.poc)
        .replaceAll("0100018e2c0a5d1f-4b3c9a7e-1d2f-4e5a-9b8c-7d6e5f4a3b2c-000000", `ses-${run}`),
    ),
  );

async function emailStatusEntries(contactId: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `contact#${contactId}` },
    }),
  );
  return (result.Items ?? []).filter((item) => item.action === "contact.email-status");
}

describe("a hard bounce whose report died before the contact's write", () => {
  it("leaves the letter bounced and the contact ok", async () => {
    // The contacts store of a process killed at its first contact write; its reads are the real store's.
    const dying: ContactRepository = Object.assign(Object.create(deps.contacts), {
      saveContact: async () => {
        throw new Error("killed");
      },
    });
    await expect(recordSesEvent({ ...deps, contacts: dying })(bounce())).rejects.toThrow("killed");
    expect((await deps.ledger.get({ waveId: `H-${run}`, recipient: ids.poc }))?.status).toBe("bounced");
    expect((await deps.contacts.getContact(ids.poc))?.value.emailStatus).toBe("ok");
  });

  it("is skipped by the halted wave's rest, which writes to the Permanent Mission instead", async () => {
    const { audience } = await resolveWaveAudience(deps, { audience: "all-states", restOf: `H-${run}` }, clock.now());
    const ofBurundi = <T extends { owner: { owner: string } }>(entries: readonly T[]) =>
      entries.filter((entry) => entry.owner.owner === "STATE:BDI");
    expect(ofBurundi(audience.recipients).map((recipient) => recipient.email)).toEqual([address.mission]);
    expect(ofBurundi(audience.skipped)).toEqual([expect.objectContaining({ email: address.poc, reason: "bounced" })]);
  });

  it("is completed by the reconciliation, audited once, and the report applied again changes nothing", async () => {
    clock.advance(60_000);
    expect((await reconcileBounces(deps)()).marked).toEqual([
      { waveId: `H-${run}`, recipient: ids.poc, owner: "STATE:BDI", contactId: ids.poc, status: "bounced" },
    ]);
    expect((await deps.contacts.getContact(ids.poc))?.value.emailStatus).toBe("bounced");
    expect((await reconcileBounces(deps)()).marked).toEqual([]);
    expect(await recordSesEvent(deps)({ ...bounce(), id: randomUUID() })).toMatchObject({ contact: "unchanged" });
    const entries = await emailStatusEntries(ids.poc);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ correlationId: `bounce-reconcile:H-${run}:${ids.poc}` });
  });
});
