// The 1540 Matrix against DynamoDB Local, through the router: versions, review moves, locking and the audit trail.
import { Logger } from "@aws-lambda-powertools/logger";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { Group } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Invalid, PreconditionFailed } from "#shared/errors.ts";
import { createRouter } from "#shared/http/router.ts";
import { matrixFields } from "#shared/matrix/field-catalogue.ts";
import { matrixRepository, versionKey } from "#shared/matrix/repository.ts";
import type { MatrixVersion } from "#shared/matrix/schemas.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { matrixRoutes } from "../../functions/api/routes/matrix.ts";
import { type RouterCall, routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;
let matrix: ReturnType<typeof matrixRepository>;

const report = { document: "S/AC.44/2004/(02)/51", article: "Art. 4" };
const npt = { fieldId: "op1.npt", value: "X", source: report };
const manufacture = { fieldId: "op2.nuclear.manufacture.legal-framework", value: "X", source: report };
const exportEnforcement = {
  fieldId: "op3cd.chemical.export-controls.enforcement",
  value: "?",
  source: { url: "https://example.org/law" },
};

const call = (options: RouterCall) => routerCaller(router, "experts")(options);

const read = (iso3: string) => call({ path: `/states/${iso3}/matrix`, group: "members" });
const edit = (iso3: string, ifMatch: string, cells: unknown[], group: Group = "experts") =>
  call({ method: "PATCH", path: `/states/${iso3}/matrix`, group, ifMatch, body: { cells } });
const move = (iso3: string, ifMatch: string, to: string, group: Group = "secretariat") =>
  call({ method: "POST", path: `/states/${iso3}/matrix/transitions`, group, ifMatch, body: { to } });
const movedOn = (iso3: string, ifMatch: unknown, to: string, on: string) =>
  call({ method: "POST", path: `/states/${iso3}/matrix/transitions`, ifMatch: String(ifMatch), body: { to, on } });

async function auditTrail(iso3: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `matrix#${iso3}` },
    }),
  );
  return result.Items ?? [];
}

async function storedVersion(iso3: string, version: number) {
  const result = await setup.doc.send(
    new GetCommand({ TableName: setup.tableNames.desk, Key: versionKey(iso3, version), ConsistentRead: true }),
  );
  return result.Item;
}

/** A State's matrix with one approved version holding npt and manufacture; returns the ETag after approval. */
async function approvedMatrix(iso3: string): Promise<string> {
  const first = await edit(iso3, '"0"', [npt, manufacture]);
  const shared = await move(iso3, String(first.etag), "shared-with-state");
  const approved = await move(iso3, String(shared.etag), "approved");
  expect(approved.status).toBe(200);
  return String(approved.etag);
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  matrix = matrixRepository(setup.doc, setup.tableNames, clock);
  router = createRouter(
    matrixRoutes({ matrix, registry: registryRepository(setup.doc, setup.tableNames, clock), clock }),
    new Logger({ logLevel: "SILENT" }),
  );
});

