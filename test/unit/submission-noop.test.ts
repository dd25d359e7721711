// PATCH /states/{iso3}/submissions/{id} with a correction that says what the submission says already (a form sent
// twice): no version, no audit entry, its obligation neither derived again nor written; a stale version is still 412.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import {
  correctSubmission,
  getSubmission,
  obligationOf,
  type ReportingDependencies,
  recordSubmission,
} from "#shared/reporting/submissions.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { type InMemoryReporting, inMemoryReporting } from "../support/in-memory/reporting.ts";

const audit = { actor: systemActor("test") };
const clock = fixedClock("2027-03-01T09:00:00Z");
const report = { kind: "first-report", symbol: "S/AC.44/2026/1", receivedOn: "2026-05-04", language: "fr" } as const;

let reporting: InMemoryReporting;
let deps: ReportingDependencies;
/** What the correction asked of the reporting store about obligations, and whether it wrote. */
let asked: string[];

const corrections = () => reporting.audit.entries.filter((entry) => entry.action === "submission.correct");

beforeEach(async () => {
  const registry = inMemoryRegistry(clock);
  await registry.addMissingStates(loadMemberStates(), initialObligationItems, audit);
  reporting = inMemoryReporting(clock, registry);
  asked = [];
  deps = {
    registry,
    clock,
    reporting: {
      ...reporting,
      obligations: (iso3) => {
        asked.push("obligations");
        return reporting.obligations(iso3);
      },
      correctSubmission: (...args) => {
        asked.push("correctSubmission");
        return reporting.correctSubmission(...args);
      },
    },
  };
});

describe("a correction of a submission that changes nothing (a form sent twice)", () => {
  it("writes no version and no audit entry, and leaves its obligation unread and as it was", async () => {
    const recorded = await recordSubmission(deps)("MLI", { ...report, note: "By note verbale" }, audit);
    const obligation = await obligationOf(deps, "MLI", "first-report");
    asked = [];
    clock.advance(60_000);
    const same = await correctSubmission(deps)(
      "MLI",
      recorded.value.id,
      1,
      { receivedOn: "2026-05-04", symbol: "S/AC.44/2026/1", language: "fr", note: "By note verbale" },
      audit,
    );
    expect(same).toEqual(recorded);
    expect(await getSubmission(deps)("MLI", recorded.value.id)).toEqual(recorded);
    expect(asked).toEqual([]);
    expect(await obligationOf(deps, "MLI", "first-report")).toEqual(obligation);
    expect(corrections()).toEqual([]);
  });

  it("takes clearing a note the submission does not have as no change, and a new date as one", async () => {
    const recorded = await recordSubmission(deps)("MLI", report, audit);
    expect(await correctSubmission(deps)("MLI", recorded.value.id, 1, { note: null }, audit)).toEqual(recorded);
    const redated = await correctSubmission(deps)("MLI", recorded.value.id, 1, { receivedOn: "2026-05-05" }, audit);
    expect(redated.version).toBe(2);
    expect(await obligationOf(deps, "MLI", "first-report")).toMatchObject({ firstReceivedOn: "2026-05-05" });
    expect(corrections()).toHaveLength(1);
  });

  it("still refuses a stale version with 412, even when it would change nothing", async () => {
    const recorded = await recordSubmission(deps)("MLI", report, audit);
    await correctSubmission(deps)("MLI", recorded.value.id, 1, { language: "en" }, audit);
    const stale = await refusal(correctSubmission(deps)("MLI", recorded.value.id, 1, { language: "en" }, audit));
    expect(stale).toBeInstanceOf(PreconditionFailed);
  });
});
