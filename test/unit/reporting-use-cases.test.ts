// The reporting use cases on the in-memory stores, no database: recording a submission by its rules, recording many
// States' submissions with their States and obligations read once per group, and the corrections that move a State.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, Invalid, NotFound } from "#shared/errors.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { correctSubmissionKind, voidSubmission } from "#shared/reporting/corrections.ts";
import { initialObligationItems, MAX_SUBMISSIONS_PER_RECORDING } from "#shared/reporting/repository.ts";
import type { NewSubmission } from "#shared/reporting/schemas.ts";
import {
  correctSubmission,
  obligationOf,
  type ReportingDependencies,
  recordSubmission,
  recordSubmissionsOfStates,
} from "#shared/reporting/submissions.ts";
import { refusal } from "../support/fixtures.ts";
import { type InMemoryRegistry, inMemoryRegistry } from "../support/in-memory/registry.ts";
import { type InMemoryReporting, inMemoryReporting } from "../support/in-memory/reporting.ts";

const audit = { actor: systemActor("test") };
const clock = fixedClock("2027-03-01T09:00:00Z");

const input = (kind: NewSubmission["kind"], symbol: string, receivedOn = "2026-05-04"): NewSubmission => ({
  kind,
  symbol,
  receivedOn,
  language: "en",
});

/** The audit entries on States' trails since each was registered (the registry's seed writes one per State). */
const stateEntries = () =>
  reporting.audit.entries.filter((entry) => entry.entity.type === "state" && entry.action !== "registry.seed");

/** Why a call was refused: the error it threw. */
let registry: InMemoryRegistry;
let reporting: InMemoryReporting;
let deps: ReportingDependencies;
/** What the use cases asked of the reporting store, by method. */
let calls: Record<string, number>;

