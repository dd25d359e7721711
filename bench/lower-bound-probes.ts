// The probes of ADR 0042's lower bound: what any single-purpose function builds before its own code (a Powertools
// logger and the DynamoDB document client), then that with object schemas built at import in zod/mini or zod classic.
import { classicSchema, miniSchema } from "./zod-probe.ts";

export const CLIENTS_PROBE_NAME = "lower bound: floor + logger + document client";

export const clientsProbe = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Logger } from "@aws-lambda-powertools/logger";
export const logger = new Logger();
export const documentClient = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: process.env.AWS_REGION, endpoint: process.env.DYNAMODB_ENDPOINT, maxAttempts: 5 }),
  { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
);
`;

export type ZodFlavour = "zod/mini" | "zod";

export const schemasProbeName = (flavour: ZodFlavour, count: number) =>
  `lower bound: + ${flavour}, ${count === 1 ? "one schema" : `${count} schemas`}`;

/** The clients probe with `count` copies of zod-probe's contact-like schema built at import. */
export const schemasProbe = (flavour: ZodFlavour, count: number) =>
  `${clientsProbe}
import * as z from "${flavour}";
export const schemas = Array.from({ length: ${count} }, () => ${flavour === "zod" ? classicSchema : miniSchema});`;
