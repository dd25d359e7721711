// The in-memory reminder claims pass the reminder claims' contract (the DynamoDB adapter, in integration).
import { reminderStoreContract } from "../contracts/reminders.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryReminders } from "../support/in-memory/reminders.ts";

reminderStoreContract(() => inMemory(inMemoryReminders));
