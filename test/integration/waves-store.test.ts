// The DynamoDB waves adapter passes the waves store contract, on DynamoDB Local (the in-memory store passes it too).
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { waveStoreContract } from "../contracts/waves.contract.ts";

waveStoreContract(async () => {
  const subject = await onDynamo(waveRepository);
  const ledger = ledgerRepository(subject.doc, subject.tableNames, subject.clock);
  return {
    ...subject,
    addMessage: async (message) => {
      await ledger.putNew(message);
    },
  };
});
