// The kinds a State's page offers for a new document (audit 36, item 8): exactly those the API's own use case records
// on the in-memory stores, the others said beside the choice with why, naming the State; and the refusal of a symbol
// already recorded says where, at the symbol's field, with the State's own submission found to open.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict } from "#shared/errors.ts";
import { toProblem } from "#shared/http/problem.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { DocumentRecorded, recordedAsWords, saidWhereRecorded } from "#shared/reporting/document-recorded.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import type { Submission, SubmissionKind } from "#shared/reporting/schemas.ts";
import { allSubmissions, type ReportingDependencies, recordSubmission } from "#shared/reporting/submissions.ts";
import type { KindDossier } from "../../console/src/pages/state/submission-kind.ts";
import { recordKindChoices, symbolHeldHere } from "../../console/src/pages/state/submission-kind.ts";

import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryReporting } from "../support/in-memory/reporting.ts";

const audit = { actor: systemActor("test") };
const clock = fixedClock("2026-12-07T15:00:00Z");
const TODAY = "2026-12-07";

async function freshDeps(): Promise<ReportingDependencies> {
  const registry = inMemoryRegistry(clock);
  await registry.addMissingStates(loadMemberStates(), initialObligationItems, audit);
  return { registry, reporting: inMemoryReporting(clock, registry), clock };
}

async function dossierOf(deps: ReportingDependencies, iso3: string): Promise<KindDossier> {
  const state = await deps.registry.getState(iso3);
  if (!state) throw new Error(`no ${iso3}`);
  return {
    state: state.value,
    obligations: (await deps.reporting.obligations(iso3)) ?? [],
    submissions: await allSubmissions(deps, iso3),
  };
}

/** Whether the API's use case records a document of `kind` for `iso3` today, on a copy of the stores as they stand. */
async function apiTakes(setUp: (deps: ReportingDependencies) => Promise<void>, iso3: string, kind: SubmissionKind) {
  const deps = await freshDeps();
  await setUp(deps);
  try {
    await recordSubmission(deps)(iso3, { kind, symbol: `NEW/${kind}`, receivedOn: TODAY, language: "fr" }, audit);
    return true;
  } catch (error) {
    if (error instanceof Conflict) return false;
    throw error;
  }
}

const KINDS: SubmissionKind[] = [
  "first-report",
  "additional-information",
  "action-plan",
  "matrix-review",
  "effective-practices",
  "assistance-feedback",
];

const nothing = async () => {};
const firstReportOfMali = async (deps: ReportingDependencies) => {
  await recordSubmission(deps)(
    "MLI",
    { kind: "first-report", symbol: "S/AC.44/2026/9", receivedOn: "2026-11-30", language: "fr" },
    audit,
  );
};

describe("the kinds offered for a new document", () => {
  it.each([
    ["non-reporting Mali", nothing],
    ["Mali once its first report is recorded", firstReportOfMali],
  ])("offers %s exactly the kinds the API records", async (_name, setUp) => {
    const deps = await freshDeps();
    await setUp(deps);
    const choices = recordKindChoices(await dossierOf(deps, "MLI"), TODAY);
    for (const kind of KINDS) {
      expect(choices.offered.includes(kind), kind).toBe(await apiTakes(setUp, "MLI", kind));
    }
    expect([...choices.offered, ...choices.withheld.map((withheld) => withheld.kind)].sort()).toEqual(
      [...KINDS].sort(),
    );
  });

  it("says why beside the choice, naming the State, not its code", async () => {
    const deps = await freshDeps();
    expect(recordKindChoices(await dossierOf(deps, "MLI"), TODAY).withheld).toEqual([
      {
        kind: "additional-information",
        why: "Additional information follows the first report, and Mali has not submitted one: record it first.",
      },
    ]);
    await firstReportOfMali(deps);
    const after = recordKindChoices(await dossierOf(deps, "MLI"), TODAY);
    expect(after.withheld).toEqual([
      { kind: "first-report", why: "Mali has submitted its first report already (received 2026-11-30)." },
    ]);
    expect(after.offered[0]).toBe("additional-information");
  });
});

describe("a symbol already recorded", () => {
  const holder = { kind: "first-report", receivedOn: "2026-11-30" } as const;

  it("is a 409 at body.symbol saying whose document it is, its kind and its day", async () => {
    const said = await saidWhereRecorded(new DocumentRecorded("S/AC.44/2026/7", { iso3: "GMB", submissionId: "01X" }), {
      submission: async (iso3, id) => (iso3 === "GMB" && id === "01X" ? holder : undefined),
      stateName: async (iso3) => (iso3 === "GMB" ? "Gambia" : undefined),
    });
    const { status, problem } = toProblem(said, "/states/MLI/submissions", "c-1");
    expect(status).toBe(409);
    expect(problem.detail).toBe(
      "The document S/AC.44/2026/7 is already recorded as Gambia's first national report, received 2026-11-30",
    );
    expect(problem.errors).toEqual([
      {
        path: "body.symbol",
        message: "S/AC.44/2026/7 is already recorded as Gambia's first national report, received 2026-11-30.",
      },
    ]);
  });

  it("still says it is recorded, at the field, when the holder can no longer be read", async () => {
    const refused = new DocumentRecorded("S/AC.44/2026/7", { iso3: "GMB", submissionId: "01X" });
    const said = await saidWhereRecorded(refused, {
      submission: async () => undefined,
      stateName: async () => "Gambia",
    });
    expect(said).toBe(refused);
    expect(toProblem(said, "/x", "c").problem.errors).toEqual([
      { path: "body.symbol", message: "S/AC.44/2026/7 is already recorded." },
    ]);
    const other = new Conflict("another conflict");
    expect(await saidWhereRecorded(other, { submission: async () => holder, stateName: async () => "Gambia" })).toBe(
      other,
    );
  });

  it("names a plural State's possessive as a sentence does", () => {
    expect(recordedAsWords("Philippines", { kind: "action-plan", receivedOn: "2025-01-02" })).toBe(
      "Philippines' national implementation action plan, received 2025-01-02",
    );
  });

  it("finds the State's own submission to open, case aside, only for a refusal at the symbol", () => {
    const mine = { id: "01X", symbol: "S/AC.44/2026/7" } as Submission;
    const atSymbol = { errors: [{ path: "body.symbol" }] };
    expect(symbolHeldHere(atSymbol, " s/ac.44/2026/7 ", [mine])).toBe(mine);
    expect(symbolHeldHere(atSymbol, "S/AC.44/2026/8", [mine])).toBeUndefined();
    expect(symbolHeldHere({ errors: [{ path: "body.kind" }] }, "S/AC.44/2026/7", [mine])).toBeUndefined();
    expect(symbolHeldHere(undefined, "S/AC.44/2026/7", [mine])).toBeUndefined();
  });
});
