// The search indexer Lambda as a function of its dependencies: the desk table's stream records, in order, to the
// search index (ADR 0021). A failed record fails the batch from that record on, so the event source retries it
// (and splits the batch) before the batch goes to the dead-letter queue.
import type { Logger } from "@aws-lambda-powertools/logger";
// zod/mini, as shared/search/: the function carries no classic zod (ADR 0029).
import * as z from "zod/mini";
import { type IndexerDependencies, indexStreamRecords } from "#shared/search/indexer.ts";

const streamEventSchema = z.object({
  Records: z.array(z.looseObject({ dynamodb: z.looseObject({ SequenceNumber: z.optional(z.string()) }) })),
});

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export function createSearchIndexerHandler(deps: IndexerDependencies & { logger: Pick<Logger, "info" | "error"> }) {
  const index = indexStreamRecords(deps);
  return async (event: unknown): Promise<BatchResponse> => {
    const { Records: records } = streamEventSchema.parse(event);
    let writes = 0;
    for (const [position, record] of records.entries()) {
      try {
        writes += (await index([record])).writes;
      } catch (error) {
        // With ReportBatchItemFailures the source resumes from this record: the ones before it are done.
        const itemIdentifier = record.dynamodb.SequenceNumber ?? "";
        deps.logger.error("search indexing failed", { position, sequenceNumber: itemIdentifier, error });
        return { batchItemFailures: [{ itemIdentifier }] };
      }
    }
    deps.logger.info("search index updated", { records: records.length, writes });
    return { batchItemFailures: [] };
  };
}
