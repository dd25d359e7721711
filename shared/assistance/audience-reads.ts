// The two reads the letters' audiences make of the assistance mechanism (pending requests, every offer), apart from
// the repository's writes, so that the functions that write letters do not carry the assistance writes' code: the
// correspondence api's bundle stood at its 500 KB budget (ADR 0014). The repository serves the same two reads.
import type { DynamoDBDocumentClient, QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { queryEveryPage } from "../dynamo/pagination.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import { ALL_OFFERS, requestStatusPartition } from "./keys.ts";
import {
  type AssistanceOffer,
  type AssistanceRequest,
  assistanceOfferSchema,
  assistanceRequestSchema,
} from "./schemas.ts";
import { pendingRequestStatuses } from "./transitions.ts";

export interface AssistanceAudienceReads {
  /** Every request in a pending status: one gsi1 partition per status. */
  pendingRequests(): Promise<AssistanceRequest[]>;
  /** Every offer, through the all-offers index partition (the Committee lists some 65 providers). */
  allOffers(): Promise<AssistanceOffer[]>;
}

export const versioned =
  <T>(parse: (raw: unknown) => T) =>
  (raw: Record<string, unknown>): Versioned<T> => ({ value: parse(raw), version: Number(raw.version) });

export const toRequest = versioned((raw) => assistanceRequestSchema.parse(raw));
export const toOffer = versioned((raw) => assistanceOfferSchema.parse(raw));

/** A Query of one partition of an index of the desk table (gsi1pk, gsi2pk, …). */
export const onIndex = (table: string, index: string, partition: string): QueryCommandInput => ({
  TableName: table,
  IndexName: index,
  KeyConditionExpression: `${index}pk = :partition`,
  ExpressionAttributeValues: { ":partition": partition },
});

export function assistanceAudienceReads(doc: DynamoDBDocumentClient, tableNames: TableNames): AssistanceAudienceReads {
  const table = tableNames.desk;
  return {
    async pendingRequests() {
      const pages = await Promise.all(
        pendingRequestStatuses.map((status) =>
          queryEveryPage(doc, onIndex(table, "gsi1", requestStatusPartition(status))),
        ),
      );
      return pages.flat().map((item) => toRequest(item).value);
    },
    async allOffers() {
      return (await queryEveryPage(doc, onIndex(table, "gsi1", ALL_OFFERS))).map((item) => toOffer(item).value);
    },
  };
}
