// UN Headquarters' official holidays, which the secretariat records each year from the information circular and the
// assistance consent window skips besides weekends: every year on record, a year's days, and for the
// secretariat a form to record or correct a year (its ETag as If-Match; "0" for a year not on record). A save refused
// as stale (412) reads the year again in place, keeping what was typed; the API's 422 shows at the row it names.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { deskDay } from "../../../shared/zoned-time.ts";
import type { Versioned } from "../api/versioned.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { deskToday } from "../ui/desk-today.ts";
import { FormFrame, InputField, problemWords, useSubmit } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { problemInFull } from "../ui/problem-words.ts";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { holidaysOfYear, holidayYears, recordHolidays, type YearRead } from "./holidays-data.ts";
import {
  daysCounted,
  dayWithWeekday,
  type HeadquartersHolidays,
  type HolidaysForm,
  holidaysBodyOf,
  holidaysFormOf,
  holidaysProblems,
  listInWords,
  withRowAdded,
  yearsOffered,
} from "./holidays-words.ts";
import { ReadAgainStatus, ReadCurrentVersion } from "./read-current-version.tsx";

const thisYear = () => Number(deskToday().slice(0, 4));

const WHAT_THEY_ARE =
  "The official holidays at UN Headquarters, as the secretariat records them each year from the information " +
  "circular (ST/IC/…). An assistance request's consent window of 5 working days skips them besides weekends.";

