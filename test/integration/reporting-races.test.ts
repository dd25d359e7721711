// Rule 1 (additional information follows the first report) under concurrent writes, on DynamoDB Local: a move of the
// first report and a move of additional information each read the other's absence, then write one after the other.
// Exactly one may win; the other is refused with 409 and changes nothing (ADR 0020, its amendments).
import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict } from "#shared/errors.ts";
import { type RegistryRepository, registryRepository } from "#shared/registry/repository.ts";
import { correctSubmissionKind, voidSubmission } from "#shared/reporting/corrections.ts";
import { obligationKey } from "#shared/reporting/obligation-writes.ts";
import { initialObligationItems, type ReportingRepository, reportingRepository } from "#shared/reporting/repository.ts";
import type { NewSubmission } from "#shared/reporting/schemas.ts";
import {
  allSubmissions,
  correctSubmission,
  type ReportingDependencies,
  recordSubmission,
} from "#shared/reporting/submissions.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { aMemberState } from "../support/fixtures.ts";

const audit = { actor: systemActor("race") };
const FIRST_REPORT_ON = "2026-05-04";
const input = (kind: NewSubmission["kind"], symbol: string, receivedOn: string): NewSubmission => ({
  kind,
  symbol,
  receivedOn,
  language: "fr",
});

let registry: RegistryRepository;
let reporting: ReportingRepository;
let stored: { doc: DynamoDBDocumentClient; desk: string };
let deps: ReportingDependencies;

/** Wraps a store write so that its first call waits for `released`; the use case's retry goes straight through. */
type Hold = <A extends unknown[], R>(write: (...args: A) => Promise<R>) => (...args: A) => Promise<R>;

/** One side of a race: what it finds recorded beforehand, the use case it runs, and the store write it ends with. */
interface Move {
  name: string;
  prepare(iso3: string): Promise<string | undefined>;
  run(deps: ReportingDependencies, iso3: string, id: string | undefined): Promise<unknown>;
  holding(hold: Hold): ReportingRepository;
}

const recordOn = async (iso3: string, kind: NewSubmission["kind"], receivedOn: string) =>
  (await recordSubmission(deps)(iso3, input(kind, `S/AC.44/2026/${iso3}/${kind}`, receivedOn), audit)).value.id;

// Each information move is allowed on its own by the first report of 2026-05-04, and each first-report move is
// allowed on its own by the information recorded beforehand (none, or one of 2026-09-01); together they are not.
const recordInformation: Move = {
  name: "a recording of additional information",
  prepare: async () => undefined,
  run: (deps, iso3) => recordSubmission(deps)(iso3, input("additional-information", `AI/${iso3}`, "2026-06-01"), audit),
  holding: (hold) => ({ ...reporting, recordSubmission: hold(reporting.recordSubmission) }),
};
const rekindIntoInformation: Move = {
  name: "a correction of an action plan's kind to additional information",
  prepare: (iso3) => recordOn(iso3, "action-plan", "2026-06-01"),
  run: (deps, iso3, id = "") =>
    correctSubmissionKind(deps)(iso3, id, 1, "additional-information", "it was additional information", audit),
  holding: (hold) => ({ ...reporting, rewriteSubmission: hold(reporting.rewriteSubmission) }),
};
const redateInformation: Move = {
  name: "a correction of additional information's date to 2026-07-01",
  prepare: (iso3) => recordOn(iso3, "additional-information", "2026-09-01"),
  run: (deps, iso3, id = "") => correctSubmission(deps)(iso3, id, 1, { receivedOn: "2026-07-01" }, audit),
  holding: (hold) => ({ ...reporting, correctSubmission: hold(reporting.correctSubmission) }),
};

const voidFirstReport: Move = {
  name: "a void of the first report",
  prepare: async () => undefined,
  run: (deps, iso3, id = "") => voidSubmission(deps)(iso3, id, 1, "recorded for the wrong State", audit),
  holding: (hold) => ({ ...reporting, rewriteSubmission: hold(reporting.rewriteSubmission) }),
};
const redateFirstReport: Move = {
  name: "a correction of the first report's date to 2026-08-01",
  prepare: async () => undefined,
  run: (deps, iso3, id = "") => correctSubmission(deps)(iso3, id, 1, { receivedOn: "2026-08-01" }, audit),
  holding: (hold) => ({ ...reporting, correctSubmission: hold(reporting.correctSubmission) }),
};
const rekindFirstReport: Move = {
  name: "a correction of the first report's kind",
  prepare: async () => undefined,
  run: (deps, iso3, id = "") =>
    correctSubmissionKind(deps)(iso3, id, 1, "effective-practices", "it shared effective practices", audit),
  holding: (hold) => ({ ...reporting, rewriteSubmission: hold(reporting.rewriteSubmission) }),
};

