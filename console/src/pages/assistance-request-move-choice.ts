// The move a request's "Move the request" form stands for: none until the person chooses one. A move chosen for them
// was recorded by a press of the button, a final one too (audit 35, item 14: a circulated request's withdrawal, first
// offered, was preselected); so the form opens on "Choose a move" and is refused at that field, before anything is
// sent, until a move is chosen. Pure, tested in Node.
import type { components } from "../api/schema";
import { MOVE_WORDS, REQUEST_STATUS_WORDS } from "./assistance-words.ts";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];
type RequestStatus = Schemas["AssistanceRequest"]["status"];

/** The move chosen, while it is offered; none until one is, nor once the day of the move withholds it. */
export const chosenMove = (offered: readonly RequestStatus[], chosen: string): RequestStatus | undefined =>
  offered.find((status) => status === chosen);

/** The field's choices: the empty "Choose a move" first, then the moves offered, by the status each leads to. */
export const moveChoices = (offered: readonly RequestStatus[]): (readonly [value: string, words: string])[] => [
  ["", "Choose a move"],
  ...offered.map((status) => [status, REQUEST_STATUS_WORDS[status]] as const),
];

/** The submit button's words: what the move chosen does, or the form's own until one is chosen. */
export const moveButtonWords = (to: RequestStatus | undefined): string => (to ? MOVE_WORDS[to] : "Move the request");

/** The form's refusal while no move is chosen, as the API words one (422, at the field), so the focus goes there. */
export const NO_MOVE_CHOSEN: Problem = {
  type: "about:blank",
  title: "No move chosen",
  status: 422,
  errors: [{ path: "body.to", message: "Choose a move: the request stays as it is until you do." }],
};
