// The areas of assistance as checkboxes, in words and in the API's order, with the API's problem for them: one field
// for the forms that record an offer and a request. Its problem goes once a box changes after the refusal.
import { useFieldProblem } from "../ui/form.tsx";
import { ASSISTANCE_AREAS, type AssistanceArea } from "./assistance-offers-data.ts";
import { AREA_WORDS } from "./assistance-words.ts";

export function AreasField(props: {
  /** Keeps the ids of two forms apart: `${id}-problem`. */
  id: string;
  chosen: readonly AssistanceArea[];
  problem: string | undefined;
  onChange: (areas: AssistanceArea[]) => void;
}) {
  const { chosen } = props;
  const problemId = `${props.id}-problem`;
  const { problem, changes } = useFieldProblem(props.id, props.problem);
  return (
    <fieldset id={props.id} class={problem ? "field invalid" : "field"} {...changes}>
      <legend>Areas</legend>
      <div class="checkboxes">
        {ASSISTANCE_AREAS.map((area) => (
          <label key={area}>
            <input
              type="checkbox"
              value={area}
              checked={chosen.includes(area)}
              // Each box carries the group's problem: a refusal's focus lands on the first, which then reads it.
              aria-invalid={problem !== undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(e) =>
                props.onChange(
                  e.currentTarget.checked
                    ? ASSISTANCE_AREAS.filter((a) => a === area || chosen.includes(a))
                    : chosen.filter((a) => a !== area),
                )
              }
            />{" "}
            {AREA_WORDS[area]}
          </label>
        ))}
      </div>
      {problem && (
        <p id={problemId} class="field-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
