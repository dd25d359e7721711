// The ses-events Lambda as a function of its dependencies: an SES event from EventBridge, parsed, applied to the
// ledger (and the contact's address). An event it cannot read is logged and acknowledged: retrying cannot fix it.
import type { Logger } from "@aws-lambda-powertools/logger";
import { recordSesEvent, type SesEventDependencies, sesEventSchema } from "#shared/correspondence/ses-events.ts";

export function createSesEventsHandler(deps: SesEventDependencies & { logger: Pick<Logger, "info" | "warn"> }) {
  const record = recordSesEvent(deps);
  return async (event: unknown) => {
    const parsed = sesEventSchema.safeParse(event);
    if (!parsed.success) {
      // Paths and codes only: an SES event carries addresses, and logs never do.
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.code}`);
      const detailType = typeof event === "object" && event !== null ? Reflect.get(event, "detail-type") : undefined;
      deps.logger.warn("SES event not understood; acknowledged", { detailType: String(detailType), issues });
      return { outcome: "not-understood" as const };
    }
    const result = await record(parsed.data);
    deps.logger.info("SES event", { eventId: parsed.data.id, ...result });
    return result;
  };
}
