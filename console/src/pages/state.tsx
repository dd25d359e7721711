// A State's page: its obligations, submissions (with the form to record one, offered to the groups that may) and
// its timeline, newest first.
import { useState } from "preact/hooks";
import { type Problem, ProblemError, type Schemas } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { Field, fieldProblem, formProblem } from "../ui/form.tsx";
import { messageOf, Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import {
  type Dossier,
  dossierOf,
  type NewSubmission,
  recordSubmission,
  type TimelinePage,
  timelinePage,
} from "./state-data.ts";

const LANGUAGES = { ar: "Arabic", zh: "Chinese", en: "English", fr: "French", ru: "Russian", es: "Spanish" } as const;
const KINDS = {
  "first-report": "First national report",
  "additional-information": "Additional information",
  "action-plan": "National implementation action plan",
  "matrix-review": "Matrix review",
  "effective-practices": "Effective practices",
  "assistance-feedback": "Assistance feedback",
} as const;
const FIELDS = ["kind", "receivedOn", "symbol", "language", "note"] as const;

function Obligations({ obligations }: { obligations: Schemas["Obligation"][] }) {
  return (
    <section aria-labelledby="obligations-title">
      <h2 id="obligations-title">Obligations</h2>
      <ScrollTable label="Obligations and their status">
        <table>
          <caption class="visually-hidden">Obligations and their status</caption>
          <thead>
            <tr>
              <th scope="col">Obligation</th>
              <th scope="col">Mandatory</th>
              <th scope="col">Status</th>
              <th scope="col">Submissions</th>
              <th scope="col">Last received</th>
            </tr>
          </thead>
          <tbody>
            {obligations.map((obligation) => (
              <tr key={obligation.kind}>
                <th scope="row">
                  {obligation.kind === "point-of-contact" ? "Point of contact" : KINDS[obligation.kind]}
                </th>
                <td>{obligation.mandatory ? "yes" : "no"}</td>
                <td>{obligation.status}</td>
                <td class="number">{obligation.submissions}</td>
                <td>{obligation.lastReceivedOn ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function Submissions({ submissions }: { submissions: Schemas["Submission"][] }) {
  if (submissions.length === 0) return <p>No submission recorded.</p>;
  return (
    <ScrollTable label="Submissions received">
      <table>
        <caption class="visually-hidden">Submissions received</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Kind</th>
            <th scope="col">Symbol</th>
            <th scope="col">Language</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {submissions.map((submission) => (
            <tr key={submission.id} class={submission.voided ? "voided" : undefined}>
              <td>{submission.receivedOn}</td>
              <td>
                {KINDS[submission.kind]}
                {submission.voided ? " (voided)" : ""}
              </td>
              <td>{submission.symbol}</td>
              <td>{LANGUAGES[submission.language]}</td>
              <td>{submission.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function RecordSubmission({ dossier, onRecorded }: { dossier: Dossier; onRecorded: () => void }) {
  const firstReportOwed = dossier.state.reportingStatus === "non-reporting";
  const kinds = (Object.keys(KINDS) as (keyof typeof KINDS)[]).filter(
    (kind) => kind !== "first-report" || firstReportOwed,
  );
  const [form, setForm] = useState<NewSubmission>(() => ({
    kind: kinds[0] ?? "additional-information",
    receivedOn: "",
    symbol: "",
    language: dossier.state.language,
    note: "",
  }));
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof NewSubmission>(name: K, value: NewSubmission[K]) => setForm({ ...form, [name]: value });

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const { note, ...rest } = form;
      await recordSubmission(dossier.state.iso3, note ? form : rest);
      setProblem(undefined);
      onRecorded();
    } catch (error) {
      // The form keeps what was typed; the problem is shown where it belongs.
      setProblem(
        error instanceof ProblemError ? error.problem : { type: "about:blank", title: messageOf(error), status: 0 },
      );
    } finally {
      setBusy(false);
    }
  }

  const general = formProblem(problem, FIELDS);
  return (
    <form class="record" onSubmit={submit} aria-labelledby="record-title" noValidate>
      <h3 id="record-title">Record a received document</h3>
      {general && (
        <p role="alert" class="error">
          {general}
        </p>
      )}
      <Field id="kind" label="Kind" problem={fieldProblem(problem, "kind")}>
        {(describedBy, invalid) => (
          <select
            id="kind"
            value={form.kind}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => set("kind", e.currentTarget.value as NewSubmission["kind"])}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {KINDS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="receivedOn" label="Received on (YYYY-MM-DD)" problem={fieldProblem(problem, "receivedOn")}>
        {(describedBy, invalid) => (
          <input
            id="receivedOn"
            value={form.receivedOn}
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => set("receivedOn", e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="symbol" label="Document symbol" problem={fieldProblem(problem, "symbol")}>
        {(describedBy, invalid) => (
          <input
            id="symbol"
            value={form.symbol}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => set("symbol", e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="language" label="Language" problem={fieldProblem(problem, "language")}>
        {(describedBy, invalid) => (
          <select
            id="language"
            value={form.language}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => set("language", e.currentTarget.value as NewSubmission["language"])}
          >
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="note" label="Note (optional)" problem={fieldProblem(problem, "note")}>
        {(describedBy, invalid) => (
          <textarea
            id="note"
            value={form.note ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => set("note", e.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {form.kind === "first-report" ? "Record a first report" : "Record the submission"}
      </button>
    </form>
  );
}

function Timeline({ iso3 }: { iso3: string }) {
  const [first] = useLoad(() => timelinePage(iso3), iso3);
  const [more, setMore] = useState<TimelinePage[]>([]);
  const [failure, setFailure] = useState<string>();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <Show what={first}>
        {(page) => {
          const pages = [page, ...more];
          const cursor = pages.at(-1)?.cursor;
          return (
            <>
              <ol class="timeline">
                {pages
                  .flatMap((p) => p.items)
                  .map((entry) => (
                    <li key={`${entry.at}-${entry.action}-${entry.source.id}`}>
                      <time dateTime={entry.at}>{entry.at.slice(0, 10)}</time> <strong>{entry.action}</strong>{" "}
                      <span class="muted">
                        {entry.source.type} {entry.source.id}, by {entry.actor.username ?? entry.actor.id}
                      </span>
                      {entry.reason ? `: ${entry.reason}` : ""}
                    </li>
                  ))}
              </ol>
              {cursor && (
                <button
                  type="button"
                  onClick={() =>
                    timelinePage(iso3, cursor).then(
                      (next) => setMore([...more, next]),
                      (error: unknown) => setFailure(messageOf(error)),
                    )
                  }
                >
                  Show older entries
                </button>
              )}
              {failure && (
                <p role="alert" class="error">
                  {failure}
                </p>
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}

export function StatePage({ iso3, session }: { iso3: string; session: Session }) {
  const [dossier, reload] = useLoad(() => dossierOf(iso3), iso3);
  return (
    <Show what={dossier}>
      {(data) => (
        <>
          <h1>
            {data.state.name} <span class="muted">({data.state.iso3})</span>
          </h1>
          <p>
            {data.state.regionName}; letters in {LANGUAGES[data.state.language]}; reporting status:{" "}
            <strong data-field="reportingStatus">{data.state.reportingStatus}</strong>
            {data.state.firstReportOn ? ` (first report received ${data.state.firstReportOn})` : ""}
          </p>
          <Obligations obligations={data.obligations} />
          <section aria-labelledby="submissions-title">
            <h2 id="submissions-title">Submissions</h2>
            <Submissions submissions={data.submissions} />
            {may(session.group, "POST /states/{iso3}/submissions") && (
              <RecordSubmission key={data.submissions.length} dossier={data} onRecorded={reload} />
            )}
          </section>
          <Timeline key={data.submissions.length} iso3={iso3} />
        </>
      )}
    </Show>
  );
}