beforeEach(async () => {
  registry = inMemoryRegistry(clock);
  await registry.addMissingStates(loadMemberStates(), initialObligationItems, audit);
  reporting = inMemoryReporting(clock, registry);
  calls = {};
  const counted = new Proxy(reporting, {
    get(target, name: keyof InMemoryReporting) {
      const member = target[name];
      if (typeof member !== "function") return member;
      return (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (member as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  deps = { registry, reporting: counted, clock };
});

describe("recording a submission", () => {
  it("refuses a date before the resolution or after today, and an unknown State, writing nothing", async () => {
    const early = await refusal(recordSubmission(deps)("MLI", input("first-report", "X/1", "2004-01-01"), audit));
    expect(early).toBeInstanceOf(Invalid);
    expect((early as Invalid).issues).toEqual([
      { path: "body.receivedOn", message: "is before resolution 1540 was adopted on 2004-04-28" },
    ]);
    const late = await refusal(recordSubmission(deps)("MLI", input("first-report", "X/1", "2027-03-02"), audit));
    expect(late).toBeInstanceOf(Invalid);
    expect(await refusal(recordSubmission(deps)("XXX", input("first-report", "X/1"), audit))).toBeInstanceOf(NotFound);
    expect(stateEntries()).toEqual([]);
  });

  it("refuses a document dated the desk's tomorrow: at 21:00 in New York, UTC's next day is still in the future", async () => {
    const evening = { ...deps, clock: fixedClock("2027-03-02T02:00:00Z") }; // 21:00 on 1 March in New York
    const tomorrow = await refusal(recordSubmission(evening)("MLI", input("first-report", "X/1", "2027-03-02"), audit));
    expect(tomorrow).toBeInstanceOf(Invalid);
    expect((tomorrow as Invalid).issues).toEqual([
      { path: "body.receivedOn", message: "is in the future (today is 2027-03-01)" },
    ]);
    await recordSubmission(evening)("MLI", input("first-report", "X/1", "2027-03-01"), audit);
  });

  it("refuses a second first report with the date of the first", async () => {
    await recordSubmission(deps)("MLI", input("first-report", "X/1", "2026-01-05"), audit);
    const second = await refusal(recordSubmission(deps)("MLI", input("first-report", "X/2"), audit));
    expect(second).toBeInstanceOf(Conflict);
    expect(second).toMatchObject({ details: { firstReceivedOn: "2026-01-05" } });
  });
});

describe("recording many States' submissions", () => {
  const codes = loadMemberStates()
    .map((state) => state.iso3)
    .slice(0, 40);

  it("reads the States' obligations once per group, never per submission, and writes a group in one step", async () => {
    const batch = codes.map((iso3, index) => ({
      iso3,
      inputs: [
        input("first-report", `FR/${iso3}`, "2020-02-02"),
        ...(index % 2
          ? [input("action-plan", `AP/${iso3}/1`), input("action-plan", `AP/${iso3}/2`, "2021-03-03")]
          : []),
      ],
    }));
    const recorded = await recordSubmissionsOfStates(deps)(batch, audit);
    expect(recorded).toBe(40 + 20 * 2);
    const groups = calls.recordSubmissions ?? 0;
    expect(groups).toBeGreaterThanOrEqual(Math.ceil(recorded / MAX_SUBMISSIONS_PER_RECORDING));
    expect(calls.obligationsByState).toBe(groups);
    expect(calls.obligations).toBeUndefined();
    expect(calls.recordSubmission).toBeUndefined();
    const second = codes[1] ?? "";
    expect(await obligationOf(deps, second, "action-plan")).toMatchObject({
      status: "fulfilled",
      submissions: 2,
      firstReceivedOn: "2021-03-03",
      lastReceivedOn: "2026-05-04",
    });
    const states = await registry.getStates(codes);
    expect(states.every((state) => state.value.reportingStatus === "reported" && state.version === 2)).toBe(true);
    // As one recordSubmission each: a submission.record entry per submission, a status entry per first report.
    const actions = stateEntries().map((entry) => entry.action);
    expect(actions.filter((action) => action === "submission.record")).toHaveLength(recorded);
    expect(actions.filter((action) => action === "state.reporting-status")).toHaveLength(40);
  });

  it("refuses a symbol given twice, or a second first report of a State named twice, before writing anything", async () => {
    const twice = await refusal(
      recordSubmissionsOfStates(deps)(
        [
          { iso3: "MLI", inputs: [input("first-report", "S/1")] },
          { iso3: "TCD", inputs: [input("first-report", "s/1")] },
        ],
        audit,
      ),
    );
    expect(twice).toBeInstanceOf(Conflict);
    const again = await refusal(
      recordSubmissionsOfStates(deps)(
        [
          { iso3: "MLI", inputs: [input("first-report", "S/1")] },
          { iso3: "MLI", inputs: [input("first-report", "S/2")] },
        ],
        audit,
      ),
    );
    expect(again).toBeInstanceOf(Conflict);
    expect(calls.recordSubmissions).toBeUndefined();
    expect(stateEntries()).toEqual([]);
  });

  it("refuses an unknown State and an impossible date as recordSubmission does", async () => {
    expect(
      await refusal(recordSubmissionsOfStates(deps)([{ iso3: "XXX", inputs: [input("first-report", "S/1")] }], audit)),
    ).toBeInstanceOf(NotFound);
    expect(
      await refusal(
        recordSubmissionsOfStates(deps)([{ iso3: "MLI", inputs: [input("first-report", "S/1", "2030-01-01")] }], audit),
      ),
    ).toBeInstanceOf(Invalid);
  });
});

describe("corrections", () => {
  it("a first report voided makes the State non-reporting; the kind corrected back to first report, reported", async () => {
    const recorded = await recordSubmission(deps)("SOM", input("action-plan", "AP/1"), audit);
    const moved = await correctSubmissionKind(deps)("SOM", recorded.value.id, 1, "first-report", "misfiled", audit);
    expect(moved.value.kind).toBe("first-report");
    expect((await registry.getState("SOM"))?.value).toMatchObject({ reportingStatus: "reported" });
    await voidSubmission(deps)("SOM", recorded.value.id, 2, "recorded in error", audit);
    expect((await registry.getState("SOM"))?.value.reportingStatus).toBe("non-reporting");
    // A voided submission is named by its symbol and why it was voided, not by its id.
    const again = await refusal(correctSubmissionKind(deps)("SOM", recorded.value.id, 3, "action-plan", "x", audit));
    expect(again).toMatchObject({
      message: "Submission AP/1 is voided (recorded in error); a voided submission cannot be changed",
    });
    expect(await obligationOf(deps, "SOM", "action-plan")).toMatchObject({
      status: "not-applicable",
      submissions: 0,
    });
  });

  it("refuses a kind corrected to additional information where no first report would remain, with 409", async () => {
    const plan = await recordSubmission(deps)("TCD", input("action-plan", "AP/1"), audit);
    const unreported = await refusal(
      correctSubmissionKind(deps)("TCD", plan.value.id, 1, "additional-information", "misfiled", audit),
    );
    expect(unreported).toMatchObject({ details: { missing: "first-report" } });
    const report = await recordSubmission(deps)("MLI", input("first-report", "FR/1"), audit);
    const only = await refusal(
      correctSubmissionKind(deps)("MLI", report.value.id, 1, "additional-information", "misfiled", audit),
    );
    expect(only).toBeInstanceOf(Conflict);
    expect((await registry.getState("MLI"))?.value.reportingStatus).toBe("reported");
  });
});

describe("additional information", () => {
  it("is refused with 409 from a State that has not reported, naming the missing first report, and changes nothing", async () => {
    const refused = await refusal(
      recordSubmission(deps)("TCD", input("additional-information", "AI/1", "2026-11-02"), audit),
    );
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toContain("TCD has not submitted its first report");
    expect(refused).toMatchObject({ details: { missing: "first-report" } });
    expect(await obligationOf(deps, "TCD", "additional-information")).toMatchObject({ submissions: 0 });
    expect(stateEntries()).toEqual([]);
  });

  it("is refused when dated before the first report, and recorded on or after it", async () => {
    await recordSubmission(deps)("MLI", input("first-report", "FR/1", "2026-05-04"), audit);
    const early = await refusal(
      recordSubmission(deps)("MLI", input("additional-information", "AI/1", "2026-05-03"), audit),
    );
    expect(early).toMatchObject({ details: { firstReceivedOn: "2026-05-04" } });
    await recordSubmission(deps)("MLI", input("additional-information", "AI/1", "2026-05-04"), audit);
    expect(await obligationOf(deps, "MLI", "additional-information")).toMatchObject({ submissions: 1 });
  });

  it("follows a first report recorded just before it in the same batch, and is refused without one", async () => {
    const recorded = await recordSubmissionsOfStates(deps)(
      [{ iso3: "GMB", inputs: [input("first-report", "FR/1", "2026-01-05"), input("additional-information", "AI/1")] }],
      audit,
    );
    expect(recorded).toBe(2);
    const alone = await refusal(
      recordSubmissionsOfStates(deps)([{ iso3: "GIN", inputs: [input("additional-information", "AI/2")] }], audit),
    );
    expect(alone).toMatchObject({ details: { missing: "first-report" } });
    expect(await obligationOf(deps, "GIN", "additional-information")).toMatchObject({ submissions: 0 });
  });

  it("is refused when a date correction would move it before the first report, or the first report after it", async () => {
    const report = await recordSubmission(deps)("MLI", input("first-report", "FR/1", "2026-05-04"), audit);
    const information = await recordSubmission(deps)(
      "MLI",
      input("additional-information", "AI/1", "2026-05-06"),
      audit,
    );
    const early = await refusal(
      correctSubmission(deps)("MLI", information.value.id, 1, { receivedOn: "2026-05-03" }, audit),
    );
    expect(early).toBeInstanceOf(Conflict);
    expect(early).toMatchObject({ details: { firstReceivedOn: "2026-05-04" } });
    const late = await refusal(correctSubmission(deps)("MLI", report.value.id, 1, { receivedOn: "2026-05-07" }, audit));
    expect(late).toBeInstanceOf(Conflict);
    expect(late).toMatchObject({ details: { firstReceivedOn: "2026-05-07" } });
    expect(await obligationOf(deps, "MLI", "first-report")).toMatchObject({ firstReceivedOn: "2026-05-04" });
    expect((await registry.getState("MLI"))?.value.firstReportOn).toBe("2026-05-04");
    // On the day of the first report either way is the rule kept.
    await correctSubmission(deps)("MLI", report.value.id, 1, { receivedOn: "2026-05-06" }, audit);
    await correctSubmission(deps)("MLI", information.value.id, 1, { receivedOn: "2026-05-06" }, audit);
  });

  it("keeps the first report from being voided or re-kinded while it counts, naming it, with 409", async () => {
    const report = await recordSubmission(deps)("MLI", input("first-report", "FR/1", "2026-05-04"), audit);
    const information = await recordSubmission(deps)("MLI", input("additional-information", "AI/1"), audit);
    const voided = await refusal(voidSubmission(deps)("MLI", report.value.id, 1, "recorded in error", audit));
    expect(voided).toBeInstanceOf(Conflict);
    expect(voided).toMatchObject({
      details: { missing: "first-report", additionalInformation: [{ id: information.value.id, symbol: "AI/1" }] },
    });
    const rekinded = await refusal(
      correctSubmissionKind(deps)("MLI", report.value.id, 1, "action-plan", "an action plan", audit),
    );
    expect(rekinded).toMatchObject({ details: { missing: "first-report" } });
    expect((await registry.getState("MLI"))?.value.reportingStatus).toBe("reported");
    await voidSubmission(deps)("MLI", information.value.id, 1, "recorded in error", audit);
    await voidSubmission(deps)("MLI", report.value.id, 1, "recorded in error", audit);
    expect((await registry.getState("MLI"))?.value.reportingStatus).toBe("non-reporting");
  });
});
