// A pending request's one-year follow-up in the report's words: its status, the letter's date once it went, the day
// it falls due. Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";

type FollowUp = components["schemas"]["AssistanceReport"]["requests"][number]["followUp"];

export function followUpWords(followUp: FollowUp): string {
  if (!followUp) return "not circulated";
  const sent = followUp.followedUpOn ? ` on ${followUp.followedUpOn}` : "";
  return `${followUp.status}${sent}, due ${followUp.dueOn}`;
}
