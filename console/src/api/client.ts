// The typed API client: every call goes to the documented routes, on the console's own origin, with the session's
// bearer token (api/bearer.ts: an expired session's requests wait for the next). Types come from schema.d.ts,
// generated from the OpenAPI document.
import createClient from "openapi-fetch";
import { bearer } from "./bearer.ts";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];

/** The API shares the console's origin (locally the local gateway, on AWS the CloudFront distribution). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/** An answer the API refused, carrying its problem document for the form that sent it. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}

/** The data of a successful answer, or a ProblemError with the API's own words. */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  if (isProblem(result.error)) throw new ProblemError(result.error);
  throw new ProblemError({
    type: "about:blank",
    title: result.response.statusText || "Request failed",
    status: result.response.status,
  });
}

/** Every page of a paged list, followed cursor by cursor (lists are small: the 193 States, a few hundred contacts). */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; cursor?: string }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.cursor;
  } while (cursor);
  return items;
}
