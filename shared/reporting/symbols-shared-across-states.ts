// The symbols under which one State's document and another State's assistance request were both recorded before
// ADR 0068 refused it: `npm run migrate` names them once it has put older requests on their guards, for an officer to
// correct one of the two (each run names those still there). An operator's read, so it may Scan (paged).
import { type DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";

export interface SymbolSharedAcrossStates {
  symbol: string;
  /** The State whose document holds the symbol, and the document. */
  iso3: string;
  submissionId: string;
  /** The other State whose assistance request was recorded under it. */
  requestIso3: string;
  requestId: string;
}

export async function symbolsSharedAcrossStates(
  doc: DynamoDBDocumentClient,
  deskTable: string,
): Promise<SymbolSharedAcrossStates[]> {
  const found: SymbolSharedAcrossStates[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: deskTable,
        ExclusiveStartKey: startKey,
        FilterExpression:
          "entity = :symbol AND attribute_exists(submissionId) AND attribute_exists(requestIso3) AND iso3 <> requestIso3",
        ExpressionAttributeValues: { ":symbol": "symbol" },
        ProjectionExpression: "symbol, iso3, submissionId, requestIso3, requestId",
      }),
    );
    for (const item of page.Items ?? []) found.push(item as SymbolSharedAcrossStates);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found.sort((a, b) => a.symbol.localeCompare(b.symbol));
}
