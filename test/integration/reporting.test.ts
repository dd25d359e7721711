import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let handler: ReturnType<typeof createApiHandler>;

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode, headers, body: JSON.parse(result.body || "null") };
}

const json = { "content-type": "application/json" };
const record = (iso3: string, body: Record<string, unknown>, group: EventOptions["group"] = "experts") =>
  call({ method: "POST", path: `/states/${iso3}/submissions`, group, headers: json, body: JSON.stringify(body) });
const firstReport = (symbol: string, receivedOn = "2026-11-20") => ({
  kind: "first-report",
  receivedOn,
  symbol,
  language: "fr",
});

type Listed = { iso3: string; region: string; reportingStatus: string; languageBasis: string };

/** Every State the listing gives for `query`, following its cursor. */
async function allStates(query = ""): Promise<Listed[]> {
  const states: Listed[] = [];
  let cursor = "";
  do {
    const response = await call({ path: "/states", query: `${query}&limit=100${cursor}`, group: "members" });
    expect(response.status).toBe(200);
    states.push(...response.body.items);
    cursor = response.body.cursor ? `&cursor=${encodeURIComponent(response.body.cursor)}` : "";
  } while (cursor);
  return states;
}

async function allCodes(query: string): Promise<string[]> {
  return (await allStates(query)).map((state) => state.iso3);
}

async function auditCount(iso3: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `state#${iso3}` },
    }),
  );
  return result.Items?.filter((entry) => entry.actor.kind === "user").length ?? 0;
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedDemoSubmissions(setup.doc, setup.tableNames, clock);
  handler = createApiHandler({ ...setup, clock, logger: new Logger({ logLevel: "SILENT" }) });
}, 120_000);

