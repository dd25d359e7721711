// Offers as a table, on the offers page and on a provider's own page, one not valid on the desk's day marked so in
// words (and shown as inactive), and for the groups that may, each corrected in place (assistance-offer-correction.tsx):
// a row's button opens the form below the list, Escape or its own button closes it, and the focus goes back to the
// row's button.
import { useState } from "preact/hooks";
import { deskToday } from "../ui/desk-today.ts";
import { useFocusReturn } from "../ui/focus-return.ts";
import { type Column, ListTable } from "../ui/list-table.tsx";
import { OfferCorrection } from "./assistance-offer-correction.tsx";
import type { AssistanceOffer } from "./assistance-offers-data.ts";
import { areasInWords } from "./assistance-words.ts";
import { validityMark, validityWords } from "./offer-validity-words.ts";
import { type OwnerNames, providerName } from "./provider-names.ts";

const descriptionId = (offer: AssistanceOffer) => `offer-${offer.id}-description`;

const OFFER_COLUMNS: readonly Column<AssistanceOffer>[] = [
  { header: "Areas", cell: (offer) => areasInWords(offer.areas) },
  { header: "Description", cell: (offer) => <span id={descriptionId(offer)}>{offer.description}</span> },
  {
    header: "Valid",
    cell: (offer) => {
      // Judged on the desk's day as drawn: the offers a match may be proposed from are the valid ones.
      const mark = validityMark(offer, deskToday());
      return (
        <>
          {validityWords(offer)}
          {mark && <strong>{` ${mark}.`}</strong>}
        </>
      );
    },
  },
  { header: "Last updated", cell: (offer) => offer.lastUpdatedOn },
];

/**
 * Offers in the order recorded; with `names`, each with its provider's name (every provider's offers), without it one
 * provider's (on its own page). With `onCorrected` (the groups that may correct an offer), each row has a button that
 * opens its correction; `onCorrected` reads the list again and resolves once it shows the change.
 */
export function OffersTable(props: {
  list: AssistanceOffer[];
  names?: OwnerNames;
  empty?: string;
  onCorrected?: () => Promise<void>;
}) {
  const { list, names, onCorrected } = props;
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const focusReturn = useFocusReturn();
  const close = () => {
    setEditing(undefined);
    focusReturn.closed();
  };
  const correct: Column<AssistanceOffer> = {
    header: "Actions",
    // Named alike on every row, told apart by the description it describes.
    cell: (offer) => (
      <button
        type="button"
        aria-describedby={descriptionId(offer)}
        onClick={() => {
          focusReturn.opened();
          setSaved(undefined);
          setEditing(offer.id);
        }}
      >
        Correct this offer
      </button>
    ),
  };
  const columns = [
    ...(names ? [{ header: "Provider", cell: (offer: AssistanceOffer) => providerName(offer.provider, names) }] : []),
    ...OFFER_COLUMNS,
    ...(onCorrected ? [correct] : []),
  ];
  return (
    <>
      <ListTable
        label="Offers"
        caption="Offers in the order recorded"
        list="offers"
        rows={list}
        keyOf={(offer) => offer.id}
        classOf={(offer) => (validityMark(offer, deskToday()) ? "inactive" : undefined)}
        empty={props.empty}
        columns={columns}
      />
      {onCorrected && editing && (
        <OfferCorrection
          key={editing}
          id={editing}
          onSaved={async (changed) => {
            // The form stays, busy, until the list shows the correction; then it closes.
            await onCorrected();
            setSaved(`Saved the correction: ${changed}.`);
            close();
          }}
          onClose={close}
          onKeyDown={focusReturn.escapeCloses(close)}
        />
      )}
      {saved && <p role="status">{saved}</p>}
    </>
  );
}
