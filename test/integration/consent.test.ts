// Recording a State's consent to circulation after its assistance request was recorded, against DynamoDB Local.
import { Logger } from "@aws-lambda-powertools/logger";
import { beforeAll, describe, expect, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { dossierDependencies } from "#shared/dossier/dossier.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { assistanceRoutes } from "../../functions/api/routes/assistance.ts";
import { dossierRoutes } from "../../functions/api/routes/dossier.ts";
import { type RouterCall, routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

// Thursday 5 March 2026: the consent window opened today closes on Thursday 12 March.
const clock = fixedClock("2026-03-05T15:00:00Z");
let call: (options: RouterCall) => ReturnType<ReturnType<typeof routerCaller>>;
let symbols = 0;

async function acknowledgedRequest(iso3: string) {
  symbols++;
  const created = await call({
    method: "POST",
    path: "/assistance/requests",
    body: {
      iso3,
      areas: ["legislation"],
      description: "Export control legislation",
      receivedOn: "2026-03-02",
      symbol: `S/AC.44/2026/CONSENT/${symbols}`,
      consentedToCirculation: false,
    },
  });
  expect(created.status).toBe(201);
  const id = String(created.body.id);
  const acknowledged = await move(id, String(created.etag), "acknowledged");
  const window = await move(id, String(acknowledged.etag), "consent-window");
  expect(window.status).toBe(200);
  return { id, etag: String(window.etag) };
}

const move = (id: string, ifMatch: string, to: string) =>
  call({ method: "POST", path: `/assistance/requests/${id}/transitions`, ifMatch, body: { to } });
const consent = (id: string, ifMatch: string, body: Record<string, unknown>) =>
  call({ method: "POST", path: `/assistance/requests/${id}/consent`, ifMatch, body });

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  const registry = registryRepository(setup.doc, setup.tableNames, clock);
  const router = createRouter(
    [
      ...assistanceRoutes({
        assistance: assistanceRepository(setup.doc, setup.tableNames, clock),
        registry,
        organizations: organizationRepository(setup.doc, setup.tableNames, clock),
        reporting: reportingRepository(setup.doc, setup.tableNames, clock),
        holidays: dynamoHolidayStore(setup.doc, setup.tableNames, clock),
        clock,
      }),
      ...dossierRoutes(dossierDependencies(setup.doc, setup.tableNames, clock)),
    ],
    new Logger({ logLevel: "SILENT" }),
  );
  call = routerCaller(router, "experts");
}, 120_000);

describe("consent to circulation recorded later", () => {
  it("lets a request inside its consent window be circulated at once, audited with how the consent came", async () => {
    const { id, etag } = await acknowledgedRequest("KEN");
    const early = await move(id, etag, "circulated");
    expect(early.status).toBe(409);

    const recorded = await consent(id, etag, { reason: "Note Verbale of 4 March 2026 consents to circulation" });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      consentedToCirculation: true,
      consentedOn: "2026-03-05",
      status: "consent-window",
      // Who recorded it, for anyone who reads the request (experts cannot read the audit trail).
      consentRecorded: { at: clock.now().toISOString(), by: { kind: "user", groups: ["experts"] } },
    });

    const circulated = await move(id, String(recorded.etag), "circulated");
    expect(circulated.status).toBe(200);

    const timeline = await call({ path: "/states/KEN/timeline", query: "kinds=assistance", group: "members" });
    expect(timeline.status).toBe(200);
    const actions = timeline.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toContain("assistance.request.consent");
    const entry = timeline.body.items.find((item: { action: string }) => item.action === "assistance.request.consent");
    expect(entry).toMatchObject({
      kind: "assistance",
      source: { type: "assistance-request", id },
      reason: "Note Verbale of 4 March 2026 consents to circulation",
      actor: { kind: "user", id: "user-1" },
    });
  });

  it("refuses consent after circulation with 409 and changes nothing", async () => {
    const { id, etag } = await acknowledgedRequest("GHA");
    const recorded = await consent(id, etag, { reason: "given by telephone, confirmed in writing" });
    const circulated = await move(id, String(recorded.etag), "circulated");
    expect(circulated.status).toBe(200);
    const before = await call({ path: `/assistance/requests/${id}` });

    const late = await consent(id, String(circulated.etag), { reason: "again" });
    expect(late.status).toBe(409);
    expect(late.headers["content-type"]).toContain("application/problem+json");
    expect(String(late.body.detail)).toMatch(/already has the State's consent|only before circulation/);
    const after = await call({ path: `/assistance/requests/${id}` });
    expect(after.body).toEqual(before.body);
    expect(after.etag).toBe(before.etag);
  });

  it("refuses consent on a circulated request that never had it (409), and a consent without a reason (422)", async () => {
    symbols++;
    const created = await call({
      method: "POST",
      path: "/assistance/requests",
      body: {
        iso3: "SEN",
        areas: ["legislation"],
        description: "Model legislation",
        receivedOn: "2026-02-02",
        symbol: `S/AC.44/2026/CONSENT/${symbols}`,
        consentedToCirculation: false,
      },
    });
    const id = String(created.body.id);
    clock.set("2026-02-03T15:00:00Z");
    const acknowledged = await move(id, String(created.etag), "acknowledged");
    const window = await move(id, String(acknowledged.etag), "consent-window");
    clock.set("2026-03-05T15:00:00Z");
    const circulated = await move(id, String(window.etag), "circulated");
    expect(circulated.status).toBe(200);

    const noReason = await consent(id, String(circulated.etag), {});
    expect(noReason.status).toBe(422);
    const late = await consent(id, String(circulated.etag), { reason: "the State wrote after circulation" });
    expect(late.status).toBe(409);
    expect(String(late.body.detail)).toContain("only before circulation");
    expect((await call({ path: `/assistance/requests/${id}` })).body.consentedToCirculation).toBe(false);
  });
});
