// The desk's day: New York's calendar day (ADR 0011), the day the API counts consent windows, ages and staleness by.
// Not the browser's day, nor UTC's: in a New York evening UTC is already tomorrow.
import { deskDay } from "../../../shared/zoned-time.ts";

export const deskToday = (): string => deskDay(Date.now());
