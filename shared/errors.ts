// The domain's failures, one class each; shared/http/problem.ts maps them to HTTP problems in one place. Failures of
// the HTTP exchange itself (no token, wrong method, body too large...) are not the domain's: shared/http/transport-errors.ts.
import { etagOf } from "./versioning.ts";

export interface FieldIssue {
  /** Where the problem is, e.g. `body.cells.0.value` or `query.limit`. */
  path: string;
  message: string;
}

/**
 * Every kind of domain failure, closed: a class must name one of these, and shared/http/problem.ts must map each one
 * (tsc checks both), so a new kind cannot reach a caller as an unexplained 500.
 */
export type DomainErrorKind = "malformed" | "invalid" | "forbidden" | "not-found" | "conflict" | "precondition-failed";

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  override readonly name: string = this.constructor.name;
}

/**
 * The request itself is unreadable: malformed JSON, a bad cursor, an unknown query key, a file that is not CSV. Shared
 * by the HTTP layer and the domain's own readers (cursors, CSV imports, If-Match), hence a domain error.
 */
export class Malformed extends DomainError {
  readonly kind = "malformed";
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** Readable, but breaks the rules of its shape or of the domain; nothing was changed. */
export class Invalid extends DomainError {
  readonly kind = "invalid";
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** The caller's groups do not allow this: a route's access, or a domain rule such as what members may search. */
export class Forbidden extends DomainError {
  readonly kind = "forbidden";
}

export class NotFound extends DomainError {
  readonly kind = "not-found";
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/**
 * The conflicts a program may need to tell apart from the rest, named in the problem document (`reason`) beside the
 * words meant for people, so that a client need not read the detail.
 */
export const conflictReasons = ["submission-voided", "contact-deactivated"] as const;
type ConflictReason = (typeof conflictReasons)[number];

/** A duplicate, or a move the entity's lifecycle does not allow. */
export class Conflict extends DomainError {
  readonly kind = "conflict";
  readonly reason?: ConflictReason;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The caller's `If-Match` names a version that is not the current one: an older one (changed since it was read), or
 * one the entity never had (a guess, or an ETag of another resource). Versions, not ETags: their ETags are `etagOf`'s.
 */
export class PreconditionFailed extends DomainError {
  readonly kind = "precondition-failed";
  readonly currentEtag: string;
  constructor(
    readonly entity: string,
    current: number,
    expected: number,
  ) {
    const [now, named] = [etagOf(current), etagOf(expected)];
    super(
      expected < current
        ? `${entity} has changed since it was read: it is at ${now}, If-Match named ${named}; fetch it again and retry with its current ETag`
        : `${entity} is at ${now}; If-Match named ${named}, a version it has never had; fetch it again and retry with its current ETag`,
    );
    this.currentEtag = now;
  }
}

/** A lifecycle move that is not allowed from the current status; names the moves that are. */
export class IllegalTransition extends Conflict {
  constructor(
    readonly entity: string,
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(
      `${entity} cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.length ? allowed.join(", ") : "nothing (final)"}`,
    );
  }
}
