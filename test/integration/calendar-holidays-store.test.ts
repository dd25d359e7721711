// The DynamoDB UN Headquarters holidays store passes the holidays store contract, on DynamoDB Local (memory does too).
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { holidayStoreContract } from "../contracts/holidays.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";

holidayStoreContract(() => onDynamo(dynamoHolidayStore));
