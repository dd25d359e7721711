import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
let handler: ReturnType<typeof createApiHandler>;

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode, headers, body: JSON.parse(result.body || "null") };
}

const json = { "content-type": "application/json" };
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => {
  // Each write a second after the last, so the trail's order is the order of the writes.
  clock.advance(1000);
  return call({
    method: "POST",
    path,
    group: "secretariat",
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });
};
/** PATCH a recorded submission's date, at the ETag it was recorded with. */
const redate = (
  iso3: string,
  recorded: { body: { id: string }; headers: Record<string, string> },
  receivedOn: string,
) => {
  clock.advance(1000);
  return call({
    method: "PATCH",
    path: `/states/${iso3}/submissions/${recorded.body.id}`,
    group: "secretariat",
    headers: { ...json, "if-match": recorded.headers.etag ?? "" },
    body: JSON.stringify({ receivedOn }),
  });
};
const record = (iso3: string, kind: string, symbol: string, receivedOn = "2026-11-20") =>
  post(`/states/${iso3}/submissions`, { kind, receivedOn, symbol, language: "fr" });
const obligation = async (iso3: string, kind: string) => {
  const response = await call({ path: `/states/${iso3}/obligations`, group: "members" });
  return response.body.items.find((item: { kind: string }) => item.kind === kind);
};
const state = async (iso3: string) => (await call({ path: `/states/${iso3}`, group: "members" })).body;
const trail = async (iso3: string) =>
  (await call({ path: `/states/${iso3}/audit`, group: "secretariat" })).body.items as {
    action: string;
    reason?: string;
  }[];

/** The status index, every page. */
async function nonReportingCodes(): Promise<string[]> {
  const codes: string[] = [];
  let cursor = "";
  do {
    const response = await call({
      path: "/states",
      query: `status=non-reporting&limit=100${cursor}`,
      group: "members",
    });
    codes.push(...response.body.items.map((item: { iso3: string }) => item.iso3));
    cursor = response.body.cursor ? `&cursor=${encodeURIComponent(response.body.cursor)}` : "";
  } while (cursor);
  return codes;
}

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  handler = createApiHandler({ ...setup, clock, logger: new Logger({ logLevel: "SILENT" }) });
}, 120_000);

