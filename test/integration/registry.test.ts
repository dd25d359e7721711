import { QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { changeState, listStates } from "#shared/registry/states.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
const secretary: Actor = { kind: "user", id: "sec-1", username: "secretary", groups: ["secretariat"] };
const audit = { actor: secretary, route: "PATCH /states/{iso3}", correlationId: "corr-1" };

let setup: Awaited<ReturnType<typeof freshTables>>;
let repo: ReturnType<typeof registryRepository>;

async function auditTrail(entity: string) {
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
  repo = registryRepository(setup.doc, setup.tableNames, clock);
  await seedRegistry(setup.doc, setup.tableNames, clock);
});

describe("registry against DynamoDB Local", () => {
  it("seeds once: a second run adds nothing and writes no new audit entry", async () => {
    const again = await seedRegistry(setup.doc, setup.tableNames, clock);
    expect(again).toEqual({ created: 0, existing: 193 });
    // One entry per State, on its own trail, holding the State as written: the first of its timeline (ADR 0057).
    const trails = await Promise.all(["MLI", "NOR", "TUV"].map((iso3) => auditTrail(`state#${iso3}`)));
    for (const [index, iso3] of ["MLI", "NOR", "TUV"].entries()) {
      expect(trails[index]).toMatchObject([
        { action: "registry.seed", iso3, trailKind: "state", after: { iso3, reportingStatus: "non-reporting" } },
      ]);
    }
    const seeded = await setup.doc.send(
      new ScanCommand({
        TableName: setup.tableNames.audit,
        FilterExpression: "#action = :seed",
        ExpressionAttributeNames: { "#action": "action" },
        ExpressionAttributeValues: { ":seed": "registry.seed" },
      }),
    );
    const registered = (seeded.Items ?? []).map((entry) => entry.entity.id as string);
    expect(registered).toHaveLength(193);
    expect(new Set(registered).size).toBe(193);
    expect(await auditTrail("registry#states")).toEqual([]);
  });

  it("pages through all 193 States with no duplicate and no gap", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listStates(repo)({ limit: 40, cursor });
      seen.push(...page.items.map((state) => state.value.iso3));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toHaveLength(193);
    expect(new Set(seen).size).toBe(193);
    expect(seen).toEqual([...seen].sort());
  });

  it("lists exactly one regional group through its index", async () => {
    const page = await listStates(repo)({ region: "eastern-european", limit: 100 });
    expect(page.items).toHaveLength(23);
    expect(page.items.every((state) => state.value.region === "eastern-european")).toBe(true);
    expect(page.cursor).toBeUndefined();
  });

  it("changes a State at the version read and records before and after in the audit trail", async () => {
    const state = await repo.getState("MLI");
    expect(state?.version).toBe(1);
    clock.advance(60_000);
    const changed = await changeState(repo)("MLI", 1, { language: "en" }, audit);
    expect(changed).toMatchObject({ version: 2, value: { language: "en", languageBasis: "confirmed" } });
    expect((await repo.getState("MLI"))?.value.language).toBe("en");
    // After its registration by the seed.
    const [registeredEntry, entry] = await auditTrail("state#MLI");
    expect(registeredEntry?.action).toBe("registry.seed");
    expect(entry).toMatchObject({
      action: "state.update",
      actor: secretary,
      route: "PATCH /states/{iso3}",
      correlationId: "corr-1",
      before: { language: "fr", languageBasis: "inferred" },
      after: { language: "en", languageBasis: "confirmed" },
      day: "2026-11-27",
    });
  });

  it("lets exactly one of two writers holding the same version win; the loser changes nothing", async () => {
    const results = await Promise.allSettled([
      changeState(repo)("BFA", 1, { language: "en" }, audit),
      changeState(repo)("BFA", 1, { language: "ar" }, audit),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(PreconditionFailed);
    expect((lost[0] as PromiseRejectedResult).reason.currentEtag).toBe('"2"');
    // Its registration and one change: the refused write left no trace.
    expect((await auditTrail("state#BFA")).map((entry) => entry.action)).toEqual(["registry.seed", "state.update"]);
    expect((await repo.getState("BFA"))?.version).toBe(2);
  });
});
