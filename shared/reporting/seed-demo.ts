// Seeds the demonstration submissions (local stack and tests only; a deployment starts with none).
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { loadMemberStates } from "../registry/member-states.ts";
import { registryRepository } from "../registry/repository.ts";
import type { TableNames } from "../tables.ts";
import { DEMO_NOTE, type DemoSubmission, demoSubmissions } from "./public-status.ts";
import { reportingRepository } from "./repository.ts";
import { recordSubmission } from "./submissions.ts";

const SEED_CONCURRENCY = 8;

export interface DemoSubmissionOptions {
  /** States the caller has just added: they have no submissions yet, so nothing is read to find out. */
  newStates?: ReadonlySet<string>;
}

/** Idempotent: a State whose obligation of a kind already has submissions gets no demo ones of that kind. */
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
  const audit = { actor: systemActor("seed-demo") };

  async function seedState(iso3: string, submissions: DemoSubmission[]): Promise<number> {
    const obligations = newStates.has(iso3) ? [] : await deps.reporting.obligations(iso3);
    const started = new Set(obligations.filter((o) => o.submissions > 0).map((o) => o.kind));
    let recorded = 0;
    // In order within a State: its two action plans touch the same obligation.
    for (const { iso3: _, ...input } of submissions) {
      if (started.has(input.kind)) continue;
      const language = languageOf.get(iso3) ?? "en";
      await recordSubmission(deps)(iso3, { ...input, language, note: DEMO_NOTE, demo: true }, audit);
      recorded++;
    }
    return recorded;
  }

  // States are independent partitions: a few at a time keeps a first start short.
  const entries = [...byState];
  let recorded = 0;
  for (let start = 0; start < entries.length; start += SEED_CONCURRENCY) {
    const counts = await Promise.all(
      entries.slice(start, start + SEED_CONCURRENCY).map(([iso3, submissions]) => seedState(iso3, submissions)),
    );
    recorded += counts.reduce((total, count) => total + count, 0);
  }
  return { recorded };
}
