// A record read with its ETag, to send back as If-Match: a write on a version someone else has changed since is
// refused with 412, and the console shows that refusal instead of overwriting their change.
export interface Versioned<T> {
  value: T;
  etag: string;
}

export function versionedOf<T>(value: T, response: Response): Versioned<T> {
  const etag = response.headers.get("etag");
  if (!etag) throw new Error("The API sent no ETag");
  return { value, etag };
}
