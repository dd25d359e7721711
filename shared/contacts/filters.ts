// The filters of the contact list and export, and which combinations of them a Query can serve.
import * as z from "zod";
import type { ContactFilter } from "./repository.ts";
import { contactRoleSchema, emailStatusSchema, ownerOf, ownerSchema } from "./schemas.ts";

const booleanText = z.enum(["true", "false"]).transform((value) => value === "true");

/** The query keys both the list and the export take; each route adds its own (paging on the list). */
export const contactFilterShape = {
  owner: ownerSchema
    .optional()
    .describe("STATE:<iso3> or ORG:<id>: that owner's contacts (any other filter may be added)"),
  role: contactRoleSchema.optional(),
  emailStatus: emailStatusSchema.optional(),
  active: booleanText.optional().describe("true: only active contacts; false: only deactivated ones"),
  stale: booleanText
    .optional()
    .describe(
      "true: active contacts not verified for 12 months (oldest first); false: active, verified within 12 months",
    ),
};

type FilterQuery = {
  owner?: string | undefined;
  role?: ContactFilter["role"];
  emailStatus?: ContactFilter["emailStatus"];
  active?: boolean | undefined;
  stale?: boolean | undefined;
};

/**
 * Each list is one Query: the owner's partition takes any other filter (it is small); without an owner, each of
 * role, emailStatus and stale is its own index, so at most one of them; `active` filters any of them.
 */
export function filterProblem(query: FilterQuery): { path: string; message: string } | undefined {
  if (query.stale !== undefined && query.active === false) {
    return { path: "stale", message: "stale applies to active contacts only; do not combine it with active=false" };
  }
  if (!query.owner) {
    const selectors = (["role", "emailStatus", "stale"] as const).filter((key) => query[key] !== undefined);
    if (selectors.length > 1) {
      return {
        path: selectors[1] ?? "role",
        message:
          `${selectors.join(" and ")} cannot be combined without owner: each is served by its own index. ` +
          "Use one of them (with active if needed), or name an owner to combine them all",
      };
    }
  }
  return undefined;
}

/** Adds the combination rule to a query schema built on `contactFilterShape`. */
export function withFilterRule<S extends z.ZodType<FilterQuery>>(schema: S) {
  return schema.superRefine((query, context) => {
    const problem = filterProblem(query);
    if (problem) context.addIssue({ code: "custom", path: [problem.path], message: problem.message });
  });
}

export const filterOf = (query: FilterQuery): ContactFilter => ({
  owner: query.owner ? ownerOf(query.owner) : undefined,
  role: query.role,
  emailStatus: query.emailStatus,
  active: query.active,
  stale: query.stale,
});
