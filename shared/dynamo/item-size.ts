// An estimate of a DynamoDB item's stored size, so a write that would break the 400 KB item limit is
// refused with a clear answer instead of failing inside DynamoDB.

/** DynamoDB's hard limit is 400 KB; we stay well under it because this is an estimate. */
export const MAX_ITEM_BYTES = 350_000;

const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

/** Sizes as DynamoDB documents them: strings in UTF-8, numbers about one byte per two digits, +3/+1 per map or list. */
function valueBytes(value: unknown): number {
  if (value === undefined) return 0;
  if (value === null || typeof value === "boolean") return 1;
  if (typeof value === "string") return utf8(value);
  if (typeof value === "number") return Math.ceil(String(value).replace(/[-.]/g, "").length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueBytes(element), 0);
  if (typeof value === "object") {
    return (
      3 +
      Object.entries(value).reduce(
        (sum, [name, inner]) => (inner === undefined ? sum : sum + 1 + utf8(name) + valueBytes(inner)),
        0,
      )
    );
  }
  return utf8(String(value));
}

/** The estimated size of an item: each top-level attribute's name and value. */
export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => (value === undefined ? sum : sum + utf8(name) + valueBytes(value)),
    0,
  );
}
