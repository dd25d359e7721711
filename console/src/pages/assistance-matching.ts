// Matchmaking as the console reads and moves it: a request's ranked candidates and its matches, proposing an offer,
// and moving a match (with the ETag read just before, refused when the match moved since the page showed it).
import { api, dataOf, ProblemError, type Schemas } from "../api/client.ts";

export type Candidate = Schemas["AssistanceCandidate"];
export type AssistanceMatch = Schemas["AssistanceMatch"];
/**
 * A match as its request lists it: with its offer in words (`offer`), which tell two offers of one provider apart, and
 * the offer's validity (`offerValidity`), which says whether a proposal may still be accepted
 * (assistance-match-acceptance.ts).
 */
export type ListedMatch = Schemas["AssistanceMatchListed"];
export type MatchStatus = AssistanceMatch["status"];

export async function candidatesOf(requestId: string) {
  return dataOf(await api.GET("/assistance/requests/{id}/candidates", { params: { path: { id: requestId } } }));
}

export async function matchesOf(requestId: string): Promise<ListedMatch[]> {
  return dataOf(await api.GET("/assistance/requests/{id}/matches", { params: { path: { id: requestId } } })).items;
}

/** Proposes the offer for the request, on the day `on` (YYYY-MM-DD; today when empty). */
export async function proposeMatch(
  requestId: string,
  offerId: string,
  { on, note }: { on: string; note: string },
): Promise<AssistanceMatch> {
  const day = on.trim();
  return dataOf(
    await api.POST("/assistance/matches", {
      body: { requestId, offerId, ...(day ? { on: day } : {}), ...(note.trim() ? { note } : {}) },
    }),
  );
}

/**
 * Moves a match the page showed as `shown`. The list carries no ETags, so the match is read first; if it moved since
 * the page showed it, the move is refused here as the API would refuse a stale ETag (412), and nothing is sent.
 */
export async function moveMatch(shown: AssistanceMatch, to: MatchStatus, note: string): Promise<AssistanceMatch> {
  const current = await api.GET("/assistance/matches/{id}", { params: { path: { id: shown.id } } });
  const match = dataOf(current);
  const etag = current.response.headers.get("etag");
  if (!etag) throw new Error("The API sent no ETag");
  if (match.status !== shown.status || match.updatedAt !== shown.updatedAt) {
    throw new ProblemError({
      type: "about:blank",
      title: "Changed since shown",
      status: 412,
      detail: `This match is now ${match.status}; the list has been read again.`,
    });
  }
  const moved = await api.POST("/assistance/matches/{id}/transitions", {
    params: { path: { id: shown.id }, header: { "If-Match": etag } },
    body: { to, ...(note.trim() ? { note } : {}) },
  });
  return dataOf(moved).match;
}
