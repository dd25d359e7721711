// One assistance request: its history and, for the groups that may, a move to another status. Which moves are legal
// is the API's rule: an illegal one comes back as 409 naming the legal ones, shown at the field.
import { useState } from "preact/hooks";
import type { Problem } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { Field, fieldProblem, formProblem } from "../ui/form.tsx";
import { messageOf, Show, useLoad } from "../ui/load.tsx";
import { consentWindowText } from "./assistance.tsx";
import {
  type AssistanceRequest,
  isRequestStatus,
  moveRequest,
  ProblemError,
  REQUEST_STATUSES,
  requestWithEtag,
  type Transition,
  type Versioned,
} from "./assistance-data.ts";
import { Candidates, Matches } from "./assistance-matches.tsx";

const FIELDS = ["to", "on", "note"] as const;

function MoveForm({ current, onMoved }: { current: Versioned<AssistanceRequest>; onMoved: () => void }) {
  const others = REQUEST_STATUSES.filter((status) => status !== current.value.status);
  const [form, setForm] = useState<Transition>({ to: others[0] ?? "withdrawn", on: "", note: "" });
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      await moveRequest(current.value.id, current.etag, {
        to: form.to,
        ...(form.on ? { on: form.on } : {}),
        ...(form.note ? { note: form.note } : {}),
      });
      setProblem(undefined);
      onMoved();
    } catch (error) {
      setProblem(
        error instanceof ProblemError ? error.problem : { type: "about:blank", title: messageOf(error), status: 0 },
      );
    } finally {
      setBusy(false);
    }
  }

  // A refused move names the legal ones: shown at the status field, where the choice is made.
  const illegal =
    problem?.status === 409 && problem.allowed
      ? (problem.detail ?? `Allowed from here: ${problem.allowed.join(", ") || "none"}`)
      : undefined;
  const general = illegal ? undefined : formProblem(problem, FIELDS);
  return (
    <form class="record" onSubmit={submit} aria-labelledby="move-title" noValidate>
      <h2 id="move-title">Move the request</h2>
      {general && (
        <p role="alert" class="error">
          {general}
        </p>
      )}
      <Field id="to" label="New status" problem={illegal ?? fieldProblem(problem, "to")}>
        {(describedBy, invalid) => (
          <select
            id="to"
            value={form.to}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isRequestStatus(value)) setForm({ ...form, to: value });
            }}
          >
            {others.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="on" label="On (YYYY-MM-DD; today when empty)" problem={fieldProblem(problem, "on")}>
        {(describedBy, invalid) => (
          <input
            id="on"
            value={form.on ?? ""}
            inputMode="numeric"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setForm({ ...form, on: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="note" label="Note (optional)" problem={fieldProblem(problem, "note")}>
        {(describedBy, invalid) => (
          <textarea
            id="note"
            value={form.note ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setForm({ ...form, note: e.currentTarget.value })}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        Move to {form.to}
      </button>
    </form>
  );
}

export function AssistanceRequestPage({ id, session }: { id: string; session: Session }) {
  const [loaded, reload] = useLoad(() => requestWithEtag(id), id);
  // Matchmaking moves the request too (an accepted match makes it matched): every part is read again after one.
  const [round, setRound] = useState(0);
  const matched = () => {
    setRound((n) => n + 1);
    reload();
  };
  return (
    <Show what={loaded}>
      {(current) => {
        const request = current.value;
        return (
          <>
            <h1>Assistance request {request.symbol}</h1>
            <p>
              From <a href={href.state(request.iso3)}>{request.iso3}</a>, received {request.receivedOn}; status{" "}
              <strong data-field="status">{request.status}</strong>
              {request.consentWindowClosesOn || request.consentedToCirculation
                ? `; consent window: ${consentWindowText(request.consentWindowClosesOn, request.consentedToCirculation)}`
                : ""}
            </p>
            <p>Areas: {request.areas.join(", ")}</p>
            <p>{request.description}</p>
            <h2>History</h2>
            <ol class="timeline">
              {request.history.map((move) => (
                <li key={`${move.at}-${move.to}`}>
                  <time dateTime={move.on}>{move.on}</time> {move.from} → <strong>{move.to}</strong>
                  {move.note ? `: ${move.note}` : ""}
                </li>
              ))}
            </ol>
            {may(session.group, "POST /assistance/requests/{id}/transitions") && (
              <MoveForm key={current.etag} current={current} onMoved={matched} />
            )}
            <Candidates requestId={request.id} session={session} round={round} onProposed={matched} />
            <Matches requestId={request.id} session={session} round={round} onMoved={matched} />
          </>
        );
      }}
    </Show>
  );
}
