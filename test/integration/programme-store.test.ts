// The DynamoDB programme years store passes the programme years store contract, on DynamoDB Local (memory does too).
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { programmeStoreContract } from "../contracts/programme-years.contract.ts";

programmeStoreContract(() => onDynamo(dynamoProgrammeStore));
