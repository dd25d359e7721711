// Form fields that show the API's problem next to the field it names (422 `errors[].path`, e.g. body.receivedOn),
// and the problem's own words for refusals that name no field (409, 412). The form keeps what was typed.
import type { ComponentChildren } from "preact";
import type { Problem } from "../api/client.ts";

/** The message for one body field, if the problem names it. */
export function fieldProblem(problem: Problem | undefined, field: string): string | undefined {
  const at = problem?.errors?.find((error) => error.path === `body.${field}` || error.path === field);
  return at?.message;
}

/** The problem's words when no field of the form carries them. */
export function formProblem(problem: Problem | undefined, fields: readonly string[]): string | undefined {
  if (!problem) return undefined;
  const named = (problem.errors ?? []).some((error) =>
    fields.some((field) => fieldProblem(problem, field) === error.message),
  );
  if (named) return undefined;
  return [problem.title, problem.detail].filter(Boolean).join(": ");
}

export function Field(props: {
  id: string;
  label: string;
  problem: string | undefined;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}) {
  const errorId = `${props.id}-problem`;
  return (
    <div class={props.problem ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.children(props.problem ? errorId : undefined, props.problem !== undefined)}
      {props.problem && (
        <p id={errorId} class="field-problem">
          {props.problem}
        </p>
      )}
    </div>
  );
}