describe("the published reporting status, seeded", () => {
  it("lists exactly the eight non-reporting States through the status index", async () => {
    expect((await allCodes("status=non-reporting")).sort()).toEqual(
      ["GIN", "GMB", "MLI", "MRT", "PRK", "SOM", "SWZ", "TCD"].sort(),
    );
    expect(await allCodes("status=reported")).toHaveLength(185);
  });

  it("matches the published counts of additional information and action plans", async () => {
    expect(await allCodes("hasActionPlan=true")).toHaveLength(39);
    expect(await allCodes("hasActionPlan=false")).toHaveLength(154);
    const reporting = reportingRepository(setup.doc, setup.tableNames, clock);
    const withInfo = await reporting.statesWithObligation("additional-information", "fulfilled", { limit: 100 });
    const more = withInfo.cursor
      ? await reporting.statesWithObligation("additional-information", "fulfilled", {
          limit: 100,
          cursor: withInfo.cursor,
        })
      : { items: [] };
    expect(withInfo.items.length + more.items.length).toBe(124);
    const plans = await Promise.all(
      (await allCodes("hasActionPlan=true")).map(async (iso3) => {
        const obligations = await reporting.obligations(iso3);
        return obligations.find((obligation) => obligation.kind === "action-plan")?.submissions ?? 0;
      }),
    );
    expect(plans.reduce((a, b) => a + b, 0)).toBe(48);
  });

  it("marks every seeded submission as demonstration data", async () => {
    const response = await call({ path: "/states/FRA/submissions", group: "members" });
    expect(response.body.items.length).toBeGreaterThan(0);
    for (const submission of response.body.items) expect(submission).toMatchObject({ demo: true });
  });

  it("seeds nothing twice", async () => {
    expect(await seedDemoSubmissions(setup.doc, setup.tableNames, clock)).toEqual({ recorded: 0 });
  });

  it("leaves a demonstration submission staff voided or re-kinded as they left it on the next seed", async () => {
    const firstReportOf = async (iso3: string) => {
      const listed = await call({ path: `/states/${iso3}/submissions`, group: "members" });
      return listed.body.items.find((submission: { kind: string }) => submission.kind === "first-report");
    };
    const change = async (iso3: string, id: string, action: "void" | "kind", body: Record<string, unknown>) => {
      const read = await call({ path: `/states/${iso3}/submissions/${id}`, group: "experts" });
      const changed = await call({
        method: "POST",
        path: `/states/${iso3}/submissions/${id}/${action}`,
        group: "experts",
        headers: { ...json, "if-match": read.headers.etag ?? "" },
        body: JSON.stringify(body),
      });
      expect(changed.body).toMatchObject({ id });
    };
    // Canada's first report voided; Germany's recorded as an action plan (its symbol still held). Neither has
    // additional information, which would keep its first report.
    const canada = await firstReportOf("CAN");
    const germany = await firstReportOf("DEU");
    await change("CAN", canada.id, "void", { reason: "demonstration entry not wanted" });
    await change("DEU", germany.id, "kind", { kind: "action-plan", reason: "misfiled" });
    const before = await allStates();

    expect(await seedDemoSubmissions(setup.doc, setup.tableNames, clock)).toEqual({ recorded: 0 });
    expect(await firstReportOf("CAN")).toBeUndefined();
    expect(await firstReportOf("DEU")).toBeUndefined();
    expect(await allStates()).toEqual(before);
    for (const iso3 of ["CAN", "DEU"]) {
      expect(before.find((state) => state.iso3 === iso3)?.reportingStatus).toBe("non-reporting");
    }
  });

  it("lists the 76 States whose language of letters is a best guess, alone or within a region, by filtering the query", async () => {
    const all = await allStates();
    const inferred = all.filter((state) => state.languageBasis === "inferred").map((state) => state.iso3);
    expect(inferred).toHaveLength(76);
    expect(await allCodes("languageBasis=inferred")).toEqual(inferred);
    expect(await allCodes("languageBasis=inferred&region=african")).toEqual(
      all.filter((state) => state.languageBasis === "inferred" && state.region === "african").map((s) => s.iso3),
    );
    const unknown = await call({ path: "/states", query: "languageBasis=guessed", group: "members" });
    expect(unknown.status).toBe(400);
  });

  it("combines status with region by filtering that index query", async () => {
    expect((await allCodes("status=non-reporting&region=african")).sort()).toEqual(
      ["GIN", "GMB", "MLI", "MRT", "SOM", "SWZ", "TCD"].sort(),
    );
  });

  it("combines the action plan with region, status and language basis, narrowing each page of the plan index", async () => {
    const all = await allStates();
    const planned = new Set(await allCodes("hasActionPlan=true"));
    const expected = (hasPlan: boolean, keep: (state: Listed) => boolean) =>
      all.filter((state) => planned.has(state.iso3) === hasPlan && keep(state)).map((state) => state.iso3);
    const weog = await allCodes("hasActionPlan=true&region=weog");
    expect(weog.length).toBeGreaterThan(0);
    expect(weog).toEqual(expected(true, (state) => state.region === "weog"));
    expect(await allCodes("hasActionPlan=false&region=african&status=non-reporting")).toEqual(
      expected(false, (state) => state.region === "african" && state.reportingStatus === "non-reporting"),
    );
    const guessesWithoutPlan = await allCodes("hasActionPlan=false&languageBasis=inferred");
    expect(guessesWithoutPlan.length).toBeGreaterThan(0);
    expect(guessesWithoutPlan).toEqual(expected(false, (state) => state.languageBasis === "inferred"));
  });

  it("binds a narrowed action plan listing's cursor to its narrowing", async () => {
    const narrowed = await call({
      path: "/states",
      query: "hasActionPlan=false&region=grulac&limit=20",
      group: "members",
    });
    expect(narrowed.status).toBe(200);
    // A page of 20 from the plan index, narrowed to the region: fewer than 20, with a cursor to follow.
    expect(narrowed.body.items.length).toBeLessThan(20);
    expect(narrowed.body.cursor).toBeDefined();
    const cursor = encodeURIComponent(narrowed.body.cursor);
    const elsewhere = await call({
      path: "/states",
      query: `hasActionPlan=false&limit=20&cursor=${cursor}`,
      group: "members",
    });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(elsewhere.body)).toContain("cursor");
    const followed = await call({
      path: "/states",
      query: `hasActionPlan=false&region=grulac&limit=20&cursor=${cursor}`,
      group: "members",
    });
    expect(followed.status).toBe(200);
  });
});

