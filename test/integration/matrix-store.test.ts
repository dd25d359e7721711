// The DynamoDB matrices adapter passes the matrices store contract, on DynamoDB Local (memory does too).
import { matrixRepository } from "#shared/matrix/repository.ts";
import { matrixStoreContract } from "../contracts/matrix.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";

matrixStoreContract(() => onDynamo(matrixRepository));
