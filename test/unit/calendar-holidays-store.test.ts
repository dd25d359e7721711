// The memory UN Headquarters holidays store passes the holidays store contract (the DynamoDB one, in integration).
import { holidayStoreContract } from "../contracts/holidays.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryHolidayStore } from "../support/in-memory/holidays.ts";

holidayStoreContract(() => inMemory(inMemoryHolidayStore));