describe("recording submissions", () => {
  it("records a first report: the State becomes reported with its obligation, in one audited transaction", async () => {
    const before = await call({ path: "/states/TCD", group: "members" });
    expect(before.body.reportingStatus).toBe("non-reporting");
    const created = await record("TCD", firstReport("S/AC.44/2026/1"));
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/states/TCD/submissions/${created.body.id}`);
    const after = await call({ path: "/states/TCD", group: "members" });
    expect(after.body).toMatchObject({ reportingStatus: "reported", firstReportOn: "2026-11-20" });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const obligations = await call({ path: "/states/TCD/obligations", group: "members" });
    expect(obligations.body.items.find((o: { kind: string }) => o.kind === "first-report")).toMatchObject({
      status: "fulfilled",
      submissions: 1,
      mandatory: true,
    });
    expect(await allCodes("status=non-reporting")).not.toContain("TCD");
    // The submission's entry and the reporting-status change's.
    expect(await auditCount("TCD")).toBe(2);
  });

  it("refuses a second first report with 409 and changes nothing", async () => {
    const second = await record("TCD", firstReport("S/AC.44/2026/2"));
    expect(second.status).toBe(409);
    expect((await call({ path: "/states/TCD/submissions", group: "members" })).body.items).toHaveLength(1);
    expect(await auditCount("TCD")).toBe(2);
  });

  it("leaves neither submission, status change nor audit entry when the transaction fails midway", async () => {
    // The symbol is already taken by TCD's report: the symbol guard fails after the submission put.
    const refused = await record("GMB", firstReport("s/ac.44/2026/1"));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("already recorded");
    expect((await call({ path: "/states/GMB", group: "members" })).body.reportingStatus).toBe("non-reporting");
    expect((await call({ path: "/states/GMB/submissions", group: "members" })).body.items).toHaveLength(0);
    expect(await auditCount("GMB")).toBe(0);
  });

  it("lets only one of two simultaneous first reports through", async () => {
    const results = await Promise.all([
      record("GIN", firstReport("S/AC.44/2026/3")),
      record("GIN", firstReport("S/AC.44/2026/4")),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect((await call({ path: "/states/GIN/submissions", group: "members" })).body.items).toHaveLength(1);
  });

  it("refuses impossible dates with 422 naming the field", async () => {
    const future = await record("MLI", firstReport("S/AC.44/2026/5", "2026-11-28"));
    expect(future).toMatchObject({ status: 422, body: { errors: [{ path: "body.receivedOn" }] } });
    const early = await record("MLI", firstReport("S/AC.44/2026/5", "2004-04-27"));
    expect(early.body.errors[0].message).toContain("2004-04-28");
    const shape = await record("MLI", { kind: "first-report", receivedOn: "27/04/2024", symbol: "", language: "de" });
    expect(shape.status).toBe(422);
    expect([...new Set(shape.body.errors.map((issue: { path: string }) => issue.path))].sort()).toEqual(
      ["body.language", "body.receivedOn", "body.symbol"].sort(),
    );
    expect((await call({ path: "/states/MLI/submissions", group: "members" })).body.items).toHaveLength(0);
  });

  it("refuses a write by members with 403 and writes nothing", async () => {
    const refused = await record("MRT", firstReport("S/AC.44/2026/6"), "members");
    expect(refused.status).toBe(403);
    expect((await call({ path: "/states/MRT", group: "members" })).body.reportingStatus).toBe("non-reporting");
  });
});

describe("correcting submissions", () => {
  it("corrects with If-Match, moves the State's first-report date, and refuses the stale ETag with no lost update", async () => {
    const list = await call({ path: "/states/TCD/submissions", group: "members" });
    const id = list.body.items[0].id;
    const read = await call({ path: `/states/TCD/submissions/${id}`, group: "members" });
    const patch = (etag: string, body: Record<string, unknown>) =>
      call({
        method: "PATCH",
        path: `/states/TCD/submissions/${id}`,
        group: "secretariat",
        headers: { ...json, "if-match": etag },
        body: JSON.stringify(body),
      });
    const [a, b] = await Promise.all([
      patch(read.headers.etag as string, { receivedOn: "2026-11-02" }),
      patch(read.headers.etag as string, { note: "from the other writer" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? a : b;
    const current = await call({ path: `/states/TCD/submissions/${id}`, group: "members" });
    expect(current.headers.etag).toBe(winner.headers.etag);
    expect(current.body).toEqual(winner.body);

    const redated = await patch(current.headers.etag as string, {
      receivedOn: "2026-10-15",
      symbol: "S/AC.44/2026/1/Corr.1",
    });
    expect(redated.status).toBe(200);
    expect((await call({ path: "/states/TCD", group: "members" })).body.firstReportOn).toBe("2026-10-15");
    const obligations = await call({ path: "/states/TCD/obligations", group: "members" });
    expect(obligations.body.items[0]).toMatchObject({ firstReceivedOn: "2026-10-15", lastReceivedOn: "2026-10-15" });
    // The old symbol is free again; the new one is taken.
    expect((await record("SOM", firstReport("S/AC.44/2026/1/Corr.1"))).status).toBe(409);
    expect((await record("SOM", firstReport("S/AC.44/2026/1"))).status).toBe(201);
  });

  it("requires If-Match and answers 404 for an unknown submission", async () => {
    const missing = await call({
      method: "PATCH",
      path: "/states/TCD/submissions/01ARZ3NDEKTSV4RRFFQ69G5FAV",
      group: "secretariat",
      headers: { ...json, "if-match": '"1"' },
      body: JSON.stringify({ note: "x" }),
    });
    expect(missing.status).toBe(404);
    const noPrecondition = await call({
      method: "PATCH",
      path: "/states/TCD/submissions/01ARZ3NDEKTSV4RRFFQ69G5FAV",
      group: "secretariat",
      headers: json,
      body: JSON.stringify({ note: "x" }),
    });
    expect(noPrecondition.status).toBe(428);
  });
});
