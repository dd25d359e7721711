// The assistance a State or an organization offers, on its own page: its offers as the offers page lists them (each
// corrected in place by the groups that may, so a stale provider is refreshed where it is seen), whether the API counts
// the provider stale (no offer updated within 12 months: the stale-providers letter writes to it), and the way to the
// offers page, where offers are recorded.
import { may } from "../auth/access.ts";
import { currentSession } from "../auth/session.ts";
import { href } from "../router.ts";
import { counted } from "../ui/counted.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { Panel } from "../ui/panel.tsx";
import { OffersTable } from "./assistance-offer-table.tsx";
import { offers, providerKey, providers } from "./assistance-offers-data.ts";

async function offersOf(provider: string) {
  const [list, summaries] = await Promise.all([offers(provider), providers()]);
  return { list, summary: summaries.find((summary) => providerKey(summary.provider) === provider) };
}

/**
 * `provider` as the API keys it (`state:<iso3>`, `organization:<id>`); `who`: "this State" or "this organization";
 * `onChanged`: after a correction, for the page to read what it shows of it again (its timeline).
 */
export function ProviderOffers({
  provider,
  who,
  onChanged,
  history = false,
}: {
  provider: string;
  who: string;
  onChanged?: () => unknown;
  /** Its offers are history (a retired organization, ADR 0061): shown, never corrected. */
  history?: boolean;
}) {
  // Read again after a correction, with the provider's standing: a new last-updated day may make it current.
  const [loaded, reload] = useLoad(() => offersOf(provider), provider);
  const mayCorrect = !history && may(currentSession.value?.group, "PATCH /assistance/offers/{id}");
  return (
    <Panel id="offers" title="Assistance offered">
      <Show what={loaded}>
        {({ list, summary }) => (
          <>
            {summary && (
              <p data-field="offers-standing">
                {counted(summary.offers, "offer")} ({summary.activeOffers} active), last updated {summary.lastUpdatedOn}
                {summary.stale ? ": stale, none updated within 12 months" : ""}.
              </p>
            )}
            <OffersTable
              list={list}
              empty={`No offer of assistance from ${who}.`}
              onCorrected={
                mayCorrect
                  ? async () => {
                      await Promise.all([reload(), onChanged?.()]);
                    }
                  : undefined
              }
            />
            <p>
              <a href={href.assistanceOffers(provider)}>Its offers on the offers page</a>, where offers are recorded.
            </p>
          </>
        )}
      </Show>
    </Panel>
  );
}
