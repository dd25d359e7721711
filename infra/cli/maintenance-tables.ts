// Which desk tables the maintenance commands (`npm run search:rebuild`, `npm run migrate`) work on, and a DynamoDB
// client for them: the running local stack's by default, or deployed ones named by DESK_TABLE (and AUDIT_TABLE).
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createDynamoClient } from "../../shared/dynamo/client.ts";
import type { TableNames } from "../../shared/tables.ts";
import { localPortsFromEnv, localTableNames, REGION } from "../local/stack.ts";

export interface MaintenanceTables {
  tableNames: TableNames;
  client: DynamoDBClient;
}

export function maintenanceTables(env: NodeJS.ProcessEnv = process.env): MaintenanceTables {
  const deployed = env.DESK_TABLE;
  if (!deployed) {
    return {
      tableNames: localTableNames(),
      client: createDynamoClient({ region: REGION, endpoint: `http://127.0.0.1:${localPortsFromEnv(env).dynamodb}` }),
    };
  }
  return {
    tableNames: { desk: deployed, audit: env.AUDIT_TABLE ?? "" },
    // The region as the AWS CLI finds it: AWS_REGION, AWS_DEFAULT_REGION (which the SDK alone does not read), else
    // the profile's, where the operator's credentials come from too.
    client: createDynamoClient({
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
      endpoint: env.DYNAMODB_ENDPOINT || undefined,
    }),
  };
}
