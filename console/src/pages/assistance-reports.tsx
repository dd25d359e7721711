// The pending-assistance reports (three a year): each one's totals, its rows, and its CSV fetched with the token. Every
// count and row in words: ages on the report's own scale (an older report's four buckets are not the snapshots'),
// providers by the names the report stored on its day (an older report's read now), the reasons a request needs
// attention as the report gives them.
import { useState } from "preact/hooks";
import { ageCountsInWords } from "../../../shared/assistance/age-buckets.ts";
import { followUpInWords } from "../../../shared/assistance/follow-up-words.ts";
import { offerOf } from "../../../shared/assistance/match-words.ts";
import { ownerInText } from "../../../shared/contacts/owner-in-text.ts";
import type { components } from "../api/schema";
import { href } from "../router.ts";
import { saveBlob } from "../ui/download.ts";
import { messageOf, Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { AssistanceLinks } from "./assistance-links.tsx";
import { report, reportCsv, reports } from "./assistance-offers-data.ts";
import { REQUEST_STATUS_WORDS, statusWords } from "./assistance-words.ts";
import { type OwnerNames, providerNameRead, withProviderNames } from "./provider-names.ts";
import { useOwnerNames } from "./use-owner-names.ts";

function useCsv() {
  const [failure, setFailure] = useState<string>();
  const save = (id: string) =>
    reportCsv(id).then(
      (blob) => {
        saveBlob(blob, `pending-assistance-${id}.csv`);
        setFailure(undefined);
      },
      (error: unknown) => setFailure(messageOf(error)),
    );
  const shown = failure && (
    <p role="alert" class="error">
      {failure}
    </p>
  );
  return [save, shown] as const;
}

type ReportMatch = components["schemas"]["AssistanceReport"]["requests"][number]["matches"][number];

/** "received 2, acknowledged 2, in the consent window 2, …": in the lifecycle's order, as stored keys are not. */
const statusCounts = (byStatus: Record<string, number>) =>
  Object.entries(REQUEST_STATUS_WORDS)
    .flatMap(([status, words]) => (byStatus[status] === undefined ? [] : [`${words} ${byStatus[status]}`]))
    .join(", ");

/**
 * "Germany's offer accepted", "the International Atomic Energy Agency's offer declined", as the report's mail says it:
 * by the name the report stored, or (an older report) the name read now; a provider with no name by its code.
 */
function matchWords(match: ReportMatch, names: OwnerNames): string {
  const name = match.providerName ?? providerNameRead(match.provider, names);
  return `${offerOf(ownerInText(match.provider, name))} ${match.status}`;
}

export function AssistanceReports() {
  const [loaded] = useLoad(reports, "assistance-reports");
  const [save, failure] = useCsv();
  return (
    <>
      <h1>Pending-assistance reports</h1>
      <AssistanceLinks current="reports" />
      <p>Three a year (the first by 30 April): every pending request, its age, status, matches and follow-up.</p>
      <Show what={loaded}>
        {(list) =>
          list.length === 0 ? (
            <p>No report has been made yet. The schedule makes one three times a year.</p>
          ) : (
            <ScrollTable label="Pending-assistance reports">
              <table data-list="assistance-reports">
                <caption class="visually-hidden">The reports, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Report</th>
                    <th scope="col">As of</th>
                    <th scope="col">Pending</th>
                    <th scope="col">By age</th>
                    <th scope="col">Follow-ups overdue</th>
                    <th scope="col">CSV</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((summary) => (
                    <tr key={summary.id}>
                      <th scope="row">
                        <a href={href.assistanceReport(summary.id)}>{summary.id}</a>
                      </th>
                      <td>{summary.asOf}</td>
                      <td class="number">{summary.totals.pending}</td>
                      <td>{ageCountsInWords(summary.totals.byAge)}</td>
                      <td class="number">{summary.totals.followUpsOverdue}</td>
                      <td>
                        <button type="button" onClick={() => void save(summary.id)}>
                          Report {summary.id} (CSV)
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </Show>
      {failure}
    </>
  );
}

export function AssistanceReportPage({ id }: { id: string }) {
  const [loaded] = useLoad(() => report(id), id);
  // An older report names providers by key (state:DEU) and stored no names: they are read beside it.
  const names = useOwnerNames();
  const [save, failure] = useCsv();
  return (
    <>
      <h1>Pending-assistance report {id}</h1>
      <AssistanceLinks current="reports" />
      <Show what={loaded}>
        {(shown) => (
          <>
            <p>
              {shown.periodFrom} to {shown.periodTo}, counted on {shown.asOf}: {shown.totals.pending} pending,{" "}
              {shown.totals.withoutMatch} circulated without a match, {shown.totals.followUpsOverdue} follow-ups overdue
              and {shown.totals.followUpsDue} due
              {shown.totals.needingAttention === undefined
                ? "."
                : `; ${shown.totals.needingAttention} needing attention.`}
            </p>
            <p>By status: {statusCounts(shown.totals.byStatus)}.</p>
            <p>By age since receipt: {ageCountsInWords(shown.totals.byAge)}.</p>
            <p>
              <button type="button" onClick={() => void save(id)}>
                Report {id} (CSV)
              </button>
            </p>
            {failure}
            <ScrollTable label="Pending requests in the report">
              <table>
                <caption class="visually-hidden">Every pending request in the report</caption>
                <thead>
                  <tr>
                    <th scope="col">Request</th>
                    <th scope="col">State</th>
                    <th scope="col">Status</th>
                    <th scope="col">Age (days)</th>
                    <th scope="col">Follow-up</th>
                    <th scope="col">Matches</th>
                    <th scope="col">Last action</th>
                    <th scope="col">Needs attention</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.requests.map((row) => (
                    <tr key={row.requestId}>
                      <td>
                        <a href={href.assistanceRequest(row.requestId)}>{row.symbol}</a>
                      </td>
                      <td>
                        <a href={href.state(row.iso3)}>{row.stateName ?? row.iso3}</a>
                      </td>
                      <td>{statusWords(row.status)}</td>
                      <td class="number">{row.ageDays}</td>
                      <td>{followUpInWords(row.followUp)}</td>
                      <td>{row.matches.map((match) => matchWords(match, names)).join(", ") || "none"}</td>
                      <td>
                        {withProviderNames(statusWords(row.lastAction.action), names)} {row.lastAction.on}
                      </td>
                      <td data-field="attention">{(row.attention ?? []).join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </>
        )}
      </Show>
    </>
  );
}
