// Optimistic locking: every entity carries a version; its ETag is derived from it and If-Match must name it.
import { Malformed } from "./errors.ts";

export interface Versioned<T> {
  value: T;
  version: number;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads an `If-Match` header naming one of our ETags; weak or wildcard validators do not identify a version. */
export function versionFromIfMatch(header: string): number {
  const match = /^\s*"(\d+)"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new Malformed('If-Match must be the ETag returned by a GET of this resource, e.g. "3"', [
      { path: "headers.if-match", message: "expected one strong ETag" },
    ]);
  }
  return Number(match[1]);
}
