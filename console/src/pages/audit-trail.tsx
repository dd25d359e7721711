// The audit trail (secretariat): every audited write, newest first: a State's or an organization's whole trail, or
// filtered by a record, an actor or a span of days, as the URL's query names them (audit-trail-query.ts), each entry in
// words with its before and after (audit-trail-words.ts). A refused filter is the API's problem at its field; filters
// the API cannot answer together are refused there before any is read.
import "./audit-trail.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, dataOf, type Problem } from "../api/client.ts";
import { counted } from "../ui/counted.ts";
import { FormProblem, fieldProblem, formProblem, InputField, problemOf, RefusalScope } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { Paged, type PageOf } from "../ui/paged.tsx";
import { type ImageRow, imageRows, type ValueText } from "./audit-image-words.ts";
import {
  AUDIT_FILTERS,
  type AuditFilter,
  type AuditFilters,
  auditFiltersOf,
  auditRead,
  auditTrailHref,
  conflictOf,
  coverageWords,
  DEFAULT_SPAN_DAYS,
  MAX_SPAN_DAYS,
  refusalAtFields,
  trailTitle,
} from "./audit-trail-query.ts";
import {
  type AuditEntry,
  actorWords,
  entityWords,
  entriesLinks,
  imageSummary,
  imageTableWords,
  ownRecordNote,
  recordsToName,
} from "./audit-trail-words.ts";
import { utcText } from "./correspondence/time.ts";
import type { OwnerNames } from "./provider-names.ts";
import { withRecordNames } from "./record-names.ts";
import { RECORD_NAMES } from "./record-names-api.ts";
import { actionWords } from "./state/actions.ts";
import { moveWords } from "./state/move-words.ts";
import { useOwnerNames } from "./use-owner-names.ts";

/** A page of entries, the waves and requests they name by id alone read by name first. */
function readPage(filters: AuditFilters, cursor?: string): Promise<PageOf<AuditEntry>> {
  return withRecordNames(RECORD_NAMES, (at?: string) => readEntries(filters, at), recordsToName)(cursor);
}

async function readEntries(filters: AuditFilters, cursor?: string): Promise<PageOf<AuditEntry>> {
  const read = auditRead(filters, cursor);
  switch (read.route) {
    case "state":
      return dataOf(
        await api.GET("/states/{iso3}/audit", { params: { path: { iso3: read.iso3 }, query: read.query } }),
      );
    case "organization":
      return dataOf(
        await api.GET("/organizations/{id}/audit", { params: { path: { id: read.id }, query: read.query } }),
      );
    case "audit":
      return dataOf(await api.GET("/audit", { params: { query: read.query } }));
  }
}

/** The first page, or the API's refusal of the filters, kept whole so each field shows its own problem. */
type Reading = { page: PageOf<AuditEntry> } | { refused: Problem };

async function firstReading(filters: AuditFilters): Promise<Reading> {
  const conflict = conflictOf(filters);
  if (conflict) return { refused: conflict };
  try {
    return { page: await readPage(filters) };
  } catch (error) {
    return { refused: refusalAtFields(problemOf(error), filters) };
  }
}

const LABELS: Readonly<Record<AuditFilter, string>> = {
  state: "State's whole trail (ISO3 code)",
  organization: "Organization's whole trail (id)",
  entity: "Record (type:id)",
  actor: "Actor's id",
  from: "From (YYYY-MM-DD, UTC)",
  to: "To (YYYY-MM-DD, UTC)",
};

const problemAt = (refused: Problem | undefined, name: AuditFilter) => fieldProblem(refused, `query.${name}`);

function Filters(props: { filters: AuditFilters; refused: Problem | undefined; readAgain: () => void }) {
  const [draft, setDraft] = useState<AuditFilters>(props.filters);
  const form = useRef<HTMLFormElement>(null);
  // A refused reading takes the focus to the field in fault (or the problem no field shows), as a refused write does.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-problem]')?.focus();
  }, [props.refused]);
  const general = formProblem(
    props.refused,
    AUDIT_FILTERS.map((name) => `query.${name}`),
  );
  return (
    <search>
      <form
        ref={form}
        class="filters"
        aria-label="Filter the audit trail"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // The same filters again read the trail again: entries may have been written since.
          if (auditTrailHref(draft) === auditTrailHref(props.filters)) props.readAgain();
          else window.location.hash = auditTrailHref(draft);
        }}
      >
        {general && <FormProblem>{general}</FormProblem>}
        <RefusalScope refusal={props.refused}>
          {AUDIT_FILTERS.map((name) => (
            <InputField
              key={name}
              id={`audit-${name}`}
              label={LABELS[name]}
              problem={problemAt(props.refused, name)}
              value={draft[name] ?? ""}
              onInput={(value) => setDraft({ ...draft, [name]: value })}
              {...(name === "from" || name === "to"
                ? { inputMode: "numeric" as const, placeholder: "YYYY-MM-DD" }
                : { alsoDescribedBy: "audit-help" })}
            />
          ))}
        </RefusalScope>
        <button type="submit">Show</button>
      </form>
    </search>
  );
}

function Value({ value, absent }: { value: ValueText | undefined; absent: string }) {
  if (!value) return <span class="muted">{absent}</span>;
  return value.block ? <pre>{value.text}</pre> : value.text;
}

