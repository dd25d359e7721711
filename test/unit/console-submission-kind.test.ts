// How a State's page judges a submission's kind corrected, in Node, against the API's own use case on the in-memory
// stores: a kind is offered exactly when the API takes it (the others said with why), and what the question says the
// correction changes (both obligations, the reporting status) is what the API then derives; the words read plainly,
// and an incomplete form is refused at its fields before anything is asked.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict } from "#shared/errors.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { correctSubmissionKind } from "#shared/reporting/corrections.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import type { NewSubmission, SubmissionKind } from "#shared/reporting/schemas.ts";
import { allSubmissions, type ReportingDependencies, recordSubmission } from "#shared/reporting/submissions.ts";
import {
  type KindDossier,
  kindChoices,
  kindCorrectedWords,
  kindCorrectionOutcome,
  kindCorrectionWords,
  kindFormRefusal,
} from "../../console/src/pages/state/submission-kind.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryReporting } from "../support/in-memory/reporting.ts";

const audit = { actor: systemActor("test") };
const clock = fixedClock("2027-03-01T09:00:00Z");
const KINDS: SubmissionKind[] = [
  "first-report",
  "additional-information",
  "action-plan",
  "matrix-review",
  "effective-practices",
  "assistance-feedback",
];

type Recorded = [kind: SubmissionKind, symbol: string, receivedOn: string];

/** The stores of the scenario under test. */
let deps: ReportingDependencies;

/** A State's dossier as the page reads it from the API. */
async function dossierOf(iso3: string): Promise<KindDossier> {
  const state = await deps.registry.getState(iso3);
  if (!state) throw new Error(`no ${iso3}`);
  return {
    state: state.value,
    obligations: (await deps.reporting.obligations(iso3)) ?? [],
    submissions: await allSubmissions(deps, iso3),
  };
}

/** Fresh stores holding `recorded` for `iso3`, then the dossier and the submission named `symbol`. */
async function scenario(iso3: string, recorded: Recorded[], symbol: string) {
  const registry = inMemoryRegistry(clock);
  await registry.addMissingStates(loadMemberStates(), initialObligationItems, audit);
  deps = { registry, reporting: inMemoryReporting(clock, registry), clock };
  for (const [kind, recordedSymbol, receivedOn] of recorded) {
    const input: NewSubmission = { kind, symbol: recordedSymbol, receivedOn, language: "en" };
    await recordSubmission(deps)(iso3, input, audit);
  }
  const dossier = await dossierOf(iso3);
  const submission = dossier.submissions.find((one) => one.symbol === symbol);
  if (!submission) throw new Error(`no ${symbol}`);
  return { dossier, submission };
}

const SCENARIOS: { name: string; iso3: string; recorded: Recorded[]; symbol: string }[] = [
  {
    name: "an action plan from a non-reporting State",
    iso3: "TCD",
    recorded: [["action-plan", "AP/1", "2026-05-04"]],
    symbol: "AP/1",
  },
  {
    name: "a State's only first report",
    iso3: "MLI",
    recorded: [["first-report", "FR/1", "2026-05-04"]],
    symbol: "FR/1",
  },
  {
    name: "a first report with additional information after it",
    iso3: "MLI",
    recorded: [
      ["first-report", "FR/1", "2026-05-04"],
      ["additional-information", "AI/1", "2026-06-01"],
    ],
    symbol: "FR/1",
  },
  {
    name: "additional information after a first report",
    iso3: "MLI",
    recorded: [
      ["first-report", "FR/1", "2026-05-04"],
      ["additional-information", "AI/1", "2026-06-01"],
    ],
    symbol: "AI/1",
  },
  {
    name: "an action plan received before the first report",
    iso3: "MLI",
    recorded: [
      ["action-plan", "AP/1", "2026-05-01"],
      ["first-report", "FR/1", "2026-05-04"],
    ],
    symbol: "AP/1",
  },
  {
    name: "an action plan received after the first report",
    iso3: "MLI",
    recorded: [
      ["first-report", "FR/1", "2026-05-04"],
      ["action-plan", "AP/1", "2026-06-01"],
    ],
    symbol: "AP/1",
  },
];

