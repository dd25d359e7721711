// `npm run migrate`: brings data written before the current index keys in step (ADR 0022): audit entries get their
// State, organization, actor and kind keys and their place on the timelines by the event's day (ADR 0063), letters
// their owner key, assistance requests recorded before ADR 0068 their place on their symbol's guard (as they are,
// even beside another State's document), then the search index is rebuilt from the records. Against the running
// local stack by default; against deployed tables with DESK_TABLE=<name> AUDIT_TABLE=<name> (and AWS credentials that
// may scan both and update their items). Idempotent; `--from <position>` resumes where a stopped run printed it was.
import { parseArgs } from "node:util";
import { backfillIndexKeys, decodePosition, encodePosition } from "../../shared/dossier/backfill.ts";
import { createDocumentClient } from "../../shared/dynamo/client.ts";
import { symbolsSharedAcrossStates } from "../../shared/reporting/symbols-shared-across-states.ts";
import { rebuildSearchIndex } from "../../shared/search/rebuild.ts";
import { maintenanceTables } from "../cli/maintenance-tables.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const MIGRATE_USAGE = `Usage: npm run migrate [-- --from <position>]
       DESK_TABLE=<desk table> AUDIT_TABLE=<audit table> npm run migrate [-- --from <position>]

Brings data written before its index keys in step (ADR 0022): audit entries get their State, organization, actor
and kind keys and their place on the timelines by the day their event happened (ADR 0063), letters their owner
key, assistance requests recorded before ADR 0068 their place on their symbol's guard (so that no other State's
document is recorded under their symbol), then the search index is rebuilt. A request that already shares its
symbol with another State's document is put on the guard as it is: the migration records, it refuses nothing.
Idempotent: a second run updates nothing.

Without DESK_TABLE it migrates the running local stack. With DESK_TABLE and AUDIT_TABLE (the Stateful stack's
deskTableName and auditTableName outputs) it migrates the deployed tables with your AWS credentials, in the region
AWS_REGION or your profile gives; it needs dynamodb:Scan and dynamodb:UpdateItem on both tables and
dynamodb:BatchWriteItem on the desk table.

  --from <position>  resume where a stopped run printed "to resume: --from <position>"
  -h, --help         this text
`;

async function migrate(from: string | undefined): Promise<void> {
  const { tableNames, client } = maintenanceTables();
  const deps = { doc: createDocumentClient(client), tableNames };
  try {
    const keys = await backfillIndexKeys(deps, from ? decodePosition(from) : undefined, (progress) =>
      process.stderr.write(
        `${progress.step}: scanned ${progress.scanned}, updated ${progress.updated}` +
          (progress.next ? `; to resume: --from ${encodePosition(progress.next)}\n` : "\n"),
      ),
    );
    console.log(
      `index keys: ${keys.audit.updated} of ${keys.audit.scanned} audit entries, ` +
        `${keys.letters.updated} letters (of ${keys.letters.scanned} items scanned) brought in step`,
    );
    const requests = keys["request-symbols"];
    console.log(
      `symbol guards: ${requests.updated} assistance requests put on their symbol's guard ` +
        `(of ${requests.scanned} items scanned)`,
    );
    const shared = await symbolsSharedAcrossStates(deps.doc, tableNames.desk);
    for (const { symbol, iso3, submissionId, requestIso3, requestId } of shared) {
      console.log(
        `${symbol}: ${iso3}'s document ${submissionId} and ${requestIso3}'s assistance request ${requestId} ` +
          "(recorded before ADR 0068): correct the symbol of the one that is wrong",
      );
    }
    const search = await rebuildSearchIndex(deps);
    console.log(
      `search index of ${tableNames.desk}: ${search.records} records, ${search.tokensWritten} tokens written, ` +
        `${search.tokensRemoved} stale tokens removed`,
    );
  } finally {
    client.destroy();
  }
}

/** The exit code: 0 done (or --help), 2 a usage error; a failed migration throws. */
async function main(argv: string[]): Promise<number> {
  let values: { from?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${MIGRATE_USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(MIGRATE_USAGE);
    return 0;
  }
  if (process.env.DESK_TABLE && !process.env.AUDIT_TABLE) {
    process.stderr.write(`AUDIT_TABLE=<name> goes with DESK_TABLE\n\n${MIGRATE_USAGE}`);
    return 2;
  }
  await migrate(values.from);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
