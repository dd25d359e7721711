// Seeds the demonstration submissions (local stack and tests only; a deployment starts with none).
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { loadMemberStates } from "../registry/member-states.ts";
import { registryRepository } from "../registry/repository.ts";
import type { TableNames } from "../tables.ts";
import { DEMO_NOTE, type DemoSubmission, demoSubmissions } from "./public-status.ts";
import { reportingRepository } from "./repository.ts";
import { recordSubmissionsOfStates, type StateSubmissionInputs } from "./submissions.ts";

export interface DemoSubmissionOptions {
  /** States the caller has just added: they have no submissions yet, so nothing is read to find out. */
  newStates?: ReadonlySet<string>;
}

/**
 * Idempotent: a State whose obligation of a kind already has submissions gets no demo ones of that kind. Recorded by
 * the rules of `recordSubmission`, many States at a time (`recordSubmissionsOfStates`), so a first start is short.
 */
export async function seedDemoSubmissions(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
  { newStates = new Set() }: DemoSubmissionOptions = {},
): Promise<{ recorded: number }> {
  const deps = {
    registry: registryRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    clock,
  };
  const states = loadMemberStates();
  const languageOf = new Map(states.map((state) => [state.iso3, state.language]));
  const byState = new Map<string, DemoSubmission[]>();
  for (const submission of demoSubmissions(states.map((state) => state.iso3))) {
    byState.set(submission.iso3, [...(byState.get(submission.iso3) ?? []), submission]);
  }
  const kept = [...byState.keys()].filter((iso3) => !newStates.has(iso3));
  const obligations = await deps.reporting.obligationsByState(kept);

  const batch: StateSubmissionInputs[] = [...byState].flatMap(([iso3, submissions]) => {
    const started = new Set((obligations.get(iso3) ?? []).filter((o) => o.submissions > 0).map((o) => o.kind));
    const language = languageOf.get(iso3) ?? "en";
    const inputs = submissions
      .filter((submission) => !started.has(submission.kind))
      .map(({ iso3: _, ...input }) => ({ ...input, language, note: DEMO_NOTE, demo: true }));
    return inputs.length > 0 ? [{ iso3, inputs }] : [];
  });
  const recorded = await recordSubmissionsOfStates(deps)(batch, { actor: systemActor("seed-demo") });
  return { recorded };
}
