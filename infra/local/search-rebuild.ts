// `npm run search:rebuild`: rebuilds the search index from the desk table's stored records (ADR 0021). Against the
// running local stack by default; against a deployed table with DESK_TABLE=<name> (and AWS credentials that may scan
// it and write its SEARCH# partitions, in the region AWS_REGION or the profile gives), e.g. after the indexer's
// dead-letter alarm.
import { createDocumentClient } from "../../shared/dynamo/client.ts";
import { rebuildSearchIndex } from "../../shared/search/rebuild.ts";
import { maintenanceTables } from "../cli/maintenance-tables.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const { tableNames, client } = maintenanceTables();
try {
  const result = await rebuildSearchIndex({ doc: createDocumentClient(client), tableNames }, (scanned) =>
    process.stderr.write(`\rscanned ${scanned} items`),
  );
  process.stderr.write("\n");
  console.log(
    `search index of ${tableNames.desk}: ${result.records} records, ${result.tokensWritten} tokens written, ` +
      `${result.tokensRemoved} stale tokens removed`,
  );
} finally {
  client.destroy();
}
