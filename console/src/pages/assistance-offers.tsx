// Providers of assistance and their offers: every provider with its areas and freshness (stale after 12 months), one
// provider's offers or all of them, and recording and correcting an offer for the groups that may.
import { useState } from "preact/hooks";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { counted } from "../ui/counted.ts";
import { Field, FormFrame, fieldProblem, formProblem, InputField, SelectField, useSubmit } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { AreasField } from "./assistance-areas-field.tsx";
import { AssistanceLinks } from "./assistance-links.tsx";
import { OffersTable } from "./assistance-offer-table.tsx";
import {
  type AssistanceArea,
  createOffer,
  type NewOffer,
  offers,
  providerKey,
  providers,
} from "./assistance-offers-data.ts";
import { areasInWords, providerStandingWords } from "./assistance-words.ts";
import { type OwnerNames, providerName, withProviderNames } from "./provider-names.ts";
import { useOwnerNames } from "./use-owner-names.ts";

function Providers({ chosen, names }: { chosen: string | undefined; names: OwnerNames }) {
  const [loaded] = useLoad(providers, "providers");
  return (
    <section aria-labelledby="providers-title">
      <h2 id="providers-title">Providers</h2>
      <Show what={loaded}>
        {(list) => (
          <ListTable
            label="Assistance providers"
            caption="Every provider with its areas and when it last updated an offer"
            list="providers"
            rows={list}
            keyOf={(summary) => providerKey(summary.provider)}
            classOf={(summary) => (summary.retiredOn ? "inactive" : undefined)}
            columns={[
              {
                header: "Provider",
                cell: (summary) => {
                  const key = providerKey(summary.provider);
                  return (
                    <a href={href.assistanceOffers(key)} aria-current={chosen === key ? "true" : undefined}>
                      {summary.name ?? providerName(summary.provider, names)}
                    </a>
                  );
                },
              },
              { header: "Areas", cell: (summary) => areasInWords(summary.areas) },
              {
                header: "Offers (active)",
                numeric: true,
                cell: (summary) => (
                  <>
                    {summary.offers} ({summary.activeOffers})
                  </>
                ),
              },
              {
                header: "Last updated",
                cell: (summary) => (
                  <>
                    {summary.lastUpdatedOn}
                    {providerStandingWords(summary)}
                  </>
                ),
              },
            ]}
          />
        )}
      </Show>
    </section>
  );
}

function Offers(props: {
  provider: string | undefined;
  round: number;
  names: OwnerNames;
  /** Given to the groups that may correct an offer: after one, the providers' freshness is read again too. */
  onCorrected: (() => void) | undefined;
}) {
  const { provider, names, onCorrected } = props;
  const [loaded, reload] = useLoad(() => offers(provider), `${provider ?? "all"}/${props.round}`);
  return (
    <section aria-labelledby="offers-title">
      <h2 id="offers-title">{provider ? `Offers of ${withProviderNames(provider, names)}` : "Every offer"}</h2>
      {provider && (
        <p>
          <a href={href.assistanceOffers()}>Show every provider's offers</a>
        </p>
      )}
      <Show what={loaded}>
        {(list) => (
          <>
            <p aria-live="polite">{counted(list.length, "offer")}</p>
            <OffersTable
              list={list}
              names={names}
              onCorrected={
                onCorrected &&
                (async () => {
                  await reload();
                  onCorrected();
                })
              }
            />
          </>
        )}
      </Show>
    </section>
  );
}

interface OfferForm {
  kind: "state" | "organization";
  provider: string;
  areas: AssistanceArea[];
  description: string;
  validFrom: string;
  validUntil: string;
}

const FIELDS = ["provider", "provider.iso3", "provider.id", "areas", "description", "validFrom", "validUntil"] as const;

function bodyOf(form: OfferForm): NewOffer {
  return {
    provider:
      form.kind === "state"
        ? { kind: "state", iso3: form.provider.trim() }
        : { kind: "organization", id: form.provider.trim() },
    areas: form.areas,
    description: form.description,
    validFrom: form.validFrom,
    ...(form.validUntil ? { validUntil: form.validUntil } : {}),
  };
}

