// The query parameters every list route shares: `limit` and the opaque `cursor`.
import * as z from "zod";

export const pageQueryShape = {
  limit: z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .optional()
    .describe("Items per page, 1 to 100 (default 50)"),
  cursor: z.string().min(1).optional().describe("The cursor returned with the previous page"),
};

export const DEFAULT_PAGE_SIZE = 50;

/** A page of items in a list response. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    cursor: z.string().optional().describe("Present when more items may follow"),
  });
}

/** A list route's only query: the page. */
export const pageQuerySchema = z.strictObject(pageQueryShape);

/** The page a validated query asks for. */
export function pageRequestOf(query: { limit?: number | undefined; cursor?: string | undefined }) {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
}
