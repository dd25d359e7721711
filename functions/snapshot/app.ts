// The snapshot Lambda as a function of its dependencies: parse the scheduler's input, take the quarter's snapshot.
import type { Logger } from "@aws-lambda-powertools/logger";
import * as z from "zod";
import { systemActor } from "#shared/auth/actor.ts";
import { Invalid } from "#shared/errors.ts";
import { periodSchema } from "#shared/snapshots/schemas.ts";
import { type SnapshotDependencies, takeSnapshot } from "#shared/snapshots/snapshots.ts";
import { fieldIssuesOf } from "#shared/zod-issues.ts";

/** What the quarterly schedule passes: nothing (the quarter just ended, in New York), or a quarter to take. */
export const snapshotEventSchema = z.strictObject({
  period: periodSchema.optional().describe("Take this quarter instead of the one that just ended"),
});

export interface SnapshotResult {
  period: string;
  created: boolean;
  reported: number;
  nonReporting: number;
}

export function createSnapshotHandler(deps: SnapshotDependencies & { logger: Pick<Logger, "info"> }) {
  const take = takeSnapshot(deps);
  return async (event: unknown): Promise<SnapshotResult> => {
    const parsed = snapshotEventSchema.safeParse(event ?? {});
    if (!parsed.success) {
      throw new Invalid("The schedule's input is not valid", fieldIssuesOf(parsed.error));
    }
    const { snapshot, created } = await take(parsed.data, { actor: systemActor("snapshot") });
    const result = {
      period: snapshot.period,
      created,
      reported: snapshot.reporting.reported,
      nonReporting: snapshot.reporting.nonReporting,
    };
    deps.logger.info("quarterly snapshot", result);
    return result;
  };
}
