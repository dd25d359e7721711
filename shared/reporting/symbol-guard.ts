// One guard item per document symbol (case-insensitive) makes a symbol name one document across all States. It holds
// the submission recorded under the symbol (`iso3`, `submissionId`; released by a correction or a void) and the
// assistance request recorded under it (`requestIso3`, `requestId`, `requestReceivedOn`, so that a refusal can say it
// without reading it; a correction of the request moves them, ADR 0069). A document and a request share a symbol only
// when they are one State's:
// the request was made in that document, as a request inside a national report is (ADR 0068).
import type { GuardedWrite } from "../dynamo/transaction.ts";
import { Conflict } from "../errors.ts";
import { DocumentRecorded, type SymbolClaimant } from "./document-recorded.ts";

export const symbolGuardKey = (symbol: string) => ({ pk: `SYMBOL#${symbol.toUpperCase()}`, sk: "SYMBOL" });

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The refusal a guard's failed condition means, from the guard as it stands (`current`, undefined if unknown). */
export function symbolHeld(
  symbol: string,
  current: Record<string, unknown> | undefined,
  claimant: SymbolClaimant,
): DocumentRecorded {
  const submissionId = text(current?.submissionId);
  const requestId = text(current?.requestId);
  const receivedOn = text(current?.requestReceivedOn);
  if (submissionId || !requestId || !receivedOn) {
    // A document refused under a document is a plain duplicate: the rule of sharing is not what refused it.
    return new DocumentRecorded(
      symbol,
      { iso3: text(current?.iso3), submissionId },
      undefined,
      claimant === "request" ? claimant : undefined,
    );
  }
  return new DocumentRecorded(symbol, { iso3: text(current?.requestIso3), requestId, receivedOn }, undefined, claimant);
}

/** The request's part of its symbol's guard, as its recording and `npm run migrate` set it. */
export const requestOnSymbol = (request: { id: string; iso3: string; receivedOn: string }) => ({
  requestId: request.id,
  requestIso3: request.iso3,
  requestReceivedOn: request.receivedOn,
});

/**
 * The request's place on its symbol's guard, in the request's own transaction: refused while a document of another
 * State's holds the symbol. Requests among themselves are kept apart by their own guard (`requestSymbolKey`).
 */
export function requestUnderSymbol(
  table: string,
  request: { id: string; iso3: string; symbol: string; receivedOn: string },
): GuardedWrite {
  return {
    item: {
      Update: {
        TableName: table,
        Key: symbolGuardKey(request.symbol),
        UpdateExpression:
          "SET entity = if_not_exists(entity, :entity), symbol = if_not_exists(symbol, :symbol), " +
          "requestId = :requestId, requestIso3 = :requestIso3, requestReceivedOn = :requestReceivedOn",
        ConditionExpression: "attribute_not_exists(submissionId) OR iso3 = :requestIso3",
        ExpressionAttributeValues: {
          ":entity": "symbol",
          ":symbol": request.symbol,
          ...Object.fromEntries(Object.entries(requestOnSymbol(request)).map(([name, value]) => [`:${name}`, value])),
        },
      },
    },
    onConditionFailed: (current) => symbolHeld(request.symbol, current, "request"),
  };
}

/**
 * The request's place on its old symbol's guard given up, when a correction moves it to another symbol. A guard that
 * does not name it is data from before ADR 0068 that `npm run migrate` has not brought in step: refused, unchanged.
 */
export function requestOffSymbol(table: string, request: { id: string; symbol: string }): GuardedWrite {
  return {
    item: {
      Update: {
        TableName: table,
        Key: symbolGuardKey(request.symbol),
        UpdateExpression: "REMOVE requestId, requestIso3, requestReceivedOn",
        ConditionExpression: "requestId = :requestId",
        ExpressionAttributeValues: { ":requestId": request.id },
      },
    },
    onConditionFailed: () =>
      new Conflict(
        `The guard of the symbol ${request.symbol} does not name this request: it was recorded before ADR 0068 and ` +
          "`npm run migrate` has not been run since; an operator runs it, then the correction can be sent again",
      ),
  };
}
