// The floor for bundle size and cold start: one AWS SDK v3 client, created, and none of the desk's code.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

// Exported so the bundler keeps it; configured from the same variables the handlers read.
export const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  endpoint: process.env.DYNAMODB_ENDPOINT,
  maxAttempts: 5,
});
