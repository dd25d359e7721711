// A pending request's one-year follow-up in the report's words (not the API's status codes): the letter's date once it
// went, the day it falls due. Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";

type FollowUp = components["schemas"]["AssistanceReport"]["requests"][number]["followUp"];

export function followUpWords(followUp: FollowUp): string {
  if (!followUp) return "not circulated";
  const { status, dueOn, followedUpOn } = followUp;
  switch (status) {
    case "followed-up":
      return `followed up on ${followedUpOn ?? "?"} (due ${dueOn})`;
    case "overdue":
      return `overdue since ${dueOn}`;
    case "due":
      return `due soon, on ${dueOn}`;
    case "not-yet":
      return `due on ${dueOn}`;
  }
}