describe("matrix against DynamoDB Local", () => {
  it("has no version until the first edit, which starts draft 1 and records it in the audit trail", async () => {
    const empty = await read("FRA");
    expect(empty).toMatchObject({ status: 200, etag: '"0"', body: { iso3: "FRA", approved: null, draft: null } });

    clock.advance(60_000);
    const created = await edit("FRA", '"0"', [npt, manufacture, { fieldId: "op1.hcoc", value: "NA" }]);
    expect(created.status).toBe(200);
    expect(created.etag).toBe('"1"');
    expect(created.body.approved).toBeNull();
    expect(created.body.draft).toMatchObject({
      iso3: "FRA",
      version: 1,
      status: "draft",
      created: { at: clock.now().toISOString(), by: { id: "user-1", groups: ["experts"] } },
      cells: { "op1.npt": { value: "X", source: report }, "op1.hcoc": { value: "NA" } },
    });
    expect(created.body.coverage.draft.total).toEqual({ X: 2, "?": 0, NA: 1, blank: 269, fields: 272 });

    const again = await read("FRA");
    expect(again.etag).toBe('"1"');
    expect(again.body.draft.cells).toEqual(created.body.draft.cells);
    expect(await storedVersion("FRA", 1)).toMatchObject({ pk: "STATE#FRA", sk: "MATRIX#v0001", status: "draft" });

    const trail = await auditTrail("FRA");
    expect(trail.map((entry) => entry.action).sort()).toEqual(["matrix.cells.edit", "matrix.draft.create"]);
    const editEntry = trail.find((entry) => entry.action === "matrix.cells.edit");
    expect(editEntry).toMatchObject({
      route: "PATCH /states/{iso3}/matrix",
      actor: { id: "user-1" },
      before: { "op1.npt": null },
      after: { "op1.npt": { value: "X", source: report } },
    });
  });

  it("edits the draft in place, clears a cell with a blank, and writes nothing for a batch that changes nothing", async () => {
    const start = await edit("DEU", '"0"', [npt, manufacture]);
    const cleared = await edit("DEU", String(start.etag), [{ fieldId: "op1.npt", value: "" }, exportEnforcement]);
    expect(cleared).toMatchObject({ status: 200, etag: '"2"', body: { draft: { version: 1 } } });
    expect(Object.keys(cleared.body.draft.cells).sort()).toEqual(
      [exportEnforcement.fieldId, manufacture.fieldId].sort(),
    );
    const trailBefore = (await auditTrail("DEU")).length;

    const noop = await edit("DEU", '"2"', [manufacture, { fieldId: "op1.npt", value: "" }]);
    expect(noop).toMatchObject({ status: 200, etag: '"2"' });
    expect(await auditTrail("DEU")).toHaveLength(trailBefore);
  });

  it("moves draft -> shared-with-state -> approved, dating each step and naming who took it", async () => {
    const first = await edit("GHA", '"0"', [npt]);
    clock.advance(3_600_000);
    const shared = await move("GHA", String(first.etag), "shared-with-state", "secretariat");
    expect(shared).toMatchObject({ status: 200, etag: '"2"', body: { draft: { status: "shared-with-state" } } });
    expect(shared.body.draft.shared).toEqual({
      at: clock.now().toISOString(),
      by: expect.objectContaining({ id: "user-1" }),
      on: "2026-11-27",
    });
    clock.advance(86_400_000);
    const approved = await move("GHA", String(shared.etag), "approved", "experts");
    expect(approved.status).toBe(200);
    expect(approved.body.draft).toBeNull();
    expect(approved.body.approved).toMatchObject({
      version: 1,
      status: "approved",
      approved: { at: clock.now().toISOString(), by: { groups: ["experts"] } },
      history: [
        { from: "draft", to: "shared-with-state" },
        { from: "shared-with-state", to: "approved" },
      ],
    });
    expect(approved.body.coverage.approved.total.X).toBe(1);

    const versions = await call({ path: "/states/GHA/matrix/versions", group: "members" });
    expect(versions.status).toBe(200);
    expect(versions.body.items).toHaveLength(1);
    expect(versions.body.items[0]).toMatchObject({
      version: 1,
      status: "approved",
      approved: { by: { id: "user-1" } },
    });
    expect(versions.body.items[0]).not.toHaveProperty("cells");
    const transitions = (await auditTrail("GHA")).filter((entry) => entry.action === "matrix.transition");
    expect(transitions.map((entry) => entry.after.status).sort()).toEqual(["approved", "shared-with-state"]);
  });

  it("dates a move as given (the Date of Committee Approval), today in New York by default, and refuses an impossible day", async () => {
    clock.set("2026-11-28T02:00:00Z"); // 21:00 on Friday 27 November in New York, Saturday in UTC
    const first = await edit("SEN", '"0"', [npt]);
    // A first matrix has no earlier move: none of its moves precedes resolution 1540 (28 April 2004).
    const beforeTheResolution = await movedOn("SEN", first.etag, "shared-with-state", "1990-01-01");
    expect(beforeTheResolution.body.errors[0].message).toBe("is before resolution 1540 was adopted on 2004-04-28");
    const shared = await movedOn("SEN", first.etag, "shared-with-state", "2026-09-01");
    expect(shared.body.draft.shared).toMatchObject({ on: "2026-09-01", at: "2026-11-28T02:00:00.000Z" });
    const tomorrow = await movedOn("SEN", shared.etag, "approved", "2026-11-28");
    expect(tomorrow).toMatchObject({ status: 422, body: { errors: [{ path: "body.on" }] } });
    expect(tomorrow.body.errors[0].message).toContain("today is 2026-11-27");
    const early = await movedOn("SEN", shared.etag, "approved", "2026-08-31");
    expect(early.body.errors[0].message).toContain("before the previous step on 2026-09-01");
    const approved = await movedOn("SEN", shared.etag, "approved", "2026-09-15");
    expect(approved.body.approved).toMatchObject({
      approved: { on: "2026-09-15" },
      history: [{ on: "2026-09-01" }, { on: "2026-09-15" }],
    });
    const transitions = (await auditTrail("SEN")).filter((entry) => entry.action === "matrix.transition");
    expect(transitions.map((entry) => entry.after.on).sort()).toEqual(["2026-09-01", "2026-09-15"]);

    // Version 2 follows version 1's approval, and is dated today in New York when no day is given.
    const next = await edit("SEN", String(approved.etag), [manufacture]);
    const beforeApproval = await movedOn("SEN", next.etag, "shared-with-state", "2026-09-14");
    expect(beforeApproval.body.errors[0].message).toContain("before the previous step on 2026-09-15");
    const today = await move("SEN", String(next.etag), "shared-with-state");
    expect(today.body.draft.shared.on).toBe("2026-11-27");
  });

  it("never changes an approved version: a later edit starts version 2 from it", async () => {
    const etag = await approvedMatrix("KEN");
    const approvedBefore = await call({ path: "/states/KEN/matrix/versions/1", group: "members" });
    expect(approvedBefore.status).toBe(200);

    clock.advance(60_000);
    const next = await edit("KEN", etag, [{ fieldId: "op1.npt", value: "?", source: report }, exportEnforcement]);
    expect(next.status).toBe(200);
    expect(next.body.approved).toMatchObject({ version: 1, status: "approved" });
    expect(next.body.draft).toMatchObject({
      version: 2,
      status: "draft",
      basedOn: 1,
      cells: {
        "op1.npt": { value: "?", source: report },
        [manufacture.fieldId]: { value: "X", source: report },
        [exportEnforcement.fieldId]: exportEnforcement.source && { value: "?", source: exportEnforcement.source },
      },
    });

    const approvedAfter = await call({ path: "/states/KEN/matrix/versions/1", group: "members" });
    expect(approvedAfter.body).toEqual(approvedBefore.body);
    expect(approvedAfter.body.cells["op1.npt"]).toEqual({ value: "X", source: report });

    const diff = await call({ path: "/states/KEN/matrix/diff", query: "from=1&to=2", group: "members" });
    expect(diff.body).toEqual({
      iso3: "KEN",
      from: 1,
      to: 2,
      added: [{ fieldId: exportEnforcement.fieldId, after: { value: "?", source: exportEnforcement.source } }],
      removed: [],
      changed: [{ fieldId: "op1.npt", before: { value: "X", source: report }, after: { value: "?", source: report } }],
    });
    const actions = (await auditTrail("KEN")).map((entry) => entry.action);
    expect(actions.filter((action) => action === "matrix.draft.create")).toHaveLength(2);

    const versions = await call({ path: "/states/KEN/matrix/versions", query: "limit=1", group: "members" });
    expect(versions.body.items.map((item: MatrixVersion) => item.version)).toEqual([1]);
    const rest = await call({
      path: "/states/KEN/matrix/versions",
      query: `limit=1&cursor=${encodeURIComponent(versions.body.cursor)}`,
      group: "members",
    });
    expect(rest.body.items.map((item: MatrixVersion) => item.version)).toEqual([2]);
  });

  it("refuses an illegal move with 409 naming the legal ones, and leaves no trace", async () => {
    const first = await edit("BRA", '"0"', [npt]);
    const trailBefore = await auditTrail("BRA");
    const skip = await move("BRA", String(first.etag), "approved");
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ type: "/problems/conflict", allowed: ["shared-with-state"] });
    expect(skip.body.detail).toBe(
      "Version 1 of the matrix of Brazil is a draft: it cannot be approved from there; it can be shared with the State",
    );

    const shared = await move("BRA", String(first.etag), "shared-with-state");
    const editShared = await edit("BRA", String(shared.etag), [manufacture]);
    expect(editShared).toMatchObject({ status: 409, body: { allowed: ["draft"] } });
    expect(editShared.body.detail).toContain("back to draft");

    const back = await move("BRA", String(shared.etag), "draft");
    expect(back).toMatchObject({ status: 200, body: { draft: { status: "draft" } } });
    const approvedFinal = await approvedMatrix("CHL");
    const fromApproved = await move("CHL", approvedFinal, "draft");
    expect(fromApproved).toMatchObject({ status: 409, body: { allowed: [] } });

    const trailAfter = await auditTrail("BRA");
    // Two moves were made (share, back to draft); the two refusals added nothing.
    expect(trailAfter).toHaveLength(trailBefore.length + 2);
    expect((await read("BRA")).etag).toBe('"3"');
  });

  it("answers a stale ETag with 412 and the current one, applying nothing", async () => {
    const first = await edit("IND", '"0"', [npt]);
    await edit("IND", String(first.etag), [manufacture]);
    const trailBefore = (await auditTrail("IND")).length;
    const stale = await edit("IND", String(first.etag), [exportEnforcement]);
    expect(stale).toMatchObject({ status: 412, etag: '"2"', body: { type: "/problems/precondition-failed" } });
    expect(stale.body.detail).toBe(
      'The matrix of IND has changed since it was read: it is at "2", If-Match named "1"; fetch it again and retry with its current ETag',
    );
    const staleMove = await move("IND", String(first.etag), "shared-with-state");
    expect(staleMove.status).toBe(412);
    const now = await read("IND");
    expect(now.body.draft.cells).not.toHaveProperty(exportEnforcement.fieldId);
    expect(now.body.draft.status).toBe("draft");
    expect(await auditTrail("IND")).toHaveLength(trailBefore);
  });

  it("answers an ETag the matrix never had with 412 saying so, applying nothing", async () => {
    const ahead = await edit("PER", '"1"', [npt]);
    expect(ahead).toMatchObject({ status: 412, etag: '"0"' });
    expect(ahead.body.detail).toBe(
      'The matrix of PER is at "0"; If-Match named "1", a version it has never had; fetch it again and retry with its current ETag',
    );
    expect((await read("PER")).etag).toBe('"0"');
    expect(await auditTrail("PER")).toHaveLength(0);
  });

  it("lets one of two concurrent edits with the same ETag win; the other gets 412 and none of its cells", async () => {
    const first = await edit("JPN", '"0"', [npt]);
    const etag = String(first.etag);
    const trailBefore = (await auditTrail("JPN")).length;
    const results = await Promise.allSettled([
      edit("JPN", etag, [manufacture]),
      edit("JPN", etag, [exportEnforcement, { fieldId: "op1.npt", value: "" }]),
    ]);
    const statuses = results.map((result) => (result.status === "fulfilled" ? result.value.status : 500));
    expect(statuses.sort()).toEqual([200, 412]);

    const now = await read("JPN");
    expect(now.etag).toBe('"2"');
    const cells = Object.keys(now.body.draft.cells);
    const firstWon = cells.includes(manufacture.fieldId);
    // Exactly one batch is in the draft, whole; nothing of the other.
    expect(cells.sort()).toEqual(firstWon ? ["op1.npt", manufacture.fieldId].sort() : [exportEnforcement.fieldId]);
    expect(await auditTrail("JPN")).toHaveLength(trailBefore + 1);
  });

  it("lets one of two writes based on the same read win in storage; the other is refused by the head's condition", async () => {
    await edit("ARG", '"0"', [npt]);
    const current = await matrix.current("ARG");
    const working = current.working;
    if (!working) throw new Error("expected a draft");
    const audit = { actor: { kind: "system" as const, id: "test" }, action: "matrix.cells.edit" as const };
    const results = await Promise.allSettled([
      matrix.save(
        current,
        { ...working, cells: { ...working.cells, [manufacture.fieldId]: { value: "X", source: report } } },
        [audit],
      ),
      matrix.save(current, { ...working, cells: {} }, [audit]),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(PreconditionFailed);
    expect(lost?.reason.currentEtag).toBe('"2"');
    expect(await auditTrail("ARG")).toHaveLength(3);
  });

  it("lets only one of two concurrent first edits create version 1", async () => {
    const results = await Promise.allSettled([edit("MEX", '"0"', [npt]), edit("MEX", '"0"', [manufacture])]);
    const statuses = results.map((result) => (result.status === "fulfilled" ? result.value.status : 500));
    expect(statuses.sort()).toEqual([200, 412]);
    const now = await read("MEX");
    expect(Object.keys(now.body.draft.cells)).toHaveLength(1);
    expect(await auditTrail("MEX")).toHaveLength(2);
  });

  it("refuses an unknown field id with 422 and its path, and a members token with 403; neither writes", async () => {
    const unknown = await edit("NGA", '"0"', [npt, { fieldId: "op2.nuclear.teleport.enforcement", value: "NA" }]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((issue: { path: string }) => issue.path)).toEqual(["body.cells.1.fieldId"]);
    const member = await edit("NGA", '"0"', [npt], "members");
    expect(member.status).toBe(403);
    const memberMove = await move("NGA", '"0"', "shared-with-state", "members");
    expect(memberMove.status).toBe(403);
    expect(await read("NGA")).toMatchObject({ etag: '"0"', body: { draft: null, approved: null } });
    expect(await storedVersion("NGA", 1)).toBeUndefined();
    expect(await auditTrail("NGA")).toHaveLength(0);
  });

  it("answers 404 for a code that names no Member State, and for a version that does not exist", async () => {
    expect((await read("VAT")).status).toBe(404);
    expect((await edit("VAT", '"0"', [npt])).status).toBe(404);
    expect(await auditTrail("VAT")).toHaveLength(0);
    expect((await call({ path: "/states/FRA/matrix/versions/9", group: "members" })).status).toBe(404);
    const diff = await call({ path: "/states/FRA/matrix/diff", query: "from=1&to=7", group: "members" });
    expect(diff).toMatchObject({ status: 404, body: { detail: "Matrix version FRA v7 was not found" } });
    const noMatrix = await move("PER", '"0"', "shared-with-state");
    expect(noMatrix.status).toBe(409);
  });

  it("refuses a version too large for one item without writing anything", async () => {
    const current = await matrix.current("ZAF");
    const huge = "中".repeat(600);
    const version: MatrixVersion = {
      iso3: "ZAF",
      version: 1,
      status: "draft",
      created: { at: clock.now().toISOString(), by: { kind: "system", id: "test" } },
      history: [],
      cells: Object.fromEntries(
        matrixFields.map((field) => [field.id, { value: "X" as const, source: { document: huge } }]),
      ),
    };
    await expect(matrix.save(current, version, [])).rejects.toBeInstanceOf(Invalid);
    expect(await storedVersion("ZAF", 1)).toBeUndefined();
    expect((await matrix.current("ZAF")).revision).toBe(0);
  });
});
