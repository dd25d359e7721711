// The assistance a State or an organization offers, on its own page: its offers as the offers page lists them, whether
// the API counts the provider stale (no offer updated within 12 months: the stale-providers letter writes to it), and
// the way to the offers page, where offers are recorded.
import { href } from "../router.ts";
import { counted } from "../ui/counted.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { Panel } from "../ui/panel.tsx";
import { OffersTable } from "./assistance-offers.tsx";
import { offers, providerKey, providers } from "./assistance-offers-data.ts";

async function offersOf(provider: string) {
  const [list, summaries] = await Promise.all([offers(provider), providers()]);
  return { list, summary: summaries.find((summary) => providerKey(summary.provider) === provider) };
}

/** `provider` as the API keys it (`state:<iso3>`, `organization:<id>`); `who`: "this State" or "this organization". */
export function ProviderOffers({ provider, who }: { provider: string; who: string }) {
  const [loaded] = useLoad(() => offersOf(provider), provider);
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
            <OffersTable list={list} empty={`No offer of assistance from ${who}.`} />
            <p>
              <a href={href.assistanceOffers(provider)}>Its offers on the offers page</a>, where offers are recorded.
            </p>
          </>
        )}
      </Show>
    </Panel>
  );
}
