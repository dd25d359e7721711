// The reporting store's contract (obligations and submissions), written once and run against both adapters: DynamoDB
// Local (test/integration/reporting-store.test.ts) and memory (test/unit/reporting-store.test.ts). The store works on
// the registry's States: each run seeds a few with their obligations, as the registry seed does.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, Malformed, PreconditionFailed } from "#shared/errors.ts";
import type { StatesListing } from "#shared/registry/keys.ts";
import type { RegistryRepository } from "#shared/registry/repository.ts";
import { voidSubmission } from "#shared/reporting/corrections.ts";
import { ObligationChanged } from "#shared/reporting/obligation-writes.ts";
import { obligationKinds } from "#shared/reporting/obligations.ts";
import {
  initialObligationItems,
  MAX_SUBMISSIONS_PER_RECORDING,
  type ReportingRepository,
} from "#shared/reporting/repository.ts";
import type { NewSubmission, Obligation, Submission } from "#shared/reporting/schemas.ts";
import {
  correctSubmission,
  type ReportingDependencies,
  recordSubmission,
  recordSubmissionsOfStates,
  statesByActionPlan,
} from "#shared/reporting/submissions.ts";
import { aMemberState } from "../support/fixtures.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

export interface ReportingStores {
  registry: RegistryRepository;
  reporting: ReportingRepository;
  /** An assistance request recorded under its symbol, as the assistance store's write puts it on the guard. */
  requestUnderSymbol(request: { id: string; iso3: string; symbol: string; receivedOn: string }): Promise<void>;
}

const audit = { actor: systemActor("contract") };

const CODES = ["MLI", "TCD", "SOM", "GIN"];

const input = (kind: NewSubmission["kind"], symbol: string, receivedOn = "2026-05-04"): NewSubmission => ({
  kind,
  symbol,
  receivedOn,
  language: "fr",
});