/** The entry's before and after, field by field, folded until asked for. */
function Images({ entry, rows }: { entry: AuditEntry; rows: readonly ImageRow[] }) {
  const summary = imageSummary(entry, rows);
  const { label, caption } = imageTableWords(entry);
  return (
    <details>
      <summary>{summary}</summary>
      {entry.route && <p class="muted">Through {entry.route}</p>}
      <ListTable
        label={label}
        caption={caption}
        rows={rows}
        keyOf={(row) => row.field}
        classOf={(row) => (row.changed ? undefined : "inactive")}
        columns={[
          {
            header: "Field",
            names: true,
            cell: (row) => (
              <>
                {row.label}
                {row.technical && <span class="muted"> (technical)</span>}
              </>
            ),
          },
          { header: "Before", field: "before", cell: (row) => <Value value={row.before} absent="(none)" /> },
          {
            header: "After",
            field: "after",
            cell: (row) => (row.changed ? <Value value={row.after} absent="(none)" /> : "unchanged"),
          },
        ]}
      />
    </details>
  );
}

function Entry({ entry, filters, names }: { entry: AuditEntry; filters: AuditFilters; names: OwnerNames }) {
  const record = entityWords(entry, names, RECORD_NAMES.name);
  const move = moveWords(entry);
  const entity = `${entry.entity.type}:${entry.entity.id}`;
  const links = entriesLinks(record, entry.actor);
  const rows = imageRows(entry.before, entry.after, { action: entry.action, names });
  return (
    <li>
      <time dateTime={entry.at}>{utcText(entry.at)}</time>{" "}
      <strong data-action={entry.action}>{actionWords(entry.action)}</strong>
      {move ? ` ${move}` : ""}:{" "}
      <span data-field="record">{record.href ? <a href={record.href}>{record.text}</a> : record.text}</span>
      {filters.entity !== entity && (
        <>
          {" "}
          (
          <a href={auditTrailHref({ entity })}>
            {links.record.shown}
            <span class="visually-hidden">{links.record.heard}</span>
          </a>
          )
        </>
      )}
      , by{" "}
      <span data-field="actor">
        {filters.actor === entry.actor.id ? (
          links.actor.shown
        ) : (
          <a href={auditTrailHref({ actor: entry.actor.id })}>
            {links.actor.shown}
            <span class="visually-hidden">{links.actor.heard}</span>
          </a>
        )}
      </span>
      {entry.reason && <span data-field="reason">. Reason: {entry.reason}</span>}
      {rows.length > 0 && <Images entry={entry} rows={rows} />}
    </li>
  );
}

function OwnRecordNote({ entity, names }: { entity: string | undefined; names: OwnerNames }) {
  const note = ownRecordNote(entity, names);
  if (!note) return null;
  return (
    <p class="muted">
      {note.text}{" "}
      {note.links.map((link, index) => (
        <span key={link.href}>
          {index > 0 ? " · " : ""}
          <a href={link.href}>{link.text}</a>
        </span>
      ))}
    </p>
  );
}

function Entries(props: { filters: AuditFilters; first: PageOf<AuditEntry>; loadKey: string; names: OwnerNames }) {
  const { names } = props;
  // The first page is read already (its refusal goes to the fields); Paged reads the older ones.
  const load = (cursor?: string) => (cursor ? readPage(props.filters, cursor) : Promise.resolve(props.first));
  return (
    <Paged load={load} loadKey={props.loadKey} moreLabel="Show older entries">
      {(entries) => {
        const byActor = entries.find((entry) => entry.actor.id === props.filters.actor);
        return (
          <>
            <p aria-live="polite">
              {coverageWords(props.filters, byActor && actorWords(byActor.actor), names)}{" "}
              {entries.length === 0 ? "None." : `${counted(entries.length, "entry", "entries")} shown.`}
            </p>
            <OwnRecordNote entity={props.filters.entity} names={names} />
            <ol class="timeline audit-trail" data-list="audit">
              {entries.map((entry) => (
                <Entry key={entry.id} entry={entry} filters={props.filters} names={names} />
              ))}
            </ol>
          </>
        );
      }}
    </Paged>
  );
}

export function AuditTrail({ query }: { query: URLSearchParams }) {
  const filters = auditFiltersOf(query);
  // Each "Show" with the same filters is a new round: the first page is read again, and the older ones dropped.
  const [round, setRound] = useState(0);
  const key = `${query}#${round}`;
  const [reading] = useLoad(() => firstReading(filters), key);
  const refused = reading.status === "ready" && "refused" in reading.data ? reading.data.refused : undefined;
  const names = useOwnerNames();
  return (
    <>
      <h1>{trailTitle(filters, names)}</h1>
      <p id="audit-help">
        Every audited write: who did what, when, to which record, with the record before and after. Name a State (MLI)
        or an organization (iaea) for its whole trail, which may be narrowed to a span of days only; or name a record as
        type:id (state:MLI is the State's own record, organization:iaea, contact:&lt;id&gt;,
        assistance-request:&lt;id&gt;, wave:&lt;id&gt;, template:&lt;id&gt;), an actor by the id an entry's name links
        to, or a span of days (the last {DEFAULT_SPAN_DAYS} days unless a first day is given, at most {MAX_SPAN_DAYS}).
      </p>
      <Filters filters={filters} refused={refused} readAgain={() => setRound(round + 1)} />
      <Show what={reading}>
        {(data) =>
          "page" in data ? <Entries filters={filters} first={data.page} loadKey={key} names={names} /> : null
        }
      </Show>
    </>
  );
}
