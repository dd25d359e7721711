// The in-memory waves store passes the waves store contract (the DynamoDB adapter passes it in the integration layer).
import { inMemory } from "../contracts/store-contract.ts";
import { waveStoreContract } from "../contracts/waves.contract.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

waveStoreContract(async () => {
  const subject = await inMemory(inMemoryWaves);
  return { ...subject, addMessage: async (message) => subject.store.addMessage(message) };
});
