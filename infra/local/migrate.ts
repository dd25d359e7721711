// `npm run migrate`: brings data written before the current index keys in step (ADR 0022): audit entries get their
// State, actor and kind keys, letters their owner key, then the search index is rebuilt from the records. Against the
// running local stack by default; against deployed tables with DESK_TABLE=<name> AUDIT_TABLE=<name> (and AWS
// credentials that may scan both and update their items). Idempotent; `--from <position>` resumes where a stopped
// run printed it was.
import { parseArgs } from "node:util";
import { backfillIndexKeys, decodePosition, encodePosition } from "../../shared/dossier/backfill.ts";
import { createDocumentClient, createDynamoClient } from "../../shared/dynamo/client.ts";
import { rebuildSearchIndex } from "../../shared/search/rebuild.ts";
import { localPortsFromEnv, localTableNames, REGION } from "./stack.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const { values } = parseArgs({ options: { from: { type: "string" } } });
const deployed = process.env.DESK_TABLE;
if (deployed && !process.env.AUDIT_TABLE) throw new Error("AUDIT_TABLE=<name> goes with DESK_TABLE");
const tableNames = deployed ? { desk: deployed, audit: process.env.AUDIT_TABLE ?? "" } : localTableNames();
const endpoint = deployed
  ? process.env.DYNAMODB_ENDPOINT || undefined
  : `http://127.0.0.1:${localPortsFromEnv().dynamodb}`;
const client = createDynamoClient({ region: process.env.AWS_REGION || REGION, endpoint });
const deps = { doc: createDocumentClient(client), tableNames };
try {
  const keys = await backfillIndexKeys(deps, values.from ? decodePosition(values.from) : undefined, (progress) =>
    process.stderr.write(
      `${progress.step}: scanned ${progress.scanned}, updated ${progress.updated}` +
        (progress.next ? `; to resume: --from ${encodePosition(progress.next)}\n` : "\n"),
    ),
  );
  console.log(
    `index keys: ${keys.audit.updated} of ${keys.audit.scanned} audit entries, ` +
      `${keys.letters.updated} letters (of ${keys.letters.scanned} items scanned) brought in step`,
  );
  const search = await rebuildSearchIndex(deps);
  console.log(
    `search index of ${tableNames.desk}: ${search.records} records, ${search.tokensWritten} tokens written, ` +
      `${search.tokensRemoved} stale tokens removed`,
  );
} finally {
  client.destroy();
}
