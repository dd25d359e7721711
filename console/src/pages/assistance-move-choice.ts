// The move a lifecycle's form stands for (a request's "Move the request", a match's "Move to"): none until the person
// chooses one. A move chosen for them was recorded by a press of the button, a final one too (audit 35, item 14: a
// circulated request's withdrawal, first offered, was preselected; an accepted match's delivery likewise); so each
// form opens on "Choose a move" and is refused at that field, before anything is sent, until a move is chosen.
// Pure, tested in Node.
import type { components } from "../api/schema";
import { MOVE_WORDS } from "./assistance-words.ts";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];
type RequestStatus = Schemas["AssistanceRequest"]["status"];

/** The move chosen, while it is offered; none until one is, nor once the form offers it no more. */
export const chosenMove = <Status extends string>(offered: readonly Status[], chosen: string): Status | undefined =>
  offered.find((status) => status === chosen);

/** The field's choices: the empty "Choose a move" first, then the moves offered, by the status each leads to. */
export const moveChoices = <Status extends string>(
  offered: readonly Status[],
  inWords: (status: Status) => string,
): (readonly [value: string, words: string])[] => [
  ["", "Choose a move"],
  ...offered.map((status) => [status, inWords(status)] as const),
];

/** The request form's button: what the move chosen does, or the form's own words until one is chosen. */
export const requestMoveButtonWords = (to: RequestStatus | undefined): string =>
  to ? MOVE_WORDS[to] : "Move the request";

/** A form's refusal while no move is chosen, as the API words one (422, at the field), so the focus goes there. */
export const noMoveChosen = (moved: "request" | "match"): Problem => ({
  type: "about:blank",
  title: "No move chosen",
  status: 422,
  errors: [{ path: "body.to", message: `Choose a move: the ${moved} stays as it is until you do.` }],
});