/** Every year on record, and the years a reader may open to record (this one and the next). */
export function Holidays() {
  const [years] = useLoad(holidayYears, "holidays");
  return (
    <>
      <h1>UN Headquarters holidays</h1>
      <p>{WHAT_THEY_ARE}</p>
      <Show what={years}>
        {(lists) => {
          const missing = yearsOffered(
            lists.map((list) => list.year),
            thisYear(),
          ).filter((year) => !lists.some((list) => list.year === year));
          return (
            <>
              {lists.length === 0 ? (
                <p id="holidays-none">No year's holidays are on record yet.</p>
              ) : (
                <ScrollTable label="Years on record">
                  <table data-list="holiday-years">
                    <caption class="visually-hidden">The years whose holidays are on record</caption>
                    <thead>
                      <tr>
                        <th scope="col">Year</th>
                        <th scope="col">Information circular</th>
                        <th scope="col">Holidays</th>
                      </tr>
                    </thead>
                    <tbody>
                      {lists.map((list) => (
                        <tr key={list.year}>
                          <td>
                            <a href={href.holidaysYear(list.year)}>{list.year}</a>
                          </td>
                          <td>{list.source}</td>
                          <td>{daysCounted(list.days.length)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollTable>
              )}
              {missing.length > 0 && (
                <nav aria-label="Years not on record">
                  <p>Not on record:</p>
                  <ul class="inline-list">
                    {missing.map((year) => (
                      <li key={year}>
                        <a href={href.holidaysYear(year)}>{year}</a>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
            </>
          );
        }}
      </Show>
    </>
  );
}

/** A year's days: the date with its weekday, and the name the circular gives it. */
function HolidaysTable({ list }: { list: HeadquartersHolidays }) {
  if (list.days.length === 0) return <p id="holidays-empty">{list.source} lists no holidays for the year.</p>;
  return (
    <ScrollTable label={`Holidays of ${list.year}`}>
      <table data-list="holidays">
        <caption>
          The official holidays of {list.year}, from {list.source}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Holiday</th>
          </tr>
        </thead>
        <tbody>
          {list.days.map((day) => (
            <tr key={day.date}>
              <td>
                <time dateTime={day.date}>{dayWithWeekday(day.date)}</time>
              </td>
              <td>{day.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** One year's holidays, or the API's words when it is not on record; the secretariat's form to record them. */
export function HolidaysYear({ year, session }: { year: number; session: Session }) {
  const [loaded, , put] = useLoad(() => holidaysOfYear(year), `holidays/${year}`);
  const mayRecord = may(session.group, "PUT /calendar/holidays/{year}");
  return (
    <>
      <h1>UN Headquarters holidays in {year}</h1>
      <nav aria-label="Other years">
        <ul class="inline-list">
          <li>
            <a href={href.holidays()}>All years</a>
          </li>
          <li>
            <a href={href.holidaysYear(year - 1)}>{year - 1}</a>
          </li>
          <li>
            <a href={href.holidaysYear(year + 1)}>{year + 1}</a>
          </li>
        </ul>
      </nav>
      <Show what={loaded}>
        {(read) => (
          <>
            {read.onRecord ? (
              <>
                <p id="holidays-source">
                  From the information circular {read.list.value.source}; recorded by {read.list.value.updatedBy} on{" "}
                  {deskDay(read.list.value.updatedAt)}.
                </p>
                <HolidaysTable list={read.list.value} />
              </>
            ) : (
              <p id="holidays-not-on-record">{read.problem.detail ?? problemWords(read.problem)}</p>
            )}
            {mayRecord && (
              <RecordHolidays year={year} first={read} onStored={(list) => put({ onRecord: true, list })} />
            )}
          </>
        )}
      </Show>
    </>
  );
}

const rowId = (key: number, field: "date" | "name") => `holiday-${key}-${field}`;

/** The secretariat's form: the circular's symbol, then a row a day, rows added and removed from the keyboard. */
function RecordHolidays(props: {
  year: number;
  first: YearRead;
  onStored: (list: Versioned<HeadquartersHolidays>) => void;
}) {
  const { year, first } = props;
  const [etag, setEtag] = useState(first.onRecord ? first.list.etag : first.etag);
  const [form, setForm] = useState<HolidaysForm>(() => holidaysFormOf(first.onRecord ? first.list.value : undefined));
  // The rows' keys in the order their days were sent: the 422 names a day by its index in that body.
  const sent = useRef<number[]>([]);
  const [saved, setSaved] = useState<string>();
  const [reread, setReread] = useState<{ words: string }>();
  // A row added or removed takes the keyboard to a field that stays: set here, focused as soon as it is drawn (before
  // the next key, which an effect after paint could miss).
  const focusNext = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });
  const submitting = useSubmit(async () => {
    setSaved(undefined);
    const { body, sent: keys } = holidaysBodyOf(form);
    sent.current = keys;
    const stored = await recordHolidays(year, etag, body);
    setEtag(stored.etag);
    setForm(holidaysFormOf(stored.value));
    setReread(undefined);
    setSaved(`Saved: the ${year} holidays, ${listInWords(stored.value)}, as the table above shows them.`);
    props.onStored(stored);
  });
  const { problem } = submitting;
  const problems = holidaysProblems(problem, sent.current);
  const placed = problems.source !== undefined || problems.rows.size > 0;
  const general = problem && (problems.days ?? (placed ? undefined : problemInFull(problem)));
  const readAgain = (current: YearRead) => {
    if (current.onRecord) {
      setEtag(current.list.etag);
      props.onStored(current.list);
      setReread({
        words: `Now on record for ${year}: ${listInWords(current.list.value)}. Saving puts the list below over it.`,
      });
    } else {
      setEtag(current.etag);
      setReread({ words: `The ${year} holidays are not on record now. Saving records the list below.` });
    }
  };
  const setRow = (key: number, field: "date" | "name", value: string) =>
    setForm({ ...form, rows: form.rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)) });
  const add = () => {
    const next = withRowAdded(form);
    const added = next.rows.at(-1);
    if (added) focusNext.current = rowId(added.key, "date");
    setForm(next);
  };
  const remove = (index: number) => {
    const rows = form.rows.filter((_, at) => at !== index);
    const stays = rows[index] ?? rows[index - 1];
    focusNext.current = stays ? rowId(stays.key, "date") : "holidays-add";
    setForm({ ...form, rows });
  };
  return (
    <FormFrame
      titleId="holidays-form-title"
      title={first.onRecord ? `Correct the ${year} holidays` : `Record the ${year} holidays`}
      level={2}
      general={general}
      refusal={problem}
      problemId="holidays-form-problem"
      onSubmit={submitting.submit}
      busy={submitting.busy}
      submitLabel="Save the holidays"
    >
      <ReadAgainStatus id="holidays-now" read={reread} />
      <p id="holidays-form-hint">
        Each day as the circular gives it, on a weekday of {year}. Rows left blank are not saved.
      </p>
      <InputField
        id="holidays-source"
        label="Information circular (ST/IC/YYYY/N)"
        problem={problems.source}
        value={form.source}
        placeholder="ST/IC/2025/23"
        onInput={(source) => setForm({ ...form, source })}
      />
      {form.rows.map((row, index) => (
        <fieldset key={row.key} class="field" data-row={index + 1}>
          <legend>Day {index + 1}</legend>
          <InputField
            id={rowId(row.key, "date")}
            label="Date (YYYY-MM-DD)"
            problem={problems.rows.get(row.key)?.date}
            value={row.date}
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            onInput={(value) => setRow(row.key, "date", value)}
          />
          <InputField
            id={rowId(row.key, "name")}
            label="Name"
            problem={problems.rows.get(row.key)?.name}
            value={row.name}
            onInput={(value) => setRow(row.key, "name", value)}
          />
          <p>
            <button type="button" class="secondary" onClick={() => remove(index)}>
              Remove<span class="visually-hidden"> day {index + 1}</span>
            </button>
          </p>
        </fieldset>
      ))}
      <p>
        <button type="button" class="secondary" id="holidays-add" onClick={add}>
          Add a day
        </button>
      </p>
      <ReadCurrentVersion
        submitting={submitting}
        read={() => holidaysOfYear(year)}
        onRead={readAgain}
        id="holidays-read-again"
      />
      {saved && (
        <p role="status" id="holidays-saved">
          {saved}
        </p>
      )}
    </FormFrame>
  );
}
