// The DynamoDB templates adapter passes the templates store contract, on DynamoDB Local (the in-memory store too).
import { templateRepository } from "#shared/templates/repository.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { templateStoreContract } from "../contracts/templates.contract.ts";

templateStoreContract(() => onDynamo(templateRepository));
