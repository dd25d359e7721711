// The DynamoDB registry adapter passes the registry store contract, on DynamoDB Local (the in-memory one does too).
import { registryRepository } from "#shared/registry/repository.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { registryStoreContract } from "../contracts/registry.contract.ts";

registryStoreContract(() => onDynamo(registryRepository));
