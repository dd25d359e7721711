// The DynamoDB reminder claims pass the reminder claims' contract, on DynamoDB Local (memory does too).
import { reminderRepository } from "#shared/programme/reminder-repository.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { reminderStoreContract } from "../contracts/reminders.contract.ts";

reminderStoreContract(() => onDynamo(reminderRepository));
