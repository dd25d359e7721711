// A State's language of record against DynamoDB Local: PATCH /states/{iso3} changes its contacts that have no
// language of their own, in the same transaction and each audited; a contact's own language stays; a contact can
// follow the State again; a contact changed meanwhile refuses the whole change.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { changeContact, createContact, deactivateContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import type { NewContact } from "#shared/contacts/schemas.ts";
import { Conflict } from "#shared/errors.ts";
import { createRouter } from "#shared/http/router.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { changeState, type LanguageFollowers } from "#shared/registry/states.ts";
import { recordsRoutes } from "../../functions/api/records.ts";
import { routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T10:00:00Z");
const audit = { actor: systemActor("test") };

let setup: Awaited<ReturnType<typeof freshTables>>;
let contacts: ReturnType<typeof contactDependencies>;
let call: ReturnType<typeof routerCaller>;

const create = (iso3: string, key: string, more: Partial<NewContact> = {}) =>
  createContact(contacts)(
    {
      owner: `STATE:${iso3}`,
      role: "capital-poc",
      name: `Poc ${key}`,
      email: `${key}@language.example`,
      ...more,
    },
    audit,
  );
const languageOf = async (id: string) => (await contacts.contacts.getContact(id))?.value;

async function auditOf(entity: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": entity },
    }),
  );
  return result.Items ?? [];
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  contacts = contactDependencies(setup.doc, setup.tableNames, clock);
  const router = createRouter(recordsRoutes({ ...setup, clock }), new Logger({ logLevel: "SILENT" }));
  call = routerCaller(router, "secretariat");
}, 120_000);

describe("PATCH /states/{iso3} with a new language", () => {
  it("changes the contacts without a language of their own, audited in the same change; others keep theirs", async () => {
    // Mali reads French in the registry.
    const follower = await create("MLI", "mli-follower");
    const ownFrench = await create("MLI", "mli-own-fr", { language: "fr" });
    const ownArabic = await create("MLI", "mli-own-ar", { language: "ar", role: "mission-poc" });
    const former = await create("MLI", "mli-former");
    await deactivateContact(contacts)(former.value.id, former.version, audit);
    expect(follower.value).toMatchObject({ language: "fr" });
    expect(follower.value.ownLanguage).toBeUndefined();
    expect(ownFrench.value).toMatchObject({ language: "fr", ownLanguage: true });

    const state = await call({ path: "/states/MLI" });
    const patched = await call({
      method: "PATCH",
      path: "/states/MLI",
      ifMatch: state.etag,
      body: { language: "en" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ language: "en", languageBasis: "confirmed" });

    expect(await languageOf(follower.value.id)).toMatchObject({ language: "en" });
    expect(await languageOf(ownFrench.value.id)).toMatchObject({ language: "fr", ownLanguage: true });
    expect(await languageOf(ownArabic.value.id)).toMatchObject({ language: "ar" });
    // A deactivated contact is history: left as it was.
    expect(await languageOf(former.value.id)).toMatchObject({ language: "fr", active: false });

    const [entry, ...more] = (await auditOf(`contact#${follower.value.id}`)).filter(
      (item) => item.action === "contact.language-of-record",
    );
    expect(more).toEqual([]);
    const [stateEntry] = (await auditOf("state#MLI")).filter((item) => item.action === "state.update");
    expect(entry).toMatchObject({ before: { language: "fr" }, after: { language: "en" } });
    // One request, one transaction: both entries carry its correlation id.
    expect(entry?.correlationId).toBeTruthy();
    expect(entry?.correlationId).toBe(stateEntry?.correlationId);
    for (const id of [ownFrench.value.id, ownArabic.value.id]) {
      expect((await auditOf(`contact#${id}`)).map((item) => item.action)).toEqual(["contact.create"]);
    }
  });

  it("lets a contact set its own language, and follow the State again with language null", async () => {
    const contact = await create("BFA", "bfa-poc");
    const own = await changeContact(contacts)(contact.value.id, contact.version, { language: "es" }, audit);
    expect(own.value).toMatchObject({ language: "es", ownLanguage: true });
    const again = await call({
      method: "PATCH",
      path: `/contacts/${contact.value.id}`,
      ifMatch: `"${own.version}"`,
      body: { language: null },
    });
    expect(again.status).toBe(200);
    expect(again.body.language).toBe("fr");
    expect(again.body.ownLanguage).toBeUndefined();
    const state = await call({ path: "/states/BFA" });
    await call({ method: "PATCH", path: "/states/BFA", ifMatch: state.etag, body: { language: "en" } });
    expect(await languageOf(contact.value.id)).toMatchObject({ language: "en" });
  });

  it("refuses the whole change when a contact changed meanwhile, changing nothing", async () => {
    const contact = await create("SEN", "sen-poc");
    const registry = registryRepository(setup.doc, setup.tableNames, clock);
    // Another writer changes the contact between the cascade's read and the transaction.
    const racing: LanguageFollowers = {
      async languageCascadeWrites(...args) {
        const writes = await contacts.contacts.languageCascadeWrites(...args);
        await changeContact(contacts)(contact.value.id, contact.version, { title: "Director" }, audit);
        return writes;
      },
    };
    const before = await registry.getState("SEN");
    await expect(changeState(registry, racing)("SEN", before?.version ?? 0, { language: "en" }, audit)).rejects.toThrow(
      Conflict,
    );
    expect((await registry.getState("SEN"))?.value.language).toBe(before?.value.language);
    expect(await languageOf(contact.value.id)).toMatchObject({ language: "fr", title: "Director" });
  });
});
