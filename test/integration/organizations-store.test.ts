// The DynamoDB organizations adapter passes the organizations store contract, on DynamoDB Local (memory does too).
import { organizationRepository } from "#shared/organizations/repository.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { organizationStoreContract } from "../contracts/organizations.contract.ts";

organizationStoreContract(() => onDynamo(organizationRepository));