/** A move whose store write waits until `release` is called, and `reached` once it waits there. */
function heldBack(move: Move) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reach = () => {};
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  let held = false;
  const hold: Hold =
    (write) =>
    async (...args) => {
      if (!held) {
        held = true;
        reach();
        await released;
      }
      return write(...args);
    };
  return { deps: { ...deps, reporting: move.holding(hold) }, reached, release };
}

type Outcome = { won: true } | { won: false; error: unknown };
const outcomeOf = (running: Promise<unknown>): Promise<Outcome> =>
  running.then(
    () => ({ won: true }),
    (error: unknown) => ({ won: false, error }),
  );

/** What the store holds of the State: its submissions that count, its two obligations of rule 1, its version. */
async function holding(iso3: string) {
  const counted = await allSubmissions(deps, iso3);
  const obligations = await reporting.obligations(iso3);
  const state = await registry.getState(iso3);
  return {
    submissions: counted
      .map(({ id, kind, receivedOn }) => ({ id, kind, receivedOn }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    obligations: obligations.filter((one) => one.kind === "first-report" || one.kind === "additional-information"),
    version: state?.version,
  };
}

/** Rule 1 as stored: additional information only with a first report, none dated before it, the counts agreeing. */
async function expectRuleOneHolds(iso3: string) {
  const { submissions, obligations } = await holding(iso3);
  const firstReports = submissions.filter((one) => one.kind === "first-report");
  const information = submissions.filter((one) => one.kind === "additional-information");
  const [firstReport] = firstReports;
  for (const one of information) expect(one.receivedOn >= (firstReport?.receivedOn ?? "9999")).toBe(true);
  expect(obligations.map(({ kind, submissions: count }) => ({ kind, count }))).toEqual([
    { kind: "first-report", count: firstReports.length },
    { kind: "additional-information", count: information.length },
  ]);
  expect(obligations[0]?.status).toBe(firstReport ? "fulfilled" : "outstanding");
}

let nextCode = 0;
/** A State of its own for each race, with its first report of 2026-05-04. */
async function aReportedState() {
  const iso3 = `Q${String.fromCharCode(65 + Math.floor(nextCode / 26))}${String.fromCharCode(65 + (nextCode % 26))}`;
  nextCode++;
  await registry.addMissingStates([aMemberState(iso3)], initialObligationItems, audit);
  return { iso3, firstReportId: await recordOn(iso3, "first-report", FIRST_REPORT_ON) };
}

beforeAll(async () => {
  const subject = await onDynamo((doc, tableNames, clock) => ({
    registry: registryRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    clock,
  }));
  ({ registry, reporting } = subject.store);
  stored = { doc: subject.doc, desk: subject.tableNames.desk };
  deps = { registry, reporting, clock: subject.clock };
}, 120_000);

const pairs: [Move, Move][] = [
  ...[voidFirstReport, redateFirstReport, rekindFirstReport].flatMap((firstReportMove): [Move, Move][] =>
    [recordInformation, rekindIntoInformation].map((informationMove): [Move, Move] => [
      firstReportMove,
      informationMove,
    ]),
  ),
  [redateFirstReport, redateInformation],
];
const races = pairs.flatMap(([firstReportMove, informationMove]) => [
  { first: firstReportMove, second: informationMove, information: informationMove, firstReport: firstReportMove },
  { first: informationMove, second: firstReportMove, information: informationMove, firstReport: firstReportMove },
]);

describe("additional information and the first report written at the same moment", () => {
  it.each(races.map((race) => [race.first.name, race.second.name, race] as const))(
    "%s, then %s read before it: the first wins, the second is refused with 409 and changes nothing",
    async (_first, _second, race) => {
      const { iso3, firstReportId } = await aReportedState();
      const informationId = await race.information.prepare(iso3);
      const idOf = (move: Move) => (move === race.firstReport ? firstReportId : informationId);

      const first = heldBack(race.first);
      const second = heldBack(race.second);
      const firstOutcome = outcomeOf(race.first.run(first.deps, iso3, idOf(race.first)));
      const secondOutcome = outcomeOf(race.second.run(second.deps, iso3, idOf(race.second)));
      // Both have read the State and checked the rule on what they read; neither has written.
      await Promise.all([first.reached, second.reached]);

      first.release();
      expect(await firstOutcome).toEqual({ won: true });
      const afterFirst = await holding(iso3);
      second.release();
      const refused = await secondOutcome;
      expect(refused.won).toBe(false);
      if (!refused.won) {
        expect(refused.error).toBeInstanceOf(Conflict);
        expect(refused.error).toMatchObject({ kind: "conflict" });
      }
      expect(await holding(iso3)).toEqual(afterFirst);
      await expectRuleOneHolds(iso3);
    },
  );
});

describe("two date corrections of the same kind at the same moment", () => {
  it("the later is written again on a fresh read, so the obligation's dates are those of every correction", async () => {
    const { iso3 } = await aReportedState();
    const ids = [];
    for (const [n, receivedOn] of ["2026-05-10", "2026-06-10", "2026-07-10"].entries()) {
      ids.push(
        (await recordSubmission(deps)(iso3, input("action-plan", `AP/${iso3}/${n}`, receivedOn), audit)).value.id,
      );
    }
    const [, middle = "", last = ""] = ids;
    const redate = (id: string, receivedOn: string): Move => ({
      name: `a correction of ${id}'s date to ${receivedOn}`,
      prepare: async () => id,
      run: (deps, iso3) => correctSubmission(deps)(iso3, id, 1, { receivedOn }, audit),
      holding: (hold) => ({ ...reporting, correctSubmission: hold(reporting.correctSubmission) }),
    });
    // The first leaves the obligation's count and dates as they were (a middle date moved); only its revision moves.
    const first = heldBack(redate(middle, "2026-06-20"));
    const second = heldBack(redate(last, "2026-05-01"));
    const firstOutcome = outcomeOf(redate(middle, "2026-06-20").run(first.deps, iso3, middle));
    const secondOutcome = outcomeOf(redate(last, "2026-05-01").run(second.deps, iso3, last));
    await Promise.all([first.reached, second.reached]);
    first.release();
    expect(await firstOutcome).toEqual({ won: true });
    second.release();
    expect(await secondOutcome).toEqual({ won: true });

    const plan = (await reporting.obligations(iso3)).find((one) => one.kind === "action-plan");
    // From 2026-05-01 (the second's) to 2026-06-20 (the first's): the second derived them again after the first.
    expect(plan).toMatchObject({ submissions: 3, firstReceivedOn: "2026-05-01", lastReceivedOn: "2026-06-20" });
  });
});

describe("an obligation stored before revisions were kept", () => {
  it("is held to its count until a write gives it its first revision; a write from a read before that is refused", async () => {
    const { iso3 } = await aReportedState();
    await stored.doc.send(
      new UpdateCommand({
        TableName: stored.desk,
        Key: obligationKey(iso3, "action-plan"),
        UpdateExpression: "REMOVE revision",
      }),
    );
    const before = (await reporting.obligations(iso3)).find((one) => one.kind === "action-plan");
    expect(before).not.toHaveProperty("revision");
    const first = await recordSubmission(deps)(iso3, input("action-plan", `AP/${iso3}/old`, "2026-06-01"), audit);
    expect((await reporting.obligations(iso3)).find((one) => one.kind === "action-plan")).toMatchObject({
      submissions: 1,
      revision: 1,
    });
    // A write made from the read before the first revision: its count condition no longer holds (the item has one).
    const state = await registry.getState(iso3);
    if (!state || !before) throw new Error("seeded State and obligation expected");
    const late = { ...first.value, id: "01J0000000000000000000LEGACY", symbol: `AP/${iso3}/late` };
    await expect(
      reporting.recordSubmission(state, late, { before, after: { ...before, submissions: 1 } }, audit),
    ).rejects.toMatchObject({ kind: "conflict" });
  });
});
