// The assistance-report Lambda as a function of its dependencies: parse the scheduler's input, run the use case.
import type { Logger } from "@aws-lambda-powertools/logger";
import * as z from "zod";
import { type ReportDependencies, runAssistanceReport } from "#shared/assistance/report.ts";
import { reportIdSchema } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Invalid } from "#shared/errors.ts";

/** What a schedule passes (`input` in events/programme.json): nothing, or the period to report on. */
export const reportEventSchema = z.strictObject({
  period: reportIdSchema
    .optional()
    .describe("Report on this period (on its report day or later) instead of the latest whose report day has come"),
});

export interface ReportResult {
  reportId: string;
  pending: number;
  created: boolean;
  mailed: boolean;
}

export function createAssistanceReportHandler(deps: ReportDependencies & { logger: Pick<Logger, "info"> }) {
  const run = runAssistanceReport(deps);
  return async (event: unknown): Promise<ReportResult> => {
    const parsed = reportEventSchema.safeParse(event ?? {});
    if (!parsed.success) {
      throw new Invalid(
        "The schedule's input is not valid",
        parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      );
    }
    const { report, created, mailed } = await run(parsed.data, { actor: systemActor("assistance-report") });
    const result = { reportId: report.id, pending: report.totals.pending, created, mailed };
    // Counts and ids only: the recipient's address never reaches a log.
    deps.logger.info("pending-assistance report", result);
    return result;
  };
}
