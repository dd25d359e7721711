// How a request's consent window was counted, after its closing day on the request's page: the circulars whose
// holidays it skipped, linked to the holidays on record, or the years it counted on weekends only, each linked to its
// page, where the secretariat may record it.
import { href } from "../router.ts";
import type { CountedPart } from "./assistance-request-standing.ts";

export function ConsentWindowCounted({ parts }: { parts: readonly CountedPart[] }) {
  if (parts.length === 0) return null;
  return (
    <span data-field="consent-window-counted">
      {" ("}
      {parts.map((part) =>
        "text" in part ? (
          part.text
        ) : "circulars" in part ? (
          <a key="circulars" href={href.holidays()}>
            {part.circulars}
          </a>
        ) : (
          <a key={part.yearNotOnRecord} href={href.holidaysYear(part.yearNotOnRecord)}>
            {part.yearNotOnRecord}
          </a>
        ),
      )}
      )
    </span>
  );
}
