// A submission voided by a colleague while the State's page had it open, as the page tells it (voided-meanwhile.ts):
// the API's refusals of a write to a voided submission told from its other 409s (made by the reporting use cases on
// the in-memory stores, and mapped as the API maps them), who voided it from the timeline, and the words.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { toProblem } from "#shared/http/problem.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { correctSubmissionKind, voidSubmission } from "#shared/reporting/corrections.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import { correctSubmission, type ReportingDependencies, recordSubmission } from "#shared/reporting/submissions.ts";
import type { components } from "../../console/src/api/schema";
import {
  nowOnRecordWords,
  refusedAsVoided,
  voidedMeanwhileWords,
  voidedWords,
  voiderIn,
  voidTimelineDay,
} from "../../console/src/pages/state/voided-meanwhile.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { type InMemoryReporting, inMemoryReporting } from "../support/in-memory/reporting.ts";

type Schemas = components["schemas"];

const audit = { actor: systemActor("test") };
const clock = fixedClock("2027-03-01T09:00:00Z");
const problemOf = async (write: Promise<unknown>) => toProblem(await refusal(write), "/test", "c-1").problem;

describe("the API's refusal of a write to a voided submission", () => {
  let reporting: InMemoryReporting;
  let deps: ReportingDependencies;
  beforeEach(async () => {
    const registry = inMemoryRegistry(clock);
    await registry.addMissingStates(loadMemberStates(), initialObligationItems, audit);
    reporting = inMemoryReporting(clock, registry);
    deps = { registry, reporting, clock };
  });
  const record = (symbol: string) =>
    recordSubmission(deps)("SOM", { kind: "action-plan", symbol, receivedOn: "2026-05-04", language: "en" }, audit);

  it("is told by its 409, whether the submission was voided before the API read it or while it wrote", async () => {
    const plan = await record("AP/1");
    await voidSubmission(deps)("SOM", plan.value.id, 1, "recorded twice", audit);
    // Against the version as voided: the API reads it voided.
    const corrected = await problemOf(correctSubmission(deps)("SOM", plan.value.id, 2, { note: "n" }, audit));
    const rekinded = await problemOf(
      correctSubmissionKind(deps)("SOM", plan.value.id, 2, "matrix-review", "misfiled", audit),
    );
    const voidedAgain = await problemOf(voidSubmission(deps)("SOM", plan.value.id, 2, "twice", audit));
    // Voided by a colleague between the API's reading (still counting) and its write.
    const other = await record("AP/2");
    const racing: ReportingDependencies = {
      ...deps,
      reporting: {
        ...reporting,
        getSubmission: async (iso3, id) => {
          const read = await reporting.getSubmission(iso3, id);
          if (!read?.value.voided) await voidSubmission(deps)(iso3, id, 1, "recorded twice", audit);
          return read;
        },
      },
    };
    const raced = await problemOf(
      correctSubmissionKind(racing)("SOM", other.value.id, 1, "matrix-review", "misfiled", audit),
    );
    expect(raced.detail).toBe("Submission AP/2 is voided (recorded twice); a voided submission cannot be changed");
    for (const problem of [corrected, rekinded, voidedAgain, raced]) {
      expect(problem.status).toBe(409);
      expect(refusedAsVoided(problem)).toBe(true);
    }
  });

  it("is not any other 409 of a correction, nor a stale write's 412", async () => {
    const plan = await record("AP/1");
    const firstReport = await recordSubmission(deps)(
      "SOM",
      { kind: "first-report", symbol: "FR/1", receivedOn: "2026-05-04", language: "en" },
      audit,
    );
    const secondFirst = await problemOf(
      correctSubmissionKind(deps)("SOM", plan.value.id, 1, "first-report", "misfiled", audit),
    );
    expect(secondFirst.status).toBe(409);
    expect(refusedAsVoided(secondFirst)).toBe(false);
    const stale = await problemOf(correctSubmission(deps)("SOM", firstReport.value.id, 7, { note: "n" }, audit));
    expect(stale.status).toBe(412);
    expect(refusedAsVoided(stale)).toBe(false);
    expect(refusedAsVoided(undefined)).toBe(false);
  });
});

const plan: Schemas["Submission"] = {
  id: "01S",
  iso3: "ARG",
  kind: "action-plan",
  receivedOn: "2026-05-04",
  symbol: "S/AC.44/DEMO/AP/001",
  language: "es",
  recordedAt: "2026-05-05T09:00:00.000Z",
  recordedBy: "sub-1",
  updatedAt: "2026-12-07T02:00:00.000Z",
  // 21:00 on 6 December in New York.
  voided: { at: "2026-12-07T02:00:00.000Z", by: "sub-2", reason: "recorded twice" },
};

const entry = (
  action: string,
  id: string,
  actor: Schemas["TimelineEntry"]["actor"] = { kind: "user", id: "sub-2", username: "j.expert" },
): Schemas["TimelineEntry"] => ({
  on: "2026-12-06",
  at: "2026-12-07T02:00:00.000Z",
  kind: "submission",
  action,
  source: { type: "submission", id },
  actor,
});

describe("who voided it", () => {
  it("is the actor of that submission's void in the timeline, by username, else by the id the trail kept", () => {
    const entries = [
      entry("submission.void", "01OTHER"),
      entry("submission.correct", "01S"),
      entry("submission.void", "01S"),
    ];
    expect(voiderIn(entries, plan)).toBe("j.expert");
    expect(voiderIn([entry("submission.void", "01S", { kind: "user", id: "sub-2" })], plan)).toBe("sub-2");
    expect(voiderIn(entries.slice(0, 2), plan)).toBeUndefined();
  });

  it("is looked for on the desk's day the void was recorded, the day the timeline lists it on, not its UTC day", () => {
    // Before New York's midnight (UTC-5 in December) the UTC day is already the next.
    expect(voidTimelineDay({ at: "2026-12-07T02:00:00.000Z" })).toBe("2026-12-06");
    expect(voidTimelineDay({ at: "2026-12-07T04:59:59.000Z" })).toBe("2026-12-06");
    expect(voidTimelineDay({ at: "2026-12-07T05:00:00.000Z" })).toBe("2026-12-07");
  });
});

describe("what the page says", () => {
  it("says who voided it, on the desk's day, and why, and that the reader's change was not saved", () => {
    expect(voidedMeanwhileWords(plan, "j.expert")).toBe(
      "S/AC.44/DEMO/AP/001 was voided by j.expert on 2026-12-06: recorded twice. Your change was not saved: the " +
        "submission no longer counts, as if it had never been recorded.",
    );
    expect(voidedMeanwhileWords(plan, undefined)).toMatch(/^S\/AC\.44\/DEMO\/AP\/001 was voided by a colleague on /);
  });

  it("says the page's own void and a submission read again that still counts as before", () => {
    expect(voidedWords(plan)).toBe(
      "S/AC.44/DEMO/AP/001 voided (recorded twice): it no longer counts, as if it had never been recorded.",
    );
    expect(nowOnRecordWords(plan)).toBe("Now on record: S/AC.44/DEMO/AP/001, National implementation action plan.");
  });
});
