// EventBridge Scheduler expressions (cron/at/rate): validated as AWS reads them, and cron translated for croner.

/** An expression EventBridge Scheduler would refuse, or that the local scheduler cannot reproduce. */
export class ScheduleExpressionError extends Error {
  override readonly name = "ScheduleExpressionError";
}

export type ParsedExpression =
  | { kind: "cron"; pattern: string }
  | { kind: "at"; localDateTime: string }
  | { kind: "rate"; everyMs: number };

export function parseScheduleExpression(expression: string): ParsedExpression {
  const trimmed = expression.trim();
  if (trimmed.startsWith("cron(")) return { kind: "cron", pattern: toCronerPattern(trimmed) };
  if (trimmed.startsWith("at(")) return { kind: "at", localDateTime: parseAt(trimmed) };
  if (trimmed.startsWith("rate(")) return { kind: "rate", everyMs: parseRate(trimmed) };
  throw new ScheduleExpressionError(`"${expression}" is not a cron(...), at(...) or rate(...) expression`);
}

interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const MINUTES: FieldRule = { name: "minutes", min: 0, max: 59 };
const HOURS: FieldRule = { name: "hours", min: 0, max: 23 };
const DAY_OF_MONTH: FieldRule = { name: "day-of-month", min: 1, max: 31 };
const MONTH: FieldRule = { name: "month", min: 1, max: 12, names: MONTH_NAMES };
const DAY_OF_WEEK: FieldRule = { name: "day-of-week", min: 1, max: 7, names: DAY_NAMES };

/**
 * `cron(min hour dom month dow year)` in AWS's dialect to a 5-field croner pattern:
 * the year must be `*`, `?` becomes `*`, and numeric days of the week move down by one (AWS counts SUN=1,
 * croner SUN=0), the value before `#` or `L` included, the occurrence after `#` not (`2#1` -> `1#1`).
 * Names (MON-FRI, JAN) pass unchanged. `a/n` steps become `a-max/n`, the only form croner accepts.
 */
export function toCronerPattern(awsCron: string): string {
  const match = /^cron\((.*)\)$/.exec(awsCron.trim());
  const inner = match?.[1];
  if (inner === undefined) {
    throw cronError(awsCron, "it must look like cron(minutes hours day-of-month month day-of-week year)");
  }
  const fields = inner.trim().split(/\s+/);
  const [minutes, hours, dom, month, dow, year] = fields;
  if (
    fields.length !== 6 ||
    minutes === undefined ||
    hours === undefined ||
    dom === undefined ||
    month === undefined ||
    dow === undefined ||
    year === undefined
  ) {
    throw cronError(
      awsCron,
      `it has ${fields.length} fields; AWS cron has 6 (minutes hours day-of-month month day-of-week year)`,
    );
  }
  if (year !== "*") {
    throw cronError(
      awsCron,
      `the year field must be "*" (the local scheduler cannot restrict years; each programme file is one year)`,
    );
  }
  // AWS refuses both days fields set, and both left open: exactly one of them is `?`.
  if ((dom === "?") === (dow === "?")) {
    throw cronError(awsCron, "exactly one of day-of-month and day-of-week must be ?");
  }

  const out = [
    translateSimple(awsCron, minutes, MINUTES),
    translateSimple(awsCron, hours, HOURS),
    dom === "?" ? "*" : translateDayOfMonth(awsCron, dom),
    translateSimple(awsCron, month, MONTH),
    dow === "?" ? "*" : translateDayOfWeek(awsCron, dow),
  ];
  return out.join(" ");
}

function cronError(expression: string, why: string): ScheduleExpressionError {
  return new ScheduleExpressionError(`Invalid AWS cron expression "${expression}": ${why}`);
}

function items(expression: string, field: string, rule: FieldRule): string[] {
  const parts = field.split(",");
  if (parts.some((part) => part === "")) throw cronError(expression, `empty item in the ${rule.name} field`);
  return parts;
}

/** A number or (where the field has names) a name, checked against the field's range. */
function readValue(expression: string, text: string, rule: FieldRule): number {
  const upper = text.toUpperCase();
  const named = rule.names?.indexOf(upper) ?? -1;
  if (named !== -1) return named + rule.min;
  if (!/^\d+$/.test(text)) throw cronError(expression, `"${text}" is not a valid ${rule.name} value`);
  const value = Number(text);
  if (value < rule.min || value > rule.max) {
    throw cronError(expression, `${rule.name} values run from ${rule.min} to ${rule.max}; got ${value}`);
  }
  return value;
}

function checkStep(expression: string, text: string, rule: FieldRule): void {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw cronError(expression, `"${text}" is not a valid step in ${rule.name}`);
  }
}

