// A request's matchmaking: the candidate offers ranked by the API (shared areas, then freshness; a rank, never a
// grade), proposing one, and the request's matches with their moves, offered to the groups that may.
import { useEffect, useRef, useState } from "preact/hooks";
import { isOpenToMatches } from "../../../shared/assistance/match-open.ts";
import { offerOf } from "../../../shared/assistance/match-words.ts";
import type { RequestStatus } from "../../../shared/assistance/schemas.ts";
import { matchTransitions } from "../../../shared/assistance/transitions.ts";
import { type Problem, ProblemError } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { BusyButton } from "../ui/busy-button.tsx";
import { counted } from "../ui/counted.ts";
import { deskToday } from "../ui/desk-today.ts";
import { useFocusReturn } from "../ui/focus-return.ts";
import { FormProblem, fieldProblem, focusRefused, InputField, problemOf, useSubmit, useWrites } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { type Loaded, Show, useLoad } from "../ui/load.tsx";
import { problemInFull } from "../ui/problem-words.ts";
import { acceptanceWithheld, movesOffered } from "./assistance-match-acceptance.ts";
import { candidatesOf, type ListedMatch, moveMatch, proposeMatch } from "./assistance-matching.ts";
import { chosenMove, moveChoices, noMoveChosen } from "./assistance-move-choice.ts";
import { providerKey } from "./assistance-offers-data.ts";
import { matchmakingOf } from "./assistance-request-standing.ts";
import { areasInWords, proposeOfferLabel, withAreasInWords } from "./assistance-words.ts";
import { type OwnerNames, providerName } from "./provider-names.ts";

/**
 * A proposal's or a move's refusal, with each field error the API names: no field here shows them, but for the one
 * the refusal stands beside (`at`), whose error is said alone.
 */
function Refusal({ id, problem, at }: { id: string; problem: Problem | undefined; at?: string }) {
  if (!problem) return null;
  return <FormProblem id={id}>{(at && fieldProblem(problem, at)) ?? problemInFull(problem)}</FormProblem>;
}

interface CandidatesProps {
  requestId: string;
  requestStatus: RequestStatus;
  session: Session;
  round: number;
  names: OwnerNames;
  onProposed: () => Promise<void>;
  /**
   * A proposal refused with 409: the page reads the request again and, where a colleague moved it meanwhile, shows it
   * as it stands and says so (true); otherwise (false) the refusal is said here.
   */
  onRefusedAsMoved: () => Promise<boolean>;
}

/** The candidate offers as far as the request's status has them ranked: none for an ended request, with why. */
export function Candidates(props: CandidatesProps) {
  const { ranked, words } = matchmakingOf(props.requestStatus);
  return (
    <section aria-labelledby="candidates-title" data-refusal-scope>
      <h2 id="candidates-title">Candidate offers, ranked</h2>
      {words && (
        <p class="muted" id="candidates-closed">
          {words}
        </p>
      )}
      {ranked && <RankedCandidates {...props} />}
    </section>
  );
}