describe("voiding a submission", () => {
  it("undoes an action plan recorded for a non-reporting State, as if never recorded", async () => {
    const before = await obligation("GIN", "action-plan");
    const recorded = await record("GIN", "action-plan", "S/AC.44/2026/GIN/1");
    expect(recorded.status).toBe(201);
    expect((await obligation("GIN", "action-plan")).status).toBe("fulfilled");

    const voided = await post(
      `/states/GIN/submissions/${recorded.body.id}/void`,
      { reason: "recorded for the wrong State" },
      { "if-match": recorded.headers.etag ?? "" },
    );
    expect(voided.status).toBe(200);
    expect(voided.body.voided).toMatchObject({ reason: "recorded for the wrong State", by: "user-1" });
    // As it was, written twice since (the record and the void).
    expect(await obligation("GIN", "action-plan")).toEqual({ ...before, revision: before.revision + 2 });
    expect((await state("GIN")).reportingStatus).toBe("non-reporting");
    const list = await call({ path: "/states/GIN/submissions", group: "members" });
    expect(list.body.items).toEqual([]);
    const [latest] = await trail("GIN");
    expect(latest).toMatchObject({ action: "submission.void", reason: "recorded for the wrong State" });
  });

  it("refuses to void a voided submission with 409 and changes nothing", async () => {
    const recorded = await record("GMB", "action-plan", "S/AC.44/2026/GMB/1");
    const first = await post(
      `/states/GMB/submissions/${recorded.body.id}/void`,
      { reason: "duplicate entry" },
      { "if-match": recorded.headers.etag ?? "" },
    );
    expect(first.status).toBe(200);
    const entries = (await trail("GMB")).length;
    const second = await post(
      `/states/GMB/submissions/${recorded.body.id}/void`,
      { reason: "again" },
      { "if-match": first.headers.etag ?? "" },
    );
    expect(second.status).toBe(409);
    expect(second.headers["content-type"]).toContain("application/problem+json");
    expect(second.body.detail).toContain("voided");
    expect((await trail("GMB")).length).toBe(entries);
    expect((await call({ path: `/states/GMB/submissions/${recorded.body.id}`, group: "members" })).body).toEqual(
      first.body,
    );
  });

  it("makes a State non-reporting again when its only first report is voided, and frees the symbol", async () => {
    const recorded = await record("MLI", "first-report", "S/AC.44/2026/MLI/1");
    expect((await state("MLI")).reportingStatus).toBe("reported");
    const voided = await post(
      `/states/MLI/submissions/${recorded.body.id}/void`,
      { reason: "the document was Mauritania's" },
      { "if-match": recorded.headers.etag ?? "" },
    );
    expect(voided.status).toBe(200);
    const mali = await state("MLI");
    expect(mali.reportingStatus).toBe("non-reporting");
    expect(mali.firstReportOn).toBeUndefined();
    expect(await obligation("MLI", "first-report")).toMatchObject({ status: "outstanding", submissions: 0 });
    expect(await obligation("MLI", "first-report")).not.toHaveProperty("firstReceivedOn");
    expect(await nonReportingCodes()).toContain("MLI");
    const actions = (await trail("MLI")).map((entry) => entry.action);
    expect(actions.slice(0, 2).sort()).toEqual(["state.reporting-status", "submission.void"]);
    // The symbol is free for the right State, and a new first report is accepted.
    expect((await record("MRT", "first-report", "S/AC.44/2026/MLI/1")).status).toBe(201);
    expect((await record("MLI", "first-report", "S/AC.44/2026/MLI/2")).status).toBe(201);
  });

  it("needs a reason (422) and the current ETag (412), and changes nothing otherwise", async () => {
    const recorded = await record("SOM", "action-plan", "S/AC.44/2026/SOM/1");
    const path = `/states/SOM/submissions/${recorded.body.id}/void`;
    const noReason = await post(path, {}, { "if-match": recorded.headers.etag ?? "" });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].path).toBe("body.reason");
    const stale = await post(path, { reason: "wrong" }, { "if-match": '"99"' });
    expect(stale.status).toBe(412);
    expect((await obligation("SOM", "action-plan")).status).toBe("fulfilled");
  });
});

describe("recording additional information", () => {
  it("refuses it with 409 from a State that has not reported, naming the missing first report, and keeps nothing", async () => {
    const before = await obligation("SWZ", "additional-information");
    const refused = await record("SWZ", "additional-information", "S/AC.44/2026/SWZ/9", "2026-11-02");
    expect(refused.status).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.body.detail).toContain("SWZ has not submitted its first report");
    expect(await obligation("SWZ", "additional-information")).toEqual(before);
    expect((await state("SWZ")).reportingStatus).toBe("non-reporting");
  });
});

