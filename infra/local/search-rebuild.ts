// `npm run search:rebuild`: rebuilds the search index from the desk table's stored records (ADR 0021). Against the
// running local stack by default; against a deployed table with DESK_TABLE=<name> (and AWS credentials that may scan
// it and write its SEARCH# partitions), e.g. after the indexer's dead-letter alarm.
import { createDocumentClient, createDynamoClient } from "../../shared/dynamo/client.ts";
import { rebuildSearchIndex } from "../../shared/search/rebuild.ts";
import { localPortsFromEnv, localTableNames, REGION } from "./stack.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const deployed = process.env.DESK_TABLE;
const tableNames = deployed ? { desk: deployed, audit: process.env.AUDIT_TABLE ?? "" } : localTableNames();
const endpoint = deployed
  ? process.env.DYNAMODB_ENDPOINT || undefined
  : `http://127.0.0.1:${localPortsFromEnv().dynamodb}`;
const client = createDynamoClient({ region: process.env.AWS_REGION || REGION, endpoint });
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
