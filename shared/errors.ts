// The domain's failures, one class each; functions/api maps them to HTTP problems in one place.

export interface FieldIssue {
  /** Where the problem is, e.g. `body.cells.0.value` or `query.limit`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: string;
  override readonly name: string = this.constructor.name;
}

/** The request itself is unreadable: malformed JSON, a bad cursor, an unknown query key. */
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

export class Unauthenticated extends DomainError {
  readonly kind = "unauthenticated";
}

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

/** A duplicate, or a move the entity's lifecycle does not allow. */
export class Conflict extends DomainError {
  readonly kind = "conflict";
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The caller's `If-Match` names a version that is no longer current. */
export class PreconditionFailed extends DomainError {
  readonly kind = "precondition-failed";
  constructor(
    readonly entity: string,
    readonly currentEtag: string,
  ) {
    super(`${entity} has changed since it was read; fetch it again and retry with its current ETag`);
  }
}

/** An update sent without `If-Match`. */
export class PreconditionRequired extends DomainError {
  readonly kind = "precondition-required";
}

export class PayloadTooLarge extends DomainError {
  readonly kind = "payload-too-large";
}

export class UnsupportedMediaType extends DomainError {
  readonly kind = "unsupported-media-type";
}

export class MethodNotAllowed extends DomainError {
  readonly kind = "method-not-allowed";
  constructor(readonly allowed: string[]) {
    super(`This resource answers ${allowed.join(", ")}`);
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
