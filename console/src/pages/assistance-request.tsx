// One assistance request: its history and, for the groups that may, a move to another status. Only the moves the
// API's lifecycle allows from the request's status are offered (shared/assistance/transitions.ts, the API's own
// table); one refused all the same (the request moved meanwhile) comes back as 409 naming the legal ones.
import { useState } from "preact/hooks";
import { requestTransitions } from "../../../shared/assistance/transitions.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { FieldForm, type FieldSpec, useSubmit } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { consentWindowText } from "./assistance.tsx";
import {
  type AssistanceRequest,
  isRequestStatus,
  moveRequest,
  type RequestStatus,
  requestWithEtag,
  type Transition,
  type Versioned,
} from "./assistance-data.ts";
import { Candidates, Matches } from "./assistance-matches.tsx";
import { useOwnerNames } from "./use-owner-names.ts";

type MoveField = "to" | "on" | "note";

function MoveForm({
  current,
  legal,
  onMoved,
}: {
  current: Versioned<AssistanceRequest>;
  legal: readonly RequestStatus[];
  onMoved: (moved: Versioned<AssistanceRequest>) => void;
}) {
  const [form, setForm] = useState<Transition>({ to: legal[0] ?? "withdrawn", on: "", note: "" });
  const submitting = useSubmit(async () => {
    const moved = await moveRequest(current.value.id, current.etag, {
      to: form.to,
      ...(form.on ? { on: form.on } : {}),
      ...(form.note ? { note: form.note } : {}),
    });
    onMoved(moved);
  });
  const { problem } = submitting;
  // A refused move names the legal ones: shown at the status field, where the choice is made.
  const illegal =
    problem?.status === 409 && problem.allowed
      ? (problem.detail ?? `Allowed from here: ${problem.allowed.join(", ") || "none"}`)
      : undefined;
  const fields: readonly FieldSpec<MoveField>[] = [
    {
      name: "to",
      label: "New status",
      control: "select",
      options: Object.fromEntries(legal.map((status) => [status, status])),
    },
    { name: "on", label: "On (YYYY-MM-DD; today when empty)", control: "date" },
    { name: "note", label: "Note (optional)", control: "textarea" },
  ];
  return (
    <FieldForm
      name="move"
      title="Move the request"
      level={2}
      fields={fields}
      values={{ to: form.to, on: form.on ?? "", note: form.note ?? "" }}
      onChange={(name, value) => {
        if (name !== "to") setForm({ ...form, [name]: value });
        else if (isRequestStatus(value)) setForm({ ...form, to: value });
      }}
      claims={{ to: illegal }}
      submitting={submitting}
      submitLabel={`Move to ${form.to}`}
    />
  );
}

export function AssistanceRequestPage({ id, session }: { id: string; session: Session }) {
  const [loaded, reload, put] = useLoad(() => requestWithEtag(id), id);
  // Providers are named by code in the API's answers: their names are read once for both tables.
  const names = useOwnerNames();
  // Matchmaking moves the request too (an accepted match makes it matched): every part is read again after one.
  const [round, setRound] = useState(0);
  const matched = () => {
    setRound((n) => n + 1);
    return reload();
  };
  // A move's answer is the request as it now stands, with its ETag: shown at once, so the next move writes against
  // it; the matchmaking parts read again.
  const moved = (request: Versioned<AssistanceRequest>) => {
    put(request);
    setRound((n) => n + 1);
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
            {may(session.group, "POST /assistance/requests/{id}/transitions") &&
              (requestTransitions[request.status].length > 0 ? (
                <MoveForm
                  key={current.etag}
                  current={current}
                  legal={requestTransitions[request.status]}
                  onMoved={moved}
                />
              ) : (
                <p id="move-final">A {request.status} request moves no more.</p>
              ))}
            <Candidates
              requestId={request.id}
              requestStatus={request.status}
              session={session}
              round={round}
              names={names}
              onProposed={matched}
            />
            <Matches requestId={request.id} session={session} round={round} names={names} onMoved={matched} />
          </>
        );
      }}
    </Show>
  );
}
