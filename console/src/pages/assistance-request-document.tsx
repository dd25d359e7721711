// The requesting State's documents, read once for a request's page: its line naming the document the request arrived
// in (the State's own under the same symbol, case aside: one symbol, one document, ADR 0068), and the feedback form,
// which offers those the State's note was recorded as already. A State's page marks the same pairing the other way.
import { possessive } from "../../../shared/possessive.ts";
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";
import { pageQuery } from "../api/page-query.ts";
import { href } from "../router.ts";
import { type Loaded, useLoad } from "../ui/load.tsx";
import { SUBMISSION_KINDS } from "./state/labels.ts";

type Submission = Schemas["Submission"];
type AssistanceRequest = Schemas["AssistanceRequest"];

/** Whether a document and a request go by one symbol: symbols are compared case aside, as the API's guard does. */
export const sharesSymbol = (document: Pick<Submission, "symbol">, request: Pick<AssistanceRequest, "symbol">) =>
  document.symbol.toUpperCase() === request.symbol.toUpperCase();

/** The State's documents that count: the list leaves the voided ones out. */
const documentsOf = (iso3: string) =>
  allPages(async (cursor) =>
    dataOf(await api.GET("/states/{iso3}/submissions", { params: { path: { iso3 }, query: pageQuery(cursor) } })),
  );

/** The requesting State's documents as its request's page read them, and their reading again (after feedback). */
export interface StateDocuments {
  read: Loaded<Submission[]>;
  reread: () => Promise<void>;
}

/**
 * The documents of the State `iso3`, read once its request is read (a request's State never changes); until then
 * there is nothing to read, and the reading stays loading.
 */
export function useStateDocuments(iso3: string | undefined): StateDocuments {
  const [read, reread] = useLoad(
    () => (iso3 === undefined ? new Promise<never>(() => undefined) : documentsOf(iso3)),
    iso3 ?? "",
  );
  return { read, reread };
}

/**
 * "Received in Gambia's first national report S/AC.44/2026/7 (received 2026-05-02)", linked to the State's page,
 * where the document is listed. Nothing while the documents are read, when none shares the symbol, or when they could
 * not be read: the line adds to the page, which stands without it.
 */
export function ReceivedInDocument(props: {
  request: Pick<AssistanceRequest, "iso3" | "symbol">;
  stateName: string;
  documents: StateDocuments;
}) {
  const { request } = props;
  const documents = props.documents.read;
  if (documents.status !== "ready") return null;
  // The State's own only: read for another request before, the list may still be another State's for a moment.
  const document = documents.data.find((held) => held.iso3 === request.iso3 && sharesSymbol(held, request));
  if (!document) return null;
  return (
    <p id="request-document">
      Received in{" "}
      <a href={href.state(document.iso3)}>
        {possessive(props.stateName)} {SUBMISSION_KINDS[document.kind].toLowerCase()} {document.symbol}
      </a>{" "}
      (received {document.receivedOn})
    </p>
  );
}
