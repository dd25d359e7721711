// The DynamoDB snapshots adapter passes the snapshots store contract, on DynamoDB Local (memory does too).
import { snapshotRepository } from "#shared/snapshots/repository.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { snapshotStoreContract } from "../contracts/snapshots.contract.ts";

snapshotStoreContract(() => onDynamo(snapshotRepository));
