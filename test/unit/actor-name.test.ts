// How the API names the person acting (audit 34, bug 4): by the access token's e-mail claim, which the deployed pool's
// trigger adds because the pool generates usernames (UUIDs); by the username only where a token has no e-mail claim;
// `sub` stays the actor's id. The local stand-in's tokens name people through the same claim.
import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { personNameOf } from "#shared/auth/token-claims.ts";
import { defineRoute } from "#shared/http/route.ts";
import { type ApiEvent, createRouter } from "#shared/http/router.ts";
import { generateJwtKeys, issueToken, verifyBearer } from "../../infra/local/jwt.ts";
import { apiEvent } from "../support/api-event.ts";

const GENERATED = "5f1c2a4e-8b7d-4c3a-9e21-0d6f4b8a7c13";

/** A route that answers with the actor the router made of the token (what audit entries and "by …" words take). */
const whoAmI = defineRoute({
  method: "GET",
  path: "/who-am-i",
  operationId: "whoAmI",
  tag: "Test",
  access: ["experts"],
  responses: [{ status: 200, description: "the actor" }],
  handle: async ({ audit }) => ({ body: audit.actor }),
});
const router = createRouter([whoAmI], new Logger({ serviceName: "desk-test", logLevel: "SILENT" }));

async function actorFor(claims: Record<string, string>): Promise<unknown> {
  const event: ApiEvent = apiEvent({ path: "/who-am-i", group: "experts" });
  const jwt = event.requestContext.authorizer?.jwt;
  if (!jwt) throw new Error("no authorizer context");
  jwt.claims = { "cognito:groups": "[experts]", token_use: "access", ...claims };
  const answer = (await router.dispatch(event, "test-1")) as APIGatewayProxyStructuredResultV2;
  expect(answer.statusCode).toBe(200);
  return JSON.parse(String(answer.body));
}

describe("the actor's name", () => {
  it("is the e-mail of a deployed access token, whose username Cognito generated; its id stays the sub", async () => {
    expect(await actorFor({ sub: GENERATED, username: GENERATED, email: "ada@un.example" })).toEqual({
      kind: "user",
      id: GENERATED,
      username: "ada@un.example",
      groups: ["experts"],
    });
  });

  it("is the username where the token carries no e-mail claim (issued before the trigger), or an ID token's", async () => {
    expect(await actorFor({ sub: GENERATED, username: "ana" })).toMatchObject({ username: "ana" });
    expect(personNameOf({ "cognito:username": "bo" })).toBe("bo");
    expect(personNameOf({ email: "", username: "ana" })).toBe("ana");
    expect(personNameOf({ sub: GENERATED })).toBeUndefined();
  });

  it("comes through the same claim from the local stand-in's tokens", async () => {
    const keys = await generateJwtKeys();
    const verified = await verifyBearer(
      keys,
      `Bearer ${await issueToken(keys, { group: "experts", username: "ada@un.example" })}`,
    );
    if (!verified.ok) throw new Error(verified.detail);
    expect(verified.claims.email).toBe("ada@un.example");
    expect(await actorFor(verified.claims)).toMatchObject({ id: verified.claims.sub, username: "ada@un.example" });
  });
});