describe("a submission's kind corrected, as the page judges it and the API does", () => {
  describe.each(SCENARIOS)("$name", ({ iso3, recorded, symbol }) => {
    it.each(KINDS)("offers %s exactly when the API takes it, and says beforehand what it derives", async (to) => {
      const { dossier, submission } = await scenario(iso3, recorded, symbol);
      const choices = kindChoices(dossier, submission);
      if (to === submission.kind) {
        expect([...choices.offered, ...choices.withheld.map((withheld) => withheld.kind)]).not.toContain(to);
        return;
      }
      const offered = choices.offered.includes(to);
      const written = correctSubmissionKind(deps)(iso3, submission.id, 1, to, "recorded under the wrong kind", audit);
      if (!offered) {
        expect(await refusal(written)).toBeInstanceOf(Conflict);
        return;
      }
      await written;
      const predicted = kindCorrectionOutcome(dossier, submission, to);
      const after = await dossierOf(iso3);
      const obligation = (kind: SubmissionKind) => {
        const found = after.obligations.find((one) => one.kind === kind);
        return found && { kind, submissions: found.submissions, status: found.status };
      };
      expect(predicted.leaving).toEqual(obligation(submission.kind));
      expect(predicted.joining).toEqual(obligation(to));
      expect(predicted.reportingStatus).toBe(after.state.reportingStatus);
    });
  });

  it("says why each kind is withheld, and what the first report re-kinded changes", async () => {
    const reported = await scenario("MLI", [["first-report", "FR/1", "2026-05-04"]], "FR/1");
    expect(kindChoices(reported.dossier, reported.submission).withheld).toEqual([
      {
        kind: "additional-information",
        why: "Additional information follows the first report, and this is the State's first report.",
      },
    ]);
    expect(kindCorrectionWords(reported.dossier, reported.submission, "action-plan")).toEqual([
      "FR/1 counts as National implementation action plan, no longer as First national report.",
      "First national report: none counts (outstanding: owed, not received).",
      "National implementation action plan: 1 submission counts (fulfilled).",
      "Mali becomes non-reporting: no first report of it would count.",
    ]);

    const followed = await scenario(
      "MLI",
      [
        ["first-report", "FR/1", "2026-05-04"],
        ["additional-information", "AI/1", "2026-06-01"],
      ],
      "FR/1",
    );
    const choices = kindChoices(followed.dossier, followed.submission);
    expect(choices.offered).toEqual([]);
    const leftAlone =
      "Mali would be left without a first report while its additional information (AI/1) counts: additional " +
      "information follows the first report, so void it or correct its kind first.";
    expect(choices.withheld).toEqual([
      {
        kind: "additional-information",
        why: "Additional information follows the first report, and this is the State's first report.",
      },
      ...["action-plan", "matrix-review", "effective-practices", "assistance-feedback"].map((kind) => ({
        kind,
        why: leftAlone,
      })),
    ]);
    // Asked of a kind it would refuse (the dossier read again since it was offered), the question says why instead.
    expect(kindCorrectionWords(followed.dossier, followed.submission, "action-plan")).toEqual([leftAlone]);

    const early = await scenario(
      "MLI",
      [
        ["action-plan", "AP/1", "2026-05-01"],
        ["first-report", "FR/1", "2026-05-04"],
      ],
      "AP/1",
    );
    expect(kindChoices(early.dossier, early.submission).withheld).toEqual([
      { kind: "first-report", why: "Mali has submitted its first report already (received 2026-05-04)." },
      {
        kind: "additional-information",
        why:
          "Additional information follows the first report: this was received on 2026-05-01, before the first " +
          "report (received 2026-05-04).",
      },
    ]);
  });

  it("says the State becomes reported when a document is re-kinded its first report, and stays so otherwise", async () => {
    const { dossier, submission } = await scenario("TCD", [["action-plan", "AP/1", "2026-05-04"]], "AP/1");
    expect(kindCorrectionWords(dossier, submission, "first-report").at(-1)).toBe(
      "Chad becomes reported, its first report received on 2026-05-04.",
    );
    expect(kindCorrectionWords(dossier, submission, "matrix-review").at(-1)).toBe(
      "Chad's reporting status stays non-reporting.",
    );
  });

  it("refuses an incomplete form at its fields before asking", () => {
    const choices = { offered: ["action-plan" as const], withheld: [] };
    expect(kindFormRefusal({ kind: "", reason: " " }, choices)?.errors).toEqual([
      { path: "body.kind", message: "Choose the kind the document is." },
      { path: "body.reason", message: "Say why the kind was wrong." },
    ]);
    // A kind not offered (the one it has, after the submission was read again) is no choice.
    expect(kindFormRefusal({ kind: "first-report", reason: "misfiled" }, choices)?.errors).toHaveLength(1);
    expect(kindFormRefusal({ kind: "action-plan", reason: "misfiled" }, choices)).toBeUndefined();
  });

  it("says what the submission is now and where the State stands, from the dossier read again", () => {
    expect(
      kindCorrectedWords({ symbol: "FR/1", kind: "action-plan" }, "first-report", {
        iso3: "MLI",
        name: "Mali",
        reportingStatus: "non-reporting",
      }),
    ).toBe(
      "FR/1 is now recorded as National implementation action plan (was First national report); Mali's reporting " +
        "status: non-reporting.",
    );
  });
});