function RankedCandidates({
  requestId,
  requestStatus,
  session,
  round,
  names,
  onProposed,
  onRefusedAsMoved,
}: CandidatesProps) {
  const [loaded, reread] = useLoad(() => candidatesOf(requestId), `${requestId}/${round}`);
  // A refused proposal is said, and focused, above the list; a refused day, at its field.
  const { busy, problem, run } = useWrites();
  // Offered where the API would accept it: by group, and on a request open to matches.
  const mayPropose = may(session.group, "POST /assistance/matches") && isOpenToMatches(requestStatus);
  // The day of the proposal, for a match agreed before it is entered; today when empty.
  const [on, setOn] = useState("");
  const dayProblem = fieldProblem(problem, "on");

  const focusReturn = useFocusReturn();
  const propose = (offerId: string) => async () => {
    focusReturn.opened();
    try {
      await proposeMatch(requestId, offerId, { on, note: "" });
    } catch (error) {
      // Refused because a colleague moved the request meanwhile: the page now shows it as it stands, and says so.
      if (problemOf(error).status === 409 && (await onRefusedAsMoved())) return;
      throw error;
    }
    setOn("");
    // The pressed button gives way to the match's status: the focus goes to the matches, where the proposal now is,
    // instead of dropping to the page.
    focusReturn.closed(() => document.getElementById("matches-title"));
    // Busy until the candidates (and the request) are read again: the pressed button stays drawn until then.
    await Promise.all([reread(), onProposed()]);
  };

  return (
    <Show what={loaded}>
      {({ asOf, candidates }) =>
        candidates.length === 0 ? (
          <p>No active offer shares an area with this request on {asOf}.</p>
        ) : (
          <>
            <p class="muted">
              Active on {asOf}; best first by shared areas, then freshness (a point for each month left of the year
              since the provider updated the offer, none after a year), then provider. A matchmaking rank, not a measure
              of anyone's compliance.
            </p>
            {mayPropose && (
              <InputField
                id="propose-on"
                label="Proposed on (YYYY-MM-DD; today when empty)"
                problem={dayProblem}
                inputMode="numeric"
                placeholder="YYYY-MM-DD"
                value={on}
                onInput={setOn}
              />
            )}
            {!dayProblem && <Refusal id="propose-problem" problem={problem} />}
            <ListTable
              label="Candidate offers"
              caption="Candidate offers, best first"
              list="candidates"
              rows={candidates.map((candidate, index) => ({ ...candidate, rank: index + 1 }))}
              keyOf={(candidate) => candidate.offer.id}
              columns={[
                { header: "Rank", numeric: true, cell: (candidate) => candidate.rank },
                {
                  header: "Provider",
                  cell: (candidate) => (
                    <a href={href.assistanceOffers(providerKey(candidate.offer.provider))}>
                      {providerName(candidate.offer.provider, names)}
                    </a>
                  ),
                },
                {
                  header: "Shared areas",
                  cell: (candidate) => (
                    <>
                      {areasInWords(candidate.sharedAreas)} ({candidate.areaOverlap} of {candidate.areasRequested})
                    </>
                  ),
                },
                {
                  header: "Updated",
                  cell: (candidate) => (
                    <>
                      {candidate.offer.lastUpdatedOn} ({counted(candidate.freshnessMonths, "month")})
                    </>
                  ),
                },
                { header: "Score", numeric: true, field: "score", cell: (candidate) => candidate.score },
                {
                  header: "Why",
                  cell: (candidate) =>
                    candidate.reasons.map((reason) => withAreasInWords(reason, candidate.sharedAreas)).join("; "),
                },
                {
                  header: "Match",
                  cell: (candidate) =>
                    candidate.existingMatch ? (
                      candidate.existingMatch.status
                    ) : mayPropose ? (
                      <BusyButton
                        type="button"
                        busy={busy}
                        aria-describedby={problem && !dayProblem ? "propose-problem" : undefined}
                        onClick={(event) => void run(event, propose(candidate.offer.id))}
                      >
                        {proposeOfferLabel(providerName(candidate.offer.provider, names))}
                      </BusyButton>
                    ) : (
                      "none"
                    ),
                },
              ]}
            />
          </>
        )
      }
    </Show>
  );
}

/**
 * One match's move. Its refusal is kept by the list (`problem`, `onProblem`): a stale match makes the list read again,
 * which renders this form anew, and the message must outlive it.
 */
