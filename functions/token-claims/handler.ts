// The token-claims Lambda entry point: Cognito invokes it synchronously before it issues tokens, at each sign-in and
// each refresh. It reads the event alone: no client, no configuration.
import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";
import { tracer } from "#shared/observability/tracer.ts";
import { addEmailToAccessToken } from "./app.ts";

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(async (event: PreTokenGenerationV2TriggerEvent) =>
  addEmailToAccessToken(event),
);
