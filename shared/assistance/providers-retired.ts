// The providers as GET /assistance/providers answers them: each organization retired marked with its day (ADR 0061).
// Kept in the list, as the organizations' list keeps it: its offers are history a reader may look for. The audiences
// that write to providers leave it out (shared/correspondence/audiences.ts).

import type { OrganizationRepository } from "../organizations/repository.ts";
import { isRetired } from "../organizations/retirement-words.ts";
import type { ProviderSummary } from "./schemas.ts";

/** `summaries` with `retiredOn` on each retired organization's. */
export const markRetiredProviders =
  (deps: { organizations: Pick<OrganizationRepository, "getOrganizations"> }) =>
  async (summaries: readonly ProviderSummary[]): Promise<ProviderSummary[]> => {
    const ids = summaries.flatMap(({ provider }) => (provider.kind === "organization" ? [provider.id] : []));
    const organizations = await deps.organizations.getOrganizations(ids);
    return summaries.map((summary) => {
      const { provider } = summary;
      const organization = provider.kind === "organization" ? organizations.get(provider.id)?.value : undefined;
      return organization && isRetired(organization) ? { ...summary, retiredOn: organization.retiredOn } : summary;
    });
  };
