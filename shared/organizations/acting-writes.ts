// A write that acts for an organization (a contact or an offer recorded or changed for it) touches the organization's
// item in its own transaction (ADR 0061). Refused once it is retired, for a write that read it before its retirement;
// and counted, so that a retirement that read "nothing acts for it" before this write fails its own condition
// (repository.ts `retireOrganization`). DynamoDB takes one operation per item in a transaction: the check and the
// count are one Update. The count never moves the organization's version, so its ETag stays as it was.
import type { GuardedWrite } from "../dynamo/transaction.ts";
import { NotFound } from "../errors.ts";
import { organizationKey } from "./keys.ts";
import { NOTHING_NEW, OrganizationRetired } from "./retired.ts";
import { organizationSchema } from "./schemas.ts";

/** The attribute counting the writes that acted for an organization; never part of its answers. */
export const ACTING_WRITES = "actingWrites";

/** The organization item's part of a write acting for it, in the desk `table`. */
export function actingForOrganization(table: string, organizationId: string): GuardedWrite {
  return {
    item: {
      Update: {
        TableName: table,
        Key: organizationKey(organizationId),
        UpdateExpression: "ADD #acting :one",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(retiredOn)",
        ExpressionAttributeNames: { "#acting": ACTING_WRITES },
        ExpressionAttributeValues: { ":one": 1 },
      },
    },
    onConditionFailed: (stored) =>
      stored
        ? new OrganizationRetired(organizationSchema.parse(stored), NOTHING_NEW)
        : new NotFound("Organization", organizationId),
  };
}