export function reportingStoreContract(setup: () => Promise<StoreUnderTest<ReportingStores>>): void {
  describe("the reporting store contract", () => {
    let subject: StoreUnderTest<ReportingStores>;
    let reporting: ReportingRepository;
    let deps: ReportingDependencies;
    /** Chad's assistance request, received 2027-01-11, recorded under `symbol`. */
    const chadsRequestUnder = (symbol: string) =>
      subject.store.requestUnderSymbol({
        id: "01J00000000000000000000REQ",
        iso3: "TCD",
        symbol,
        receivedOn: "2027-01-11",
      });
    const obligation = async (iso3: string, kind: Obligation["kind"]) =>
      (await reporting.obligations(iso3)).find((candidate) => candidate.kind === kind);

    beforeEach(async () => {
      subject = await setup();
      reporting = subject.store.reporting;
      deps = { registry: subject.store.registry, reporting, clock: subject.clock };
      await subject.store.registry.addMissingStates(
        CODES.map((code) => aMemberState(code)),
        initialObligationItems,
        audit,
      );
    });

    it("gives a State's obligations in the order of their kinds, as they start; none for a State not held", async () => {
      const obligations = await reporting.obligations("MLI");
      expect(obligations.map((o) => o.kind)).toEqual(obligationKinds);
      expect(obligations[0]).toEqual({
        iso3: "MLI",
        kind: "first-report",
        mandatory: true,
        status: "outstanding",
        submissions: 0,
        revision: 0,
      });
      expect(await reporting.obligations("XXX")).toEqual([]);
    });

    it("reads many States' obligations at once, each as one read gives them, leaving out codes not held", async () => {
      const byState = await reporting.obligationsByState(["TCD", "XXX", "MLI"]);
      expect([...byState.keys()]).toEqual(["TCD", "MLI"]);
      expect(byState.get("TCD")).toEqual(await reporting.obligations("TCD"));
      expect(byState.get("MLI")).toEqual(await reporting.obligations("MLI"));
    });

    it("names the States holding any submission, a voided one included, and no State without one", async () => {
      expect(await reporting.statesHoldingSubmissions(["MLI", "GIN", "XXX"])).toEqual(new Set());
      await recordSubmission(deps)("MLI", input("first-report", "S/AC.44/2026/1"), audit);
      const voided = await recordSubmission(deps)("GIN", input("first-report", "FR/GIN", "2026-05-04"), audit);
      await voidSubmission(deps)("GIN", voided.value.id, 1, "wrong State", audit);
      expect(await reporting.statesHoldingSubmissions(["MLI", "GIN", "TCD", "XXX"])).toEqual(new Set(["MLI", "GIN"]));
      expect(await reporting.statesHoldingSubmissions([])).toEqual(new Set());
    });

    it("lists States by action plan narrowed as the registry lists them, binding each cursor to its narrowing", async () => {
      await recordSubmission(deps)("MLI", input("first-report", "S/AC.44/2026/1"), audit);
      const withoutPlan = async (listing: StatesListing) =>
        (await everyItem((page) => statesByActionPlan(deps)(false, listing, page))).map((state) => state.value.iso3);
      expect(await withoutPlan({})).toEqual(["GIN", "MLI", "SOM", "TCD"]);
      expect(await withoutPlan({ status: "non-reporting" })).toEqual(["GIN", "SOM", "TCD"]);
      expect(await withoutPlan({ region: "african", status: "reported" })).toEqual(["MLI"]);
      expect(await withoutPlan({ languageBasis: "inferred" })).toEqual([]);
      expect(await everyItem((page) => statesByActionPlan(deps)(true, {}, page))).toEqual([]);
      // Two codes read from the plan index, one of them reported: a short page, and a cursor good for that listing only.
      const first = await statesByActionPlan(deps)(false, { status: "reported" }, { limit: 2 });
      expect(first.items.map((state) => state.value.iso3)).toEqual(["MLI"]);
      expect(first.cursor).toBeDefined();
      await expect(statesByActionPlan(deps)(false, {}, { limit: 2, cursor: first.cursor })).rejects.toThrow(Malformed);
      await expect(
        statesByActionPlan(deps)(false, { status: "non-reporting" }, { limit: 2, cursor: first.cursor }),
      ).rejects.toThrow(Malformed);
    });

    it("records a first report: the submission at version 1, the obligation fulfilled, the State reported, audited", async () => {
      const before = await subject.store.registry.getState("MLI");
      const recorded = await recordSubmission(deps)("MLI", input("first-report", "S/AC.44/2026/1"), audit);
      expect(await reporting.getSubmission("MLI", recorded.value.id)).toEqual(recorded);
      expect(await obligation("MLI", "first-report")).toMatchObject({
        status: "fulfilled",
        submissions: 1,
        firstReceivedOn: "2026-05-04",
        lastReceivedOn: "2026-05-04",
      });
      const after = await subject.store.registry.getState("MLI");
      expect(after?.version).toBe((before?.version ?? 0) + 1);
      expect(after?.value).toMatchObject({ reportingStatus: "reported", firstReportOn: "2026-05-04" });
      expect(await subject.auditActions({ type: "state", id: "MLI" })).toEqual([
        "registry.seed",
        "state.reporting-status",
        "submission.record",
      ]);
      expect(await everyItem((page) => reporting.statesWithObligation("first-report", "fulfilled", page))).toEqual([
        "MLI",
      ]);
    });

    it("refuses a second first report and a symbol already held (any case), writing nothing", async () => {
      await recordSubmission(deps)("MLI", input("first-report", "S/AC.44/2026/1"), audit);
      const state = await subject.store.registry.getState("MLI");
      const fulfilled = await obligation("MLI", "first-report");
      if (!state || !fulfilled) throw new Error("seeded State and obligation expected");
      // As a writer that read the obligation before the first report was recorded would send it.
      const stale: Obligation = { ...fulfilled, status: "outstanding", submissions: 0, revision: 0 };
      const second: Submission = {
        ...input("first-report", "S/AC.44/2026/2"),
        id: "01J0000000000000000000SECOND",
        iso3: "MLI",
        recordedAt: "2027-03-01T09:00:00.000Z",
        recordedBy: "contract",
        updatedAt: "2027-03-01T09:00:00.000Z",
      };
      await expect(
        reporting.recordSubmission(state, second, { before: stale, after: fulfilled }, audit),
      ).rejects.toThrow(Conflict);
      await expect(recordSubmission(deps)("TCD", input("action-plan", "s/ac.44/2026/1"), audit)).rejects.toMatchObject({
        kind: "conflict",
        details: { iso3: "MLI" },
      });
      expect(await reporting.getSubmission("MLI", second.id)).toBeUndefined();
      expect(await obligation("TCD", "action-plan")).toMatchObject({ submissions: 0 });
      // Its registration alone.
      expect(await subject.auditActions({ type: "state", id: "TCD" })).toEqual(["registry.seed"]);
    });

    it("refuses a write whose obligation moved since it was read (ObligationChanged)", async () => {
      const state = await subject.store.registry.getState("SOM");
      const before = await obligation("SOM", "action-plan");
      if (!state || !before) throw new Error("seeded State and obligation expected");
      await recordSubmission(deps)("SOM", input("action-plan", "S/AC.44/2026/AP1"), audit);
      const late: Submission = {
        ...input("action-plan", "S/AC.44/2026/AP2"),
        id: "01J00000000000000000000LATE",
        iso3: "SOM",
        recordedAt: "2027-03-01T09:00:00.000Z",
        recordedBy: "contract",
        updatedAt: "2027-03-01T09:00:00.000Z",
      };
      const after = { ...before, status: "fulfilled" as const, submissions: 1 };
      await expect(reporting.recordSubmission(state, late, { before, after }, audit)).rejects.toThrow(
        ObligationChanged,
      );
      expect(await reporting.getSubmission("SOM", late.id)).toBeUndefined();
    });

    it("refuses a write from a read made before another write left the count and dates as they were", async () => {
      const state = await subject.store.registry.getState("SOM");
      const recorded = await recordSubmission(deps)("SOM", input("action-plan", "AP/SOM/1", "2026-05-04"), audit);
      await recordSubmission(deps)("SOM", input("action-plan", "AP/SOM/3", "2026-07-04"), audit);
      const before = await obligation("SOM", "action-plan");
      if (!state || !before) throw new Error("seeded State and obligation expected");
      const middle = await recordSubmission(deps)("SOM", input("action-plan", "AP/SOM/2", "2026-06-04"), audit);
      await voidSubmission(deps)("SOM", middle.value.id, 1, "recorded twice", audit);
      // Two submissions from 2026-05-04 to 2026-07-04 again, as `before` read them: only the revision tells.
      expect(await obligation("SOM", "action-plan")).toMatchObject({
        submissions: before.submissions,
        firstReceivedOn: before.firstReceivedOn,
        lastReceivedOn: before.lastReceivedOn,
      });
      const late: Submission = { ...recorded.value, id: "01J00000000000000000000ABA1", symbol: "AP/SOM/late" };
      await expect(
        reporting.recordSubmission(state, late, { before, after: { ...before, submissions: 3 } }, audit),
      ).rejects.toThrow(ObligationChanged);
      expect(await reporting.getSubmission("SOM", late.id)).toBeUndefined();
    });

    it("refuses additional information whose first report went since it was read, and the reverse (ObligationChanged)", async () => {
      const firstReport = await recordSubmission(deps)("GIN", input("first-report", "FR/GIN", "2026-05-04"), audit);
      const state = await subject.store.registry.getState("GIN");
      const information = await obligation("GIN", "additional-information");
      const reported = await obligation("GIN", "first-report");
      if (!state || !information || !reported) throw new Error("seeded State and obligations expected");
      await voidSubmission(deps)("GIN", firstReport.value.id, 1, "wrong State", audit);
      // As a writer that read the State while its first report still counted would send it.
      const late: Submission = {
        ...input("additional-information", "AI/GIN", "2026-06-01"),
        id: "01J0000000000000000000LATEAI",
        iso3: "GIN",
        recordedAt: "2027-03-01T09:00:00.000Z",
        recordedBy: "contract",
        updatedAt: "2027-03-01T09:00:00.000Z",
      };
      const informed = { ...information, status: "fulfilled" as const, submissions: 1 };
      await expect(
        reporting.recordSubmission(state, late, { before: information, after: informed }, audit),
      ).rejects.toThrow(ObligationChanged);
      expect(await reporting.getSubmission("GIN", late.id)).toBeUndefined();
      expect(await obligation("GIN", "additional-information")).toEqual(information);

      const again = await recordSubmission(deps)("GIN", input("first-report", "FR2/GIN", "2026-05-04"), audit);
      await recordSubmission(deps)("GIN", input("additional-information", "AI2/GIN", "2026-06-01"), audit);
      const stored = await reporting.getSubmission("GIN", again.value.id);
      if (!stored) throw new Error("the first report recorded again expected");
      // As a void that read the State before its additional information was recorded would send it.
      const now = "2027-03-01T09:00:00.000Z";
      await expect(
        reporting.rewriteSubmission({
          current: stored,
          expectedVersion: 1,
          next: { ...stored.value, voided: { at: now, by: "contract", reason: "wrong State" } },
          obligations: [
            {
              before: reported,
              after: { iso3: "GIN", kind: "first-report", mandatory: true, status: "outstanding", submissions: 0 },
            },
          ],
          releaseSymbol: true,
          audits: [],
        }),
      ).rejects.toThrow(ObligationChanged);
      expect(await obligation("GIN", "first-report")).toMatchObject({ status: "fulfilled", submissions: 1 });
      expect(await reporting.getSubmission("GIN", again.value.id)).toEqual(stored);
    });

    it("records several States' submissions in one step, each obligation moved once, or none of them", async () => {
      const recorded = await recordSubmissionsOfStates(deps)(
        [
          { iso3: "GIN", inputs: [input("action-plan", "AP/GIN/1", "2025-01-02"), input("action-plan", "AP/GIN/2")] },
          { iso3: "TCD", inputs: [input("first-report", "FR/TCD")] },
        ],
        audit,
      );
      expect(recorded).toBe(3);
      expect(await obligation("GIN", "action-plan")).toMatchObject({
        status: "fulfilled",
        submissions: 2,
        firstReceivedOn: "2025-01-02",
        lastReceivedOn: "2026-05-04",
      });
      expect((await subject.store.registry.getState("TCD"))?.value.reportingStatus).toBe("reported");

      // A second first report of TCD is refused with the first report of MLI in the same step: MLI gets nothing.
      await expect(
        recordSubmissionsOfStates(deps)(
          [
            { iso3: "MLI", inputs: [input("first-report", "FR/MLI")] },
            { iso3: "TCD", inputs: [input("first-report", "FR/TCD/2")] },
          ],
          audit,
        ),
      ).rejects.toThrow(Conflict);
      expect(await obligation("MLI", "first-report")).toMatchObject({ status: "outstanding", submissions: 0 });
      expect(await everyItem((page) => reporting.listSubmissions("MLI", page))).toEqual([]);
    });

    it("takes at most MAX_SUBMISSIONS_PER_RECORDING submissions in one step", async () => {
      const state = await subject.store.registry.getState("MLI");
      if (!state) throw new Error("seeded State expected");
      const many = Array.from({ length: MAX_SUBMISSIONS_PER_RECORDING + 1 }, (_, index) => ({
        ...input("additional-information", `AI/${index}`),
        id: `01J000000000000000000000${String(index).padStart(2, "0")}`,
        iso3: "MLI",
        recordedAt: "2027-03-01T09:00:00.000Z",
        recordedBy: "contract",
        updatedAt: "2027-03-01T09:00:00.000Z",
      }));
      await expect(reporting.recordSubmissions([{ state, submissions: many, obligations: [] }], audit)).rejects.toThrow(
        /at most/,
      );
      expect(await everyItem((page) => reporting.listSubmissions("MLI", page))).toEqual([]);
    });

    it("lists a State's submissions that count in id order, page by page; a cursor of another listing is refused", async () => {
      const ids: string[] = [];
      for (const symbol of ["AP/1", "AP/2", "AP/3", "AP/4"]) {
        subject.clock.advance(1000);
        ids.push((await recordSubmission(deps)("GIN", input("action-plan", symbol), audit)).value.id);
      }
      const voided = ids[1] ?? "";
      await voidSubmission(deps)("GIN", voided, 1, "recorded twice", audit);
      const listed = await everyItem((page) => reporting.listSubmissions("GIN", page));
      expect(listed.map((submission) => submission.value.id)).toEqual(ids.filter((id) => id !== voided).sort());
      const first = await reporting.listSubmissions("GIN", { limit: 1 });
      await expect(reporting.listSubmissions("MLI", { limit: 1, cursor: first.cursor })).rejects.toThrow(Malformed);
    });

    it("corrects at the expected version only; a new symbol frees the old one; a new date moves the State's", async () => {
      const recorded = await recordSubmission(deps)("SOM", input("first-report", "FR/SOM"), audit);
      await expect(correctSubmission(deps)("SOM", recorded.value.id, 2, { language: "ar" }, audit)).rejects.toThrow(
        PreconditionFailed,
      );
      const corrected = await correctSubmission(deps)(
        "SOM",
        recorded.value.id,
        1,
        { symbol: "FR/SOM/CORR", receivedOn: "2026-04-01" },
        audit,
      );
      expect(corrected.version).toBe(2);
      expect(await reporting.getSubmission("SOM", recorded.value.id)).toEqual(corrected);
      expect((await subject.store.registry.getState("SOM"))?.value.firstReportOn).toBe("2026-04-01");
      expect(await obligation("SOM", "first-report")).toMatchObject({ firstReceivedOn: "2026-04-01" });
      // The old symbol is free again: another State may record it.
      await recordSubmission(deps)("GIN", input("first-report", "FR/SOM"), audit);
      expect(await subject.auditActions({ type: "state", id: "SOM" })).toContain("submission.correct");
    });

    it("refuses a document under another State's assistance request, in words; takes its own State's (ADR 0068)", async () => {
      await chadsRequestUnder("S/AC.44/2027/40");
      const refused = recordSubmission(deps)("MLI", input("first-report", "s/ac.44/2027/40"), audit);
      await expect(refused).rejects.toMatchObject({
        kind: "conflict",
        details: { iso3: "TCD", requestId: "01J00000000000000000000REQ" },
        issues: [
          {
            path: "body.symbol",
            message:
              "s/ac.44/2027/40 is already recorded as State TCD's assistance request, received 2027-01-11: a document " +
              "shares its symbol only with an assistance request its own State made in it.",
          },
        ],
      });
      expect(await obligation("MLI", "first-report")).toMatchObject({ status: "outstanding", submissions: 0 });
      expect(await subject.auditActions({ type: "state", id: "MLI" })).toEqual(["registry.seed"]);

      // Chad's own report, the request made in it: taken. Voided, it lets the symbol go, but not the request.
      const report = await recordSubmission(deps)("TCD", input("first-report", "S/AC.44/2027/40"), audit);
      await expect(recordSubmission(deps)("MLI", input("action-plan", "S/AC.44/2027/40"), audit)).rejects.toMatchObject(
        {
          details: { iso3: "TCD", submissionId: report.value.id },
          message: expect.stringMatching(
            /is already recorded as State TCD's first national report, received 2026-05-04$/,
          ),
        },
      );
      await voidSubmission(deps)("TCD", report.value.id, 1, "recorded twice", audit);
      await expect(recordSubmission(deps)("MLI", input("action-plan", "S/AC.44/2027/40"), audit)).rejects.toMatchObject(
        {
          details: { iso3: "TCD", requestId: "01J00000000000000000000REQ" },
        },
      );
      const again = await recordSubmission(deps)("TCD", input("first-report", "S/AC.44/2027/40"), audit);
      expect(again.value).toMatchObject({ iso3: "TCD", symbol: "S/AC.44/2027/40" });
    });

    it("refuses a correction to another State's request's symbol, writing nothing", async () => {
      await chadsRequestUnder("S/AC.44/2027/41");
      const recorded = await recordSubmission(deps)("MLI", input("first-report", "S/AC.44/2027/1"), audit);
      await expect(
        correctSubmission(deps)("MLI", recorded.value.id, 1, { symbol: "S/AC.44/2027/41" }, audit),
      ).rejects.toMatchObject({ kind: "conflict", details: { iso3: "TCD", requestId: "01J00000000000000000000REQ" } });
      expect((await reporting.getSubmission("MLI", recorded.value.id))?.value.symbol).toBe("S/AC.44/2027/1");
    });

    it("voids a first report: its symbol released, the obligation back, the State non-reporting; not twice", async () => {
      const recorded = await recordSubmission(deps)("TCD", input("first-report", "FR/TCD"), audit);
      const voided = await voidSubmission(deps)("TCD", recorded.value.id, 1, "wrong State", audit);
      expect(voided.version).toBe(2);
      expect(await obligation("TCD", "first-report")).toEqual({
        iso3: "TCD",
        kind: "first-report",
        mandatory: true,
        status: "outstanding",
        submissions: 0,
        revision: 2,
      });
      const state = await subject.store.registry.getState("TCD");
      expect(state?.value.reportingStatus).toBe("non-reporting");
      expect(state?.value.firstReportOn).toBeUndefined();
      await expect(
        reporting.rewriteSubmission({
          current: voided,
          expectedVersion: 2,
          next: voided.value,
          obligations: [],
          releaseSymbol: false,
          audits: [],
        }),
      ).rejects.toMatchObject({
        kind: "conflict",
        reason: "submission-voided",
        message: expect.stringMatching(/is voided/),
      });
      await recordSubmission(deps)("MLI", input("first-report", "FR/TCD"), audit);
      expect(await everyItem((page) => reporting.statesWithObligation("first-report", "outstanding", page))).toEqual([
        "GIN",
        "SOM",
        "TCD",
      ]);
    });
  });
}
