// The in-memory snapshots store passes the snapshots store contract (the DynamoDB adapter, in integration).
import { snapshotStoreContract } from "../contracts/snapshots.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemorySnapshots } from "../support/in-memory/snapshots.ts";

snapshotStoreContract(() => inMemory(inMemorySnapshots));
