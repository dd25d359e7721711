// The lower bound of a single-purpose function's cold start (ADR 0042): the floor, then the floor with what every
// such function must build (a Powertools logger and the DynamoDB document client), then that with N object schemas
// built at import in zod/mini and in zod classic, imported paired in the same rounds.
// Run: node --import tsx bench/cold-lower-bound.ts [rounds] [outDir]
import { bundle, bundleSource, FLOOR_NAME } from "./bundles.ts";
import { formatPaired, pairedImports } from "./paired-import.ts";
import { classicSchema, miniSchema } from "./zod-probe.ts";

const rounds = Number(process.argv[2] ?? 15);
const outDir = process.argv[3] ?? "/tmp/desk-cold-lower-bound";

const clients = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
export const logger = new Logger();
export const documentClient = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: process.env.AWS_REGION, endpoint: process.env.DYNAMODB_ENDPOINT, maxAttempts: 5 }),
  { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
);
`;

/** (a) plus what the desk's handlers really build: the same, through shared/runtime, with the X-Ray tracer. */
const deskRuntime = `
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { tracer } from "#shared/observability/tracer.ts";
export const logger = functionLogger();
export const documentClient = deskDocumentClient({ region: process.env.AWS_REGION, dynamoEndpoint: process.env.DYNAMODB_ENDPOINT });
export const handler = tracer().handler(async () => undefined);
`;

const withSchemas = (from: string, schema: string, count: number) =>
  `${clients}
import * as z from "${from}";
export const schemas = Array.from({ length: ${count} }, () => ${schema});`;

const targets = [await bundle(FLOOR_NAME, "bench/floor-entry.ts", outDir)];
targets.push(await bundleSource("(a) floor + logger + document client", clients, outDir));
targets.push(await bundleSource("(a') desk runtime: + tracer", deskRuntime, outDir));
for (const [flavour, schema] of [
  ["zod/mini", miniSchema],
  ["zod", classicSchema],
] as const) {
  for (const count of [1, 50, 150, 300]) {
    targets.push(await bundleSource(`(a) + ${flavour} x${count}`, withSchemas(flavour, schema, count), outDir));
  }
}
for (const t of targets) console.log(`${t.name}: ${(t.bytes / 1024).toFixed(1)} KB`);
const result = await pairedImports(targets, rounds, (round) => {
  if (round % 5 === 0) console.error(`${round}/${rounds} rounds`);
});
console.log(formatPaired(result));
