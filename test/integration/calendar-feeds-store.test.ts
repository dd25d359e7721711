// The DynamoDB calendar feeds store passes the calendar feeds store contract, on DynamoDB Local (memory does too).
import { dynamoCalendarFeedStore } from "#shared/programme/feeds-store.ts";
import { calendarFeedStoreContract } from "../contracts/calendar-feeds.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";

calendarFeedStoreContract(() => onDynamo(dynamoCalendarFeedStore));
