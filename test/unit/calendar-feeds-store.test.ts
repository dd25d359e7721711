// The memory calendar feeds store passes the calendar feeds store contract (the DynamoDB one, in integration).
import { fixedClock } from "#shared/clock.ts";
import { calendarFeedStoreContract } from "../contracts/calendar-feeds.contract.ts";
import { CONTRACT_START } from "../contracts/store-contract.ts";
import { memoryCalendarFeedStore } from "../support/in-memory/calendar-feeds.ts";

calendarFeedStoreContract(async () => {
  const store = memoryCalendarFeedStore();
  return {
    store,
    clock: fixedClock(CONTRACT_START),
    auditActions: async (entity) =>
      store.audit
        .filter((entry) => entry.entity.type === entity.type && entry.entity.id === entity.id)
        .map((entry) => entry.action)
        .sort(),
  };
});
