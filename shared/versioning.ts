// Optimistic locking: every entity carries a version; its ETag is derived from it and If-Match must name it.
import { Malformed } from "./errors.ts";

export interface Versioned<T> {
  value: T;
  version: number;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads an `If-Match` header naming one of our ETags. Whatever `etagOf` could never have written is refused as
 * malformed (400), like a weak or wildcard validator: a leading zero, or a number past the safe integers, which no
 * entity reaches and which DynamoDB's marshaller would refuse with a 500. Only a well-formed version that is no longer
 * current is stale (412, judged by the store).
 */
export function versionFromIfMatch(header: string): number {
  const digits = /^\s*"(0|[1-9]\d*)"\s*$/.exec(header)?.[1];
  const version = Number(digits);
  if (digits === undefined || !Number.isSafeInteger(version)) {
    throw new Malformed('If-Match must be the ETag returned by a GET of this resource, e.g. "3"', [
      { path: "headers.if-match", message: "expected one strong ETag" },
    ]);
  }
  return version;
}
