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
 * Idempotent: a State gets its demonstration set once, only while it holds no submission at all. One that holds any,
 * voided or corrected ones included, gets nothing: staff may have voided or re-kinded a demonstration submission, and
 * the next start must not record it again (its symbol may still be held, or it would undo the void). Recorded by the
 * rules of `recordSubmission`, many States at a time (`recordSubmissionsOfStates`), so a first start is short; a State's
 * set is written whole or not at all, so a start stopped half-way is finished by the next.
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
  const holding = await deps.reporting.statesHoldingSubmissions(kept);

  const batch: StateSubmissionInputs[] = [...byState]
    .filter(([iso3]) => !holding.has(iso3))
    .map(([iso3, submissions]) => {
      const language = languageOf.get(iso3) ?? "en";
      return {
        iso3,
        inputs: submissions.map(({ iso3: _, ...input }) => ({ ...input, language, note: DEMO_NOTE, demo: true })),
      };
    });
  const recorded = await recordSubmissionsOfStates(deps)(batch, { actor: systemActor("seed-demo") });
  return { recorded };
}
