// requiresIfMatch carries into the handler's type: a number where the route demands If-Match, nothing elsewhere; a
// route run without the version it requires refuses (428) before its handler sees the request.
import { describe, expect, expectTypeOf, it } from "vitest";
import { defineRoute, type UnvalidatedRequest } from "#shared/http/route.ts";
import { PreconditionRequired } from "#shared/http/transport-errors.ts";

const request = (ifMatch: string | undefined): UnvalidatedRequest => ({
  params: {},
  ifMatch,
  query: () => ({}),
  body: () => undefined,
  actor: undefined,
  audit: { actor: { kind: "system", id: "test" }, route: "POST /things", correlationId: "c" },
});

const base = {
  method: "POST",
  path: "/things",
  operationId: "touchThing",
  summary: "A test route",
  tag: "Test",
  access: "open",
  responses: [{ status: 200, description: "The version seen" }],
} as const;

describe("requiresIfMatch", () => {
  const versioned = defineRoute({
    ...base,
    requiresIfMatch: true,
    async handle({ expectedVersion }) {
      expectTypeOf(expectedVersion).toEqualTypeOf<number>();
      return { body: { seen: expectedVersion } };
    },
  });
  const unversioned = defineRoute({
    ...base,
    async handle({ expectedVersion }) {
      expectTypeOf(expectedVersion).toEqualTypeOf<undefined>();
      return { body: { seen: expectedVersion ?? null } };
    },
  });

  it("hands the handler the version from If-Match", async () => {
    expect(await versioned.run(request('"7"'))).toEqual({ body: { seen: 7 } });
  });

  it("refuses a route that requires If-Match when no version came, before its handler runs", async () => {
    await expect(versioned.run(request(undefined))).rejects.toBeInstanceOf(PreconditionRequired);
  });

  it("gives a route without requiresIfMatch no version, whatever the request carried", async () => {
    expect(await unversioned.run(request('"3"'))).toEqual({ body: { seen: null } });
  });
});