describe("keeping additional information after the first report", () => {
  it("refuses with 409 a date correction that moves additional information before the first report", async () => {
    await record("NER", "first-report", "S/AC.44/2026/NER/1", "2026-11-10");
    const information = await record("NER", "additional-information", "S/AC.44/2026/NER/2", "2026-11-20");
    const before = await obligation("NER", "additional-information");
    const refused = await redate("NER", information, "2026-11-09");
    expect(refused.status).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.body.detail).toContain("cannot precede its first report, received on 2026-11-10");
    expect(await obligation("NER", "additional-information")).toEqual(before);
    const same = await redate("NER", information, "2026-11-10");
    expect(same.status).toBe(200);
  });

  it("refuses with 409 a date correction that moves the first report after additional information", async () => {
    const report = await record("BFA", "first-report", "S/AC.44/2026/BFA/1", "2026-11-10");
    await record("BFA", "additional-information", "S/AC.44/2026/BFA/2", "2026-11-12");
    const refused = await redate("BFA", report, "2026-11-13");
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(
      "received on 2026-11-12 cannot precede its first report, received on 2026-11-13",
    );
    expect((await state("BFA")).firstReportOn).toBe("2026-11-10");
    expect(await obligation("BFA", "first-report")).toMatchObject({ firstReceivedOn: "2026-11-10" });
    const earlier = await redate("BFA", report, "2026-11-12");
    expect(earlier.status).toBe(200);
  });

  it("refuses with 409 to void the only first report while additional information counts, naming it", async () => {
    const report = await record("CAF", "first-report", "S/AC.44/2026/CAF/1", "2026-11-10");
    const information = await record("CAF", "additional-information", "S/AC.44/2026/CAF/2", "2026-11-12");
    const entries = (await trail("CAF")).length;
    const refused = await post(
      `/states/CAF/submissions/${report.body.id}/void`,
      { reason: "recorded in error" },
      { "if-match": report.headers.etag ?? "" },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("S/AC.44/2026/CAF/2");
    expect((await state("CAF")).reportingStatus).toBe("reported");
    expect((await trail("CAF")).length).toBe(entries);
    // The additional information voided first, the first report can go.
    const voided = await post(
      `/states/CAF/submissions/${information.body.id}/void`,
      { reason: "recorded in error" },
      { "if-match": information.headers.etag ?? "" },
    );
    expect(voided.status).toBe(200);
    const then = await post(
      `/states/CAF/submissions/${report.body.id}/void`,
      { reason: "recorded in error" },
      { "if-match": report.headers.etag ?? "" },
    );
    expect(then.status).toBe(200);
    expect((await state("CAF")).reportingStatus).toBe("non-reporting");
  });

  it("refuses with 409 to correct the kind of the only first report while additional information counts", async () => {
    const report = await record("SSD", "first-report", "S/AC.44/2026/SSD/1", "2026-11-10");
    await record("SSD", "additional-information", "S/AC.44/2026/SSD/2", "2026-11-12");
    const refused = await post(
      `/states/SSD/submissions/${report.body.id}/kind`,
      { kind: "action-plan", reason: "on second reading, an action plan" },
      { "if-match": report.headers.etag ?? "" },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("S/AC.44/2026/SSD/2");
    expect((await state("SSD")).reportingStatus).toBe("reported");
  });
});

describe("correcting a submission's kind", () => {
  it("moves a first report recorded as an action plan: both obligations and the status follow", async () => {
    const recorded = await record("TCD", "action-plan", "S/AC.44/2026/TCD/1");
    const corrected = await post(
      `/states/TCD/submissions/${recorded.body.id}/kind`,
      { kind: "first-report", reason: "the covering letter says it is the first national report" },
      { "if-match": recorded.headers.etag ?? "" },
    );
    expect(corrected.status).toBe(200);
    expect(corrected.body.kind).toBe("first-report");
    expect((await state("TCD")).reportingStatus).toBe("reported");
    expect(await obligation("TCD", "first-report")).toMatchObject({
      status: "fulfilled",
      submissions: 1,
      firstReceivedOn: "2026-11-20",
    });
    expect(await obligation("TCD", "action-plan")).toMatchObject({
      status: "not-applicable",
      submissions: 0,
    });
    const [latest] = (await trail("TCD")).filter((entry) => entry.action.startsWith("submission."));
    expect(latest).toMatchObject({ action: "submission.correct-kind" });

    // Additional information follows a first report: not where it would leave none.
    const information = await post(
      `/states/TCD/submissions/${recorded.body.id}/kind`,
      { kind: "additional-information", reason: "on second reading, additional information" },
      { "if-match": corrected.headers.etag ?? "" },
    );
    expect(information.status).toBe(409);
    expect(information.body.detail).toContain("TCD has not submitted its first report");
    const back = await post(
      `/states/TCD/submissions/${recorded.body.id}/kind`,
      { kind: "action-plan", reason: "on second reading, an action plan" },
      { "if-match": corrected.headers.etag ?? "" },
    );
    expect(back.status).toBe(200);
    expect((await state("TCD")).reportingStatus).toBe("non-reporting");
  });

  it("refuses a second first report (409) and the same kind (422)", async () => {
    const first = await record("PRK", "first-report", "S/AC.44/2026/PRK/1");
    const other = await record("PRK", "additional-information", "S/AC.44/2026/PRK/2");
    const second = await post(
      `/states/PRK/submissions/${other.body.id}/kind`,
      { kind: "first-report", reason: "mistaken" },
      { "if-match": other.headers.etag ?? "" },
    );
    expect(second.status).toBe(409);
    const same = await post(
      `/states/PRK/submissions/${first.body.id}/kind`,
      { kind: "first-report", reason: "mistaken" },
      { "if-match": first.headers.etag ?? "" },
    );
    expect(same.status).toBe(422);
    expect(await obligation("PRK", "additional-information")).toMatchObject({ status: "fulfilled", submissions: 1 });
  });
});