/** `*`, `a`, `a-b`, `*\/n`, `a/n`, `a-b/n` and lists of them; names kept as written. */
function translateSimple(expression: string, field: string, rule: FieldRule): string {
  return items(expression, field, rule)
    .map((item) => {
      const [range = "", step, extra] = item.split("/");
      if (extra !== undefined) throw cronError(expression, `"${item}" has more than one / in ${rule.name}`);
      if (step !== undefined) checkStep(expression, step, rule);
      if (range === "*") return item;
      const [low = "", high, beyond] = range.split("-");
      if (beyond !== undefined) throw cronError(expression, `"${item}" is not a valid range in ${rule.name}`);
      const lowValue = readValue(expression, low, rule);
      if (high !== undefined) {
        const highValue = readValue(expression, high, rule);
        if (highValue < lowValue) throw cronError(expression, `the range "${range}" in ${rule.name} runs backwards`);
        return item;
      }
      // croner only takes stepped ranges, so `5/15` is written out as `5-59/15`.
      return step === undefined ? item : `${low}-${rule.max}/${step}`;
    })
    .join(",");
}

/** Day-of-month also takes `L` (last day), `LW` (last weekday) and `nW` (weekday nearest to n). */
function translateDayOfMonth(expression: string, field: string): string {
  return items(expression, field, DAY_OF_MONTH)
    .map((item) => {
      const upper = item.toUpperCase();
      if (upper === "L" || upper === "LW") return upper;
      const weekday = /^(\d+)W$/i.exec(item);
      if (weekday?.[1] !== undefined) return `${readValue(expression, weekday[1], DAY_OF_MONTH)}W`;
      return translateSimple(expression, item, DAY_OF_MONTH);
    })
    .join(",");
}

/**
 * Day-of-week: `*`, `d`, `d-d`, lists, `d#n` (nth weekday of the month), `dL` (last such weekday of the
 * month) and `L` alone (the last day of the week, Saturday). AWS allows no step here.
 */
function translateDayOfWeek(expression: string, field: string): string {
  if (field === "*") return "*";
  const shift = (text: string): string => {
    const value = readValue(expression, text, DAY_OF_WEEK);
    return /^\d+$/.test(text) ? String(value - 1) : text;
  };
  return items(expression, field, DAY_OF_WEEK)
    .map((item) => {
      if (item.toUpperCase() === "L") return "6";
      const nth = /^([^#]+)#(\d+)$/.exec(item);
      if (nth?.[1] !== undefined && nth[2] !== undefined) {
        const occurrence = Number(nth[2]);
        if (occurrence < 1 || occurrence > 5) {
          throw cronError(expression, `"${item}": the occurrence after # runs 1 to 5`);
        }
        return `${shift(nth[1])}#${nth[2]}`;
      }
      const last = /^(.+)L$/i.exec(item);
      if (last?.[1] !== undefined) return `${shift(last[1])}L`;
      if (item.includes("/")) throw cronError(expression, "AWS allows no step (/) in day-of-week");
      const [low = "", high, beyond] = item.split("-");
      if (beyond !== undefined) throw cronError(expression, `"${item}" is not a valid day-of-week range`);
      if (high === undefined) return shift(low);
      if (readValue(expression, high, DAY_OF_WEEK) < readValue(expression, low, DAY_OF_WEEK)) {
        throw cronError(expression, `the range "${item}" in day-of-week runs backwards`);
      }
      return `${shift(low)}-${shift(high)}`;
    })
    .join(",");
}

/** `at(yyyy-mm-ddThh:mm:ss)`: returns the local date-time, to be read in the schedule's time zone. */
export function parseAt(expression: string): string {
  const match = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(expression.trim());
  if (!match) throw new ScheduleExpressionError(`Invalid at() expression "${expression}": use at(yyyy-mm-ddThh:mm:ss)`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  if (
    y === undefined ||
    mo === undefined ||
    d === undefined ||
    h === undefined ||
    mi === undefined ||
    s === undefined
  ) {
    throw new ScheduleExpressionError(`Invalid at() expression "${expression}"`);
  }
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) {
    throw new ScheduleExpressionError(`Invalid at() expression "${expression}": no such date or time`);
  }
  return expression.trim().slice("at(".length, -1);
}

const RATE_UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** `rate(n unit)`: AWS wants the singular unit for 1 and the plural otherwise. Returns the period in ms. */
export function parseRate(expression: string): number {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  const count = Number(match?.[1]);
  const unit = match?.[2];
  if (!unit || !Number.isSafeInteger(count) || count < 1) {
    throw new ScheduleExpressionError(
      `Invalid rate() expression "${expression}": use rate(n minute|minutes|hour|hours|day|days)`,
    );
  }
  const singular = unit.replace(/s$/, "");
  if ((count === 1) !== (unit === singular)) {
    throw new ScheduleExpressionError(
      `Invalid rate() expression "${expression}": AWS wants "1 ${singular}" and "${count === 1 ? 2 : count} ${singular}s"`,
    );
  }
  return count * (RATE_UNITS[singular] ?? 0);
}
