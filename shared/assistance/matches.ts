// Use cases of matchmaking: rank candidate offers for a request, propose a match, move it (accept, deliver, decline).
import type { AuditContext } from "../audit/audit-entry.ts";
import { checkDayOfMove, deskToday, type EarliestDay } from "../clock.ts";
import { ownerNamesFrom } from "../contacts/contact-words.ts";
import { ownerText } from "../contacts/schemas.ts";
import { Conflict, type FieldIssue, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { capitalized, listed } from "../listed.ts";
import { assertNotRetired } from "../organizations/retired.ts";
import type { Organization } from "../organizations/schemas.ts";
import type { Versioned } from "../versioning.ts";
import { OPEN_TO_MATCHES } from "./match-open.ts";
import { matchMoveNote, offerOf } from "./match-words.ts";
import { matchedOfferWords, type OfferWords, offerInWords } from "./offer-words.ts";
import { isActiveOn, rankCandidates } from "./ranking.ts";
import type { AssistanceChange } from "./repository.ts";
import { type AssistanceDependencies, requestFileOf } from "./requests.ts";
import {
  type AssistanceMatch,
  type AssistanceOffer,
  type AssistanceRequest,
  assistanceAreas,
  type Candidate,
  type ListedMatch,
  type MatchTransitionInput,
  type NewAssistanceMatch,
  type Provider,
  type RequestStatus,
} from "./schemas.ts";
import { MATCH_STATUS_WORDS, REQUEST_STATUS_WORDS } from "./status-words.ts";
import { assertMatchTransition, checkMoveDate, isBinding, moveRequest, requestNamed } from "./workflow.ts";

type MatchDependencies = Pick<AssistanceDependencies, "assistance" | "clock">;

/** The active offers that share an area with the request, best first, each with the reasons for its place. */
export const candidatesFor =
  (deps: MatchDependencies) =>
  async (requestId: string): Promise<{ request: AssistanceRequest; candidates: Candidate[] }> => {
    const { request, matches } = await requestFileOf(deps, requestId);
    const offers = await deps.assistance.allOffers();
    const candidates = rankCandidates(
      request.value,
      offers,
      deskToday(deps.clock),
      matches.map((match) => match.value),
    );
    return { request: request.value, candidates };
  };

/** The matches of `provider`'s offers among `matches`: the only offers a match's words are told apart from. */
const matchesOf = (matches: readonly AssistanceMatch[], provider: Provider) =>
  matches.filter((match) => ownerText(match.provider) === ownerText(provider));

/**
 * The offer of each of `matches`: read together (one batch), but for those `known` already. The desk never deletes an
 * offer, so a match without one is a broken record, said as such.
 */
async function offersOf(
  deps: Pick<AssistanceDependencies, "assistance">,
  matches: readonly AssistanceMatch[],
  known: readonly AssistanceOffer[] = [],
): Promise<(match: AssistanceMatch) => AssistanceOffer> {
  const offers = new Map(known.map((offer) => [offer.id, offer]));
  const unread = matches.map((match) => match.offerId).filter((id) => !offers.has(id));
  for (const [id, offer] of await deps.assistance.offersById(unread)) offers.set(id, offer);
  return (match) => {
    const offer = offers.get(match.offerId);
    if (!offer) throw new Error(`Match ${match.id} names offer ${match.offerId}, which is not on record`);
    return offer;
  };
}

/** How to name the offer of each of `matches`, told apart from the offers of the same provider among them. */
const offerWordsOf =
  (matches: readonly AssistanceMatch[], offerFor: (match: AssistanceMatch) => AssistanceOffer) =>
  (match: AssistanceMatch): string =>
    matchedOfferWords(offerFor(match), matchesOf(matches, match.provider).map(offerFor));

/** A request's matches, in id order, each with its offer in words and the offer's validity. */
export const listedMatches =
  (deps: Pick<AssistanceDependencies, "assistance">) =>
  async (requestId: string): Promise<ListedMatch[]> => {
    const matches = (await requestFileOf(deps, requestId)).matches.map((match) => match.value);
    const offerFor = await offersOf(deps, matches);
    const offerWords = offerWordsOf(matches, offerFor);
    return matches.map((match) => {
      const { validFrom, validUntil } = offerFor(match);
      return { ...match, offer: offerWords(match), offerValidity: { validFrom, validUntil } };
    });
  };

export const getMatch =
  (deps: Pick<AssistanceDependencies, "assistance">) =>
  async (id: string): Promise<Versioned<AssistanceMatch>> => {
    const match = await deps.assistance.getMatch(id);
    if (!match) throw new NotFound("Match", id);
    return match;
  };

/** An offer as a refusal names it mid-sentence: whose, and which ("Switzerland's offer “…” (valid from …)"). */
const offerNamed = (providerName: string, offer: OfferWords): string => offerOf(providerName, offerInWords(offer));

/**
 * The earliest day a match of `offer` for `request` can be proposed, and what that day is in a refusal's words: the
 * request's first circulation (providers see it from then; a request from before circulation was recorded has its
 * receipt), or the start of the offer's validity, whichever is later.
 */
function earliestProposal(request: AssistanceRequest, offer: AssistanceOffer): EarliestDay {
  const circulated = request.circulatedOn
    ? { day: request.circulatedOn, is: "the request was circulated" }
    : { day: request.receivedOn, is: "the request was received" };
  return offer.validFrom > circulated.day ? { day: offer.validFrom, is: "the offer's validity starts" } : circulated;
}

/**
 * Proposes an offer for a request, on the day `on` (today by default; a match agreed earlier is entered afterwards):
 * not in the future, nor before the request's circulation or the offer's validity (422 at `body.on`). The request must
 * be open to matches now, the offer valid on that day, from someone other than the requesting State and not from a
 * retired organization, and share an area with the request. One match per request and offer (409 otherwise). Every
 * refusal names the request by its symbol and State, the offer by its provider and words.
 */
export const proposeMatch =
  (deps: MatchDependencies & Pick<AssistanceDependencies, "registry" | "organizations">) =>
  async (
    input: NewAssistanceMatch & { demo?: boolean; matchId?: string },
    audit: AuditContext,
  ): Promise<Versioned<AssistanceMatch>> => {
    const today = deskToday(deps.clock);
    const on = input.on ?? today;
    const [file, offer] = await Promise.all([
      deps.assistance.requestFile(input.requestId),
      deps.assistance.getOffer(input.offerId),
    ]);
    // Records the body names that do not exist are the body's fault (422 at each field), not a missing resource.
    const issues: FieldIssue[] = [];
    if (!file) issues.push({ path: "body.requestId", message: `no assistance request ${input.requestId}` });
    if (!offer) issues.push({ path: "body.offerId", message: `no offer ${input.offerId}` });
    if (!file || !offer) throw new Invalid("The match names what does not exist", issues);
    const { request } = file;
    const { status, iso3 } = request.value;
    const { provider } = offer.value;
    const { names, organization } = await partiesOf(deps, iso3, provider);
    const requestWords = requestNamed(request.value, names.get(ownerText({ kind: "state", iso3 })));
    const offerWords = offerNamed(names.get(ownerText(provider)) ?? ownerText(provider), offer.value);
    // A day given is checked against what it follows (422 at its field). Today, the default, follows the circulation;
    // an offer not yet valid today is the 409 below, as the body named no day.
    if (input.on) {
      checkDayOfMove(on, {
        today,
        ...withPrevious(earliestProposal(request.value, offer.value)),
        refusal: "The day of the proposal is not possible",
      });
    }
    if (!OPEN_TO_MATCHES.includes(status)) {
      throw new Conflict(
        `${capitalized(requestWords)} is ${REQUEST_STATUS_WORDS[status]}; offers are matched to requests that are ` +
          listed(
            OPEN_TO_MATCHES.map((open) => REQUEST_STATUS_WORDS[open]),
            "or",
          ),
      );
    }
    if (!isActiveOn(offer.value, on)) {
      throw new Conflict(`${capitalized(offerWords)} is not valid on ${on}${on === today ? " (today)" : ""}`);
    }
    // An offer of a retired organization that still runs (left from before retirements were checked) is not proposed.
    if (organization) assertNotRetired(organization, "its offers are matched no more");
    if (provider.kind === "state" && provider.iso3 === iso3) {
      throw new Conflict(`${capitalized(offerWords)} cannot answer ${requestWords}: it is the requesting State's own`);
    }
    const areas = assistanceAreas.filter(
      (area) => request.value.areas.includes(area) && offer.value.areas.includes(area),
    );
    if (!areas.length) throw new Conflict(`${capitalized(offerWords)} shares no area with ${requestWords}`);
    const now = deps.clock.now().toISOString();
    const match: AssistanceMatch = {
      id: input.matchId ?? newId(deps.clock),
      requestId: input.requestId,
      offerId: input.offerId,
      iso3,
      provider,
      areas,
      status: "proposed",
      proposedOn: on,
      ...(input.note ? { note: input.note } : {}),
      history: [],
      ...(input.demo ? { demo: true } : {}),
      createdAt: now,
      createdBy: audit.actor.id,
      updatedAt: now,
    };
    const providersMatches = [
      ...matchesOf(
        file.matches.map((other) => other.value),
        provider,
      ),
      match,
    ];
    const matchedWords = offerWordsOf(providersMatches, await offersOf(deps, providersMatches, [offer.value]))(match);
    await deps.assistance
      .write([
        ...deps.assistance.newMatch(match),
        deps.assistance.requestIsAt(request.value.id, request.version),
        deps.assistance.audit({
          ...audit,
          action: "assistance.match.propose",
          entity: { type: "assistance-request", id: input.requestId },
          // Which offer, in words as they are today: the trail and the timelines name it so, never by its id.
          after: { ...match, offer: matchedWords },
        }),
      ])
      .catch((error: unknown) => {
        // One match per request and offer is the pair guard's alone (a check of the file read would repeat it, and
        // miss a colleague's proposal landed since): its refusal, in words, naming the match that holds the pair.
        const matchId = error instanceof Conflict ? error.details.matchId : undefined;
        throw typeof matchId === "string" ? alreadyMatched(offerWords, requestWords, matchId) : error;
      });
    return { value: match, version: 1 };
  };

/** One match per request and offer: 409 naming both in words, with the match that holds the pair (`matchId`). */
const alreadyMatched = (offerWords: string, requestWords: string, matchId: string) =>
  new Conflict(`${capitalized(offerWords)} is already matched to ${requestWords}`, { matchId });

/**
 * The names of the requesting State and of the provider (contact-words.ts), and the provider organization as stored,
 * whose retirement a proposal checks: each read once, together.
 */
async function partiesOf(
  deps: Pick<AssistanceDependencies, "registry" | "organizations">,
  iso3: string,
  provider: Provider,
): Promise<{ names: Map<string, string>; organization: Organization | undefined }> {
  const [states, organizations] = await Promise.all([
    deps.registry.getStates(provider.kind === "state" ? [iso3, provider.iso3] : [iso3]),
    deps.organizations.getOrganizations(provider.kind === "organization" ? [provider.id] : []),
  ]);
  return {
    names: ownerNamesFrom(states, organizations, [ownerText({ kind: "state", iso3 }), ownerText(provider)]),
    organization: provider.kind === "organization" ? organizations.get(provider.id)?.value : undefined,
  };
}

/** An earliest day as checkDayOfMove takes it. */
const withPrevious = (earliest: EarliestDay) => ({ previous: earliest.day, previousIs: earliest.is });

/** Which request statuses each match move needs. */
const requestStatusesFor: Record<MatchTransitionInput["to"], readonly RequestStatus[] | undefined> = {
  proposed: undefined,
  accepted: OPEN_TO_MATCHES,
  delivered: ["matched", "in-progress", "fulfilled"],
  // A provider may always step back.
  declined: undefined,
};

/**
 * Where a match's move takes its request: accepting a match of a circulated request makes it `matched`; declining the
 * last binding match (`after`, the request's matches with the move) of a matched request takes it back to
 * `circulated`; otherwise nowhere.
 */
function requestMoveFor(
  to: MatchTransitionInput["to"],
  requestStatus: RequestStatus,
  after: readonly AssistanceMatch[],
): "matched" | "circulated" | undefined {
  if (to === "accepted" && requestStatus === "circulated") return "matched";
  if (to === "declined" && requestStatus === "matched" && !after.some(isBinding)) return "circulated";
  return undefined;
}

/**
 * Moves a match if it is still at `expectedVersion`, and its request where the move takes it (`requestMoveFor`), in
 * the same transaction, conditional on the request as read. The request's history says whose offer moved it, and
 * which.
 */
export const transitionMatch =
  (deps: MatchDependencies & Pick<AssistanceDependencies, "registry" | "organizations">) =>
  async (
    id: string,
    expectedVersion: number,
    input: MatchTransitionInput,
    audit: AuditContext,
  ): Promise<{ match: Versioned<AssistanceMatch>; request: AssistanceRequest }> => {
    const found = await getMatch(deps)(id);
    // Checked on the match alone: a stale request costs its read, not the names and offers of its words.
    if (found.version !== expectedVersion) throw new PreconditionFailed("The match", found.version, expectedVersion);
    const current = found.value;
    const { request, matches } = await requestFileOf(deps, current.requestId);
    // The match as read by id, whether or not the request's file shows it yet.
    const others = matches.map((match) => match.value).filter((match) => match.id !== id);
    const { provider } = current;
    const { names } = await partiesOf(deps, request.value.iso3, provider);
    const providerWords = names.get(ownerText(provider)) ?? ownerText(provider);
    const requestWords = requestNamed(request.value, names.get(ownerText({ kind: "state", iso3: request.value.iso3 })));
    // Which offer, in words as they are today: refusals, the request's history and the trail are read by people, who
    // do not know a match's id.
    const providersMatches = matchesOf([current, ...others], provider);
    const offerFor = await offersOf(deps, providersMatches);
    const offer = offerWordsOf(providersMatches, offerFor)(current);
    const matchWords = `the match of ${offerOf(providerWords, offer)} to ${requestWords}`;
    const from = current.status;
    assertMatchTransition(matchWords, from, input.to);
    const needed = requestStatusesFor[input.to];
    if (needed && !needed.includes(request.value.status)) {
      throw new Conflict(
        `${capitalized(matchWords)} cannot be ${MATCH_STATUS_WORDS[input.to]} while the request is ` +
          `${REQUEST_STATUS_WORDS[request.value.status]}`,
      );
    }
    const today = deskToday(deps.clock);
    const on = input.on ?? today;
    const at = deps.clock.now().toISOString();
    checkMoveDate({ receivedOn: current.proposedOn, history: current.history }, on, today);
    // Accepted only while the offer runs, as it is proposed; delivered after it ended, as a workshop accepted in time
    // may be held later.
    const matched = offerFor(current);
    if (input.to === "accepted" && !isActiveOn(matched, on)) {
      throw new Conflict(
        `${capitalized(offerNamed(providerWords, matched))} is not valid on ${on}` +
          `${on === today ? " (today)" : ""}: its match to ${requestWords} cannot be accepted`,
      );
    }
    const next: AssistanceMatch = {
      ...current,
      status: input.to,
      history: [
        ...current.history,
        { from, to: input.to, on, at, by: audit.actor, ...(input.note ? { note: input.note } : {}) },
      ],
      updatedAt: at,
    };
    const after = [...others, next];

    const requestTo = requestMoveFor(input.to, request.value.status, after);
    const requestMove = requestTo && {
      to: requestTo,
      on,
      note: matchMoveNote(providerWords, offer, input.to),
      at,
      by: audit.actor,
    };
    const nextRequest = requestMove ? moveRequest(request.value, requestMove, after, requestWords) : request.value;
    if (requestMove) checkMoveDate(request.value, on, today);

    const writes: AssistanceChange[] = [
      deps.assistance.replaceMatch(next, found.version),
      deps.assistance.audit({
        ...audit,
        action: "assistance.match.transition",
        entity: { type: "assistance-request", id: request.value.id },
        // The provider puts the move on an organization's trail too, as the proposal is (ADR 0056).
        before: { iso3: request.value.iso3, provider, offer, match: id, status: from },
        after: { iso3: request.value.iso3, provider, offer, match: id, status: input.to, on },
      }),
    ];
    if (requestMove) {
      writes.push(
        deps.assistance.replaceRequest(nextRequest, request.version),
        deps.assistance.audit({
          ...audit,
          action: "assistance.request.transition",
          entity: { type: "assistance-request", id: request.value.id },
          before: { iso3: request.value.iso3, status: request.value.status },
          after: { iso3: request.value.iso3, status: nextRequest.status, on, note: requestMove.note },
        }),
      );
    } else {
      // The request's status decided that it stays as it is; a move of it meanwhile must not be overtaken.
      writes.push(deps.assistance.requestIsAt(request.value.id, request.version));
    }
    await deps.assistance.write(writes);
    return { match: { value: next, version: found.version + 1 }, request: nextRequest };
  };
