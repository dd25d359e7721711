// Failures of the HTTP exchange itself, before any use case runs: no token, a method the path does not answer, a
// body too large or of the wrong type, an update without If-Match. Only the HTTP layer throws them; the domain's own
// failures are in shared/errors.ts. shared/http/problem.ts maps both.

/** Every kind of transport failure, closed like the domain's (shared/errors.ts): problem.ts must map each one. */
export type TransportErrorKind =
  | "unauthenticated"
  | "method-not-allowed"
  | "payload-too-large"
  | "unsupported-media-type"
  | "precondition-required";

export abstract class TransportError extends Error {
  abstract readonly kind: TransportErrorKind;
  override readonly name: string = this.constructor.name;
}

export class Unauthenticated extends TransportError {
  readonly kind = "unauthenticated";
}

export class MethodNotAllowed extends TransportError {
  readonly kind = "method-not-allowed";
  constructor(readonly allowed: string[]) {
    super(`This resource answers ${allowed.join(", ")}`);
  }
}

export class PayloadTooLarge extends TransportError {
  readonly kind = "payload-too-large";
}

export class UnsupportedMediaType extends TransportError {
  readonly kind = "unsupported-media-type";
}

/** An update sent without `If-Match`. */
export class PreconditionRequired extends TransportError {
  readonly kind = "precondition-required";
}
