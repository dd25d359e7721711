// A value built on its first use rather than at import, so a cold start does not pay for what only some calls need.

/**
 * Calls `build` on the first call and returns its value to every call after. A `build` that throws keeps nothing:
 * the caller gets the error and the next call builds again. What is built this way (formatters, the bundled
 * programme files) fails the same way every time, so each caller gets the same message in a fresh error of its own.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
