// The write routes answering a correction that changes nothing (a form sent twice) against DynamoDB Local, through the
// router: 200 with the record as GET reads it, its ETag at the same version, and no audit entry written.
import { Logger } from "@aws-lambda-powertools/logger";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { lazyRoutes } from "#shared/http/route.ts";
import { createRouter } from "#shared/http/router.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { recordsRoutes } from "../../functions/api/records.ts";
import { templatesModules } from "../../functions/api/templates.ts";
import { routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T10:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let call: ReturnType<typeof routerCaller>;

/** Every entry of the audit table: a no-op adds none, on any trail. */
async function auditEntries(): Promise<number> {
  const result = await setup.doc.send(new ScanCommand({ TableName: setup.tableNames.audit, Select: "COUNT" }));
  return result.Count ?? 0;
}

/** PATCHes `body` at the ETag read from `path`, then sends it again: the second answers as GET reads it, unchanged. */
async function sentTwice(path: string, body: unknown) {
  const first = await call({ method: "PATCH", path, ifMatch: String((await call({ path })).etag), body });
  expect(first.status).toBe(200);
  const entries = await auditEntries();
  clock.advance(60_000);
  const again = await call({ method: "PATCH", path, ifMatch: String(first.etag), body });
  expect(again).toMatchObject({ status: 200, etag: first.etag, body: first.body });
  expect(await call({ path })).toMatchObject({ etag: first.etag, body: first.body });
  expect(await auditEntries()).toBe(entries);
  return again;
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  const deps = { ...setup, clock };
  const routes = [...recordsRoutes(deps), ...lazyRoutes(templatesModules, deps)];
  call = routerCaller(createRouter(routes, new Logger({ logLevel: "SILENT" })), "secretariat");
}, 120_000);

describe("a write that changes nothing, sent twice", () => {
  it("PATCH /states/{iso3}: the language confirmed already", async () => {
    const again = await sentTwice("/states/MLI", { language: "fr" });
    expect(again).toMatchObject({ etag: '"2"', body: { language: "fr", languageBasis: "confirmed" } });
  });

  it("PATCH /states/{iso3}/submissions/{id}: the same date, symbol, language and note", async () => {
    const recorded = await call({
      method: "POST",
      path: "/states/NER/submissions",
      body: { kind: "first-report", symbol: "S/AC.44/2026/7", receivedOn: "2026-05-04", language: "fr" },
    });
    expect(recorded.status).toBe(201);
    const again = await sentTwice(`/states/NER/submissions/${recorded.body.id}`, { note: "Received by e-mail" });
    expect(again).toMatchObject({ etag: '"2"', body: { note: "Received by e-mail" } });
  });

  it("PATCH /templates/{id}: the same description and variant", async () => {
    const variant = { subject: "First report: {{state.name}}", text: "Dear {{contact.name}}", html: "<p>Dear</p>" };
    const created = await call({
      method: "POST",
      path: "/templates",
      body: { id: "noop-2027", kind: "other", fallbackLanguage: "en", variants: { en: variant } },
    });
    expect(created.status).toBe(201);
    const again = await sentTwice("/templates/noop-2027", { description: "Sent twice", variants: { en: variant } });
    expect(again).toMatchObject({ etag: '"2"', body: { description: "Sent twice" } });
  });

  it("PATCH /states/{iso3}/matrix: the same cells", async () => {
    const cells = [{ fieldId: "op1.npt", value: "X", source: { document: "S/AC.44/2004/(02)/51" } }];
    const again = await sentTwice("/states/NER/matrix", { cells });
    expect(again).toMatchObject({ etag: '"1"', body: { draft: { version: 1, cells: { "op1.npt": { value: "X" } } } } });
  });
});
