// The DynamoDB assistance adapter passes the assistance store contract, on DynamoDB Local (memory does too). The
// States are seeded as the registry's seed does, with their obligations.
import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { feedbackKey, offerContentKey } from "#shared/assistance/keys.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { initialObligationItems, reportingRepository } from "#shared/reporting/repository.ts";
import { symbolGuardKey } from "#shared/reporting/symbol-guard.ts";
import { type AssistanceUnderTest, assistanceStoreContract } from "../contracts/assistance.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { aMemberState } from "../support/fixtures.ts";

assistanceStoreContract(async (): Promise<AssistanceUnderTest> => {
  const subject = await onDynamo(assistanceRepository);
  const registry = registryRepository(subject.doc, subject.tableNames, subject.clock);
  const reporting = reportingRepository(subject.doc, subject.tableNames, subject.clock);
  return {
    ...subject,
    organizations: organizationRepository(subject.doc, subject.tableNames, subject.clock),
    givenStates: async (iso3s) => {
      const states = iso3s.map((iso3) => aMemberState(iso3));
      await registry.addMissingStates(states, initialObligationItems, { actor: systemActor("contract") });
    },
    // Written as a store written now holds it, then its guard deleted: what a store from before the guards holds.
    givenOfferRecordedBeforeGuards: async (offer) => {
      await subject.store.write([subject.store.newOffer(offer)]);
      await subject.doc.send(new DeleteCommand({ TableName: subject.tableNames.desk, Key: offerContentKey(offer) }));
    },
    // Written as a store written now holds it, then its version removed: what a store from before versions holds.
    givenFeedbackRecordedBeforeVersions: async (feedback) => {
      await subject.store.write([subject.store.newFeedback(feedback)]);
      await subject.doc.send(
        new UpdateCommand({
          TableName: subject.tableNames.desk,
          Key: feedbackKey(feedback.requestId, feedback.id),
          UpdateExpression: "REMOVE version",
        }),
      );
    },
    // The guard as the reporting store's write leaves it (shared/reporting/repository.ts, claimSymbol).
    givenDocumentUnderSymbol: async (symbol, document) => {
      await subject.doc.send(
        new PutCommand({
          TableName: subject.tableNames.desk,
          Item: { ...symbolGuardKey(symbol), entity: "symbol", symbol, ...document },
        }),
      );
    },
    obligationOf: async (iso3, kind) =>
      (await reporting.obligations(iso3)).find((obligation) => obligation.kind === kind),
  };
});
