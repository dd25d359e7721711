import { describe, expect, it } from "vitest";
import {
  Conflict,
  DomainError,
  Forbidden,
  IllegalTransition,
  Invalid,
  Malformed,
  NotFound,
  PreconditionFailed,
} from "#shared/errors.ts";
import { toProblem } from "#shared/http/problem.ts";
import {
  MethodNotAllowed,
  PayloadTooLarge,
  PreconditionRequired,
  TransportError,
  Unauthenticated,
  UnsupportedMediaType,
} from "#shared/http/transport-errors.ts";
import { SubmissionVoided } from "#shared/reporting/submission-voided.ts";

const answer = (error: unknown) => toProblem(error, "/states/CHE", "corr-1");

describe("toProblem", () => {
  it.each([
    [new Malformed("bad"), 400, "malformed", "Malformed request"],
    [new Unauthenticated("no token"), 401, "unauthenticated", "Authentication required"],
    [new Forbidden("not yours"), 403, "forbidden", "Forbidden"],
    [new NotFound("State", "VAT"), 404, "not-found", "Not found"],
    [new MethodNotAllowed(["GET"]), 405, "method-not-allowed", "Method not allowed"],
    [new Conflict("duplicate"), 409, "conflict", "Conflict"],
    [new IllegalTransition("Wave", "draft", "completed", ["scheduled"]), 409, "conflict", "Conflict"],
    [new PreconditionFailed("State", 3, 2), 412, "precondition-failed", "Precondition failed"],
    [new PayloadTooLarge("too big"), 413, "payload-too-large", "Payload too large"],
    [new UnsupportedMediaType("not json"), 415, "unsupported-media-type", "Unsupported media type"],
    [new Invalid("breaks a rule"), 422, "invalid", "Unprocessable content"],
    [new PreconditionRequired("send If-Match"), 428, "precondition-required", "Precondition required"],
  ])("answers %s with its own status, type and title", (error, status, kind, title) => {
    const { status: answered, problem } = answer(error);
    expect(answered).toBe(status);
    expect(problem).toMatchObject({
      type: `/problems/${kind}`,
      title,
      status,
      detail: (error as Error).message,
      instance: "/states/CHE",
      correlationId: "corr-1",
    });
  });

  it("keeps the headers each kind carries: Allow, the current ETag, the Bearer challenge", () => {
    expect(answer(new MethodNotAllowed(["GET", "PATCH"])).headers).toEqual({ allow: "GET, PATCH" });
    expect(answer(new MethodNotAllowed(["GET"])).problem.allowed).toEqual(["GET"]);
    expect(answer(new PreconditionFailed("State", 4, 3)).headers).toEqual({ etag: '"4"' });
    expect(answer(new Unauthenticated("no token")).headers).toEqual({ "www-authenticate": 'Bearer realm="desk-1540"' });
    expect(answer(new IllegalTransition("Wave", "draft", "completed", ["scheduled"])).problem.allowed).toEqual([
      "scheduled",
    ]);
  });

  it("names a conflict a program tells apart (reason), and no other", () => {
    const voided = new SubmissionVoided("S/AC.44/2026/1", { at: "2026-12-01T10:00:00.000Z", by: "e", reason: "twice" });
    expect(answer(voided).problem).toMatchObject({
      status: 409,
      type: "/problems/conflict",
      reason: "submission-voided",
      detail: "Submission S/AC.44/2026/1 is voided (twice); a voided submission cannot be changed",
    });
    expect(answer(new Conflict("duplicate")).problem).not.toHaveProperty("reason");
    expect(answer(new IllegalTransition("Wave", "draft", "completed", [])).problem).not.toHaveProperty("reason");
  });

  it("lists field issues only when there are some", () => {
    const issues = [{ path: "body.language", message: "must be a UN language" }];
    expect(answer(new Invalid("bad", issues)).problem.errors).toEqual(issues);
    expect(answer(new Invalid("bad")).problem.errors).toBeUndefined();
  });

  it("answers anything else with a 500 that reveals nothing of its cause", () => {
    const { status, problem } = answer(new Error("table desk not found at 10.0.0.1"));
    expect(status).toBe(500);
    expect(problem).toEqual({
      type: "/problems/internal",
      title: "Internal error",
      status: 500,
      detail: "The request failed on our side; quote the correlation id when you report it",
      instance: "/states/CHE",
      correlationId: "corr-1",
    });
  });

  it("accepts no error class whose kind lies outside the closed unions (checked by tsc)", () => {
    class Odd extends DomainError {
      // @ts-expect-error a domain error must name one of DomainErrorKind, which problem.ts maps in full
      readonly kind = "odd";
    }
    class Loud extends TransportError {
      // @ts-expect-error a transport error must name one of TransportErrorKind
      readonly kind = "too-loud";
    }
    expect(answer(new Odd("odd")).status).toBe(500);
    expect(answer(new Loud("loud")).status).toBe(500);
  });
});
