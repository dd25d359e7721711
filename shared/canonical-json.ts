// JSON with every object's keys sorted (by code unit, so no locale decides): two values that say the same give the same
// text, however their keys were ordered. DynamoDB keeps no map's key order, and a caller may send any.

export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** Whether two values say the same, whatever their keys' order: a correction that says what is stored changes nothing. */
export const saysTheSame = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
