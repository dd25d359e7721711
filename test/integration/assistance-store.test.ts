// The DynamoDB assistance adapter passes the assistance store contract, on DynamoDB Local (memory does too). The
// States are seeded as the registry's seed does, with their obligations.
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { initialObligationItems, reportingRepository } from "#shared/reporting/repository.ts";
import { type AssistanceUnderTest, assistanceStoreContract } from "../contracts/assistance.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { aMemberState } from "../support/fixtures.ts";

assistanceStoreContract(async (): Promise<AssistanceUnderTest> => {
  const subject = await onDynamo(assistanceRepository);
  const registry = registryRepository(subject.doc, subject.tableNames, subject.clock);
  const reporting = reportingRepository(subject.doc, subject.tableNames, subject.clock);
  return {
    ...subject,
    givenStates: async (iso3s) => {
      const states = iso3s.map((iso3) => aMemberState(iso3));
      await registry.addMissingStates(states, initialObligationItems, { actor: systemActor("contract") });
    },
    obligationOf: async (iso3, kind) =>
      (await reporting.obligations(iso3)).find((obligation) => obligation.kind === kind),
  };
});