function MoveMatch({
  match,
  names,
  withheld,
  problem,
  onProblem,
  onMoved,
}: {
  match: ListedMatch;
  names: OwnerNames;
  /** Why the match can no longer be accepted, said beside its offer (`match-<id>-withheld`); none when it can. */
  withheld: string | undefined;
  problem: Problem | undefined;
  onProblem: (problem: Problem | undefined) => void;
  onMoved: () => Promise<void>;
}) {
  // Only the moves the API's lifecycle allows (shared/assistance/transitions.ts), but an acceptance the offer's end
  // withholds, none chosen for the person: an accepted match's first move, delivered, is final
  // (assistance-move-choice.ts).
  const legal = movesOffered(matchTransitions[match.status], withheld);
  const [chosen, setChosen] = useState("");
  const to = chosenMove(legal, chosen);
  const id = `match-${match.id}`;
  // The refusal is kept by the list, so the form's own problem goes unread; `useSubmit` runs the move and focuses it.
  const { busy, submit } = useSubmit(
    async () => {
      try {
        if (!to) throw new ProblemError(noMoveChosen("match"));
        await moveMatch(match, to, "");
        onProblem(undefined);
        await onMoved();
      } catch (error) {
        onProblem(problemOf(error));
        throw error;
      }
    },
    // A stale list is read again, so the next choice is made on what stands.
    { onStale: onMoved },
  );
  // A stale refusal draws this move anew (the match read again): the focus the old form held goes to the new one, or
  // to the refusal beside a match found final.
  const scope = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem && scope.current) focusRefused(scope.current);
  }, []);
  return (
    <div ref={scope} data-refusal-scope>
      {legal.length === 0 ? (
        // A refusal that found it final (delivered meanwhile) still says so here.
        <>
          <span class="muted">A {match.status} match moves no more.</span>
          <Refusal id={`${id}-problem`} problem={problem} />
        </>
      ) : (
        <form
          class="inline-form"
          onSubmit={submit}
          aria-label={`Move the match of ${offerOf(providerName(match.provider, names), match.offer)}`}
        >
          <label for={id}>Move to</label>{" "}
          <select
            id={id}
            value={to ?? ""}
            aria-invalid={problem !== undefined}
            aria-describedby={
              [problem && `${id}-problem`, withheld && `${id}-withheld`].filter(Boolean).join(" ") || undefined
            }
            onChange={(e) => setChosen(e.currentTarget.value)}
          >
            {/* A match's statuses are words already ("accepted", "declined"). */}
            {moveChoices(legal, (status) => status).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>{" "}
          <BusyButton type="submit" busy={busy}>
            Move
          </BusyButton>
          <Refusal id={`${id}-problem`} problem={problem} at="to" />
        </form>
      )}
    </div>
  );
}

export function Matches({
  loaded,
  reread,
  session,
  names,
  onMoved,
}: {
  /** The request's matches as the page read them this round, and how to read them again. */
  loaded: Loaded<ListedMatch[]>;
  reread: () => Promise<void>;
  session: Session;
  names: OwnerNames;
  onMoved: () => Promise<void>;
}) {
  // A move is busy until the matches (and the request) are read again: the moves offered are the match's as it stood.
  const moved = async () => {
    await Promise.all([reread(), onMoved()]);
  };
  const mayMove = may(session.group, "POST /assistance/matches/{id}/transitions");
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  // A proposal whose offer is not valid on the desk's day cannot be accepted (the API refuses it): said beside it. A
  // match past its proposal was agreed while the offer ran: its end says nothing of it.
  const today = deskToday();
  const withheldOf = (match: ListedMatch) =>
    match.status === "proposed" ? acceptanceWithheld(match.offerValidity, today) : undefined;
  const problemFor = (matchId: string) => (problem: Problem | undefined) =>
    setProblems(({ [matchId]: _, ...others }) => (problem ? { ...others, [matchId]: problem } : others));
  return (
    <section aria-labelledby="matches-title">
      <h2 id="matches-title" tabIndex={-1}>
        Matches
      </h2>
      <Show what={loaded}>
        {(matches) =>
          matches.length === 0 ? (
            <p>No offer has been proposed for this request.</p>
          ) : (
            <ListTable
              label="Matches of the request"
              caption="Offers proposed for this request"
              list="matches"
              rows={matches}
              keyOf={(match) => match.id}
              columns={[
                { header: "Provider", cell: (match: ListedMatch) => providerName(match.provider, names) },
                // Which of the provider's offers: two of one provider's would read alike by its name alone.
                {
                  header: "Offer",
                  field: "match-offer",
                  cell: (match: ListedMatch) => {
                    const withheld = withheldOf(match);
                    return (
                      <>
                        {match.offer}
                        {withheld && (
                          <div class="muted" id={`match-${match.id}-withheld`}>
                            {withheld}
                          </div>
                        )}
                      </>
                    );
                  },
                },
                { header: "Areas", cell: (match: ListedMatch) => areasInWords(match.areas) },
                { header: "Status", field: "match-status", cell: (match: ListedMatch) => match.status },
                {
                  header: "History",
                  cell: (match: ListedMatch) => (
                    <>
                      proposed {match.proposedOn}
                      {match.history.map((move) => `; ${move.to} ${move.on}`).join("")}
                    </>
                  ),
                },
                ...(mayMove
                  ? [
                      {
                        header: "Move",
                        cell: (match: ListedMatch) => (
                          <MoveMatch
                            key={match.updatedAt}
                            match={match}
                            names={names}
                            withheld={withheldOf(match)}
                            problem={problems[match.id]}
                            onProblem={problemFor(match.id)}
                            onMoved={moved}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )
        }
      </Show>
    </section>
  );
}