function RecordOffer({ names, onRecorded }: { names: OwnerNames; onRecorded: () => void }) {
  const [form, setForm] = useState<OfferForm>({
    kind: "state",
    provider: "",
    areas: [],
    description: "",
    validFrom: "",
    validUntil: "",
  });
  const [recorded, setRecorded] = useState<string>();
  const { problem, busy, submit } = useSubmit(async () => {
    try {
      const offer = await createOffer(bodyOf(form));
      setRecorded(`Recorded the offer of ${providerName(offer.provider, names)}.`);
      onRecorded();
    } catch (error) {
      // A refusal leaves no word of an earlier offer recorded next to it.
      setRecorded(undefined);
      throw error;
    }
  });

  const providerProblem =
    fieldProblem(problem, "provider") ?? fieldProblem(problem, "provider.iso3") ?? fieldProblem(problem, "provider.id");
  const areasProblem = fieldProblem(problem, "areas");
  const general = formProblem(problem, FIELDS);
  return (
    <FormFrame
      titleId="offer-title"
      title="Record an offer"
      level={2}
      general={general}
      refusal={problem}
      onSubmit={submit}
      busy={busy}
      submitLabel="Record the offer"
    >
      {recorded && <p aria-live="polite">{recorded}</p>}
      <SelectField
        id="offer-kind"
        label="Provider kind"
        value={form.kind}
        choices={[
          ["state", "Member State"],
          ["organization", "Organization"],
        ]}
        onChange={(value) => setForm({ ...form, kind: value === "organization" ? "organization" : "state" })}
      />
      <InputField
        id="offer-provider"
        label={form.kind === "state" ? "State code (ISO 3166-1 alpha-3)" : "Organization id (e.g. iaea)"}
        problem={providerProblem}
        value={form.provider}
        onInput={(value) => setForm({ ...form, provider: value })}
      />
      <AreasField
        id="offer-areas"
        chosen={form.areas}
        problem={areasProblem}
        onChange={(areas) => setForm({ ...form, areas })}
      />
      <Field id="offer-description" label="Description" problem={fieldProblem(problem, "description")}>
        {(describedBy, invalid) => (
          <textarea
            id="offer-description"
            value={form.description}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setForm({ ...form, description: e.currentTarget.value })}
          />
        )}
      </Field>
      <InputField
        id="offer-valid-from"
        label="Valid from (YYYY-MM-DD)"
        problem={fieldProblem(problem, "validFrom")}
        inputMode="numeric"
        value={form.validFrom}
        onInput={(value) => setForm({ ...form, validFrom: value })}
      />
      <InputField
        id="offer-valid-until"
        label="Valid until (YYYY-MM-DD; open-ended when empty)"
        problem={fieldProblem(problem, "validUntil")}
        inputMode="numeric"
        value={form.validUntil}
        onInput={(value) => setForm({ ...form, validUntil: value })}
      />
    </FormFrame>
  );
}

export function AssistanceOffers({ query, session }: { query: URLSearchParams; session: Session }) {
  const provider = query.get("provider") ?? undefined;
  // Moves with each offer recorded (the offers and the providers are read again) and corrected (the providers).
  const [round, setRound] = useState(0);
  const [corrections, setCorrections] = useState(0);
  // Offers name their providers by code: the States' and organizations' names are read once for the page.
  const names = useOwnerNames();
  return (
    <>
      <h1>Offers and providers</h1>
      <AssistanceLinks current="offers" />
      <Offers
        provider={provider}
        round={round}
        names={names}
        onCorrected={
          may(session.group, "PATCH /assistance/offers/{id}") ? () => setCorrections((n) => n + 1) : undefined
        }
      />
      {may(session.group, "POST /assistance/offers") && (
        <RecordOffer names={names} onRecorded={() => setRound((n) => n + 1)} />
      )}
      <Providers key={`${round}/${corrections}`} chosen={provider} names={names} />
    </>
  );
}
