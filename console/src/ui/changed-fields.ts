// The fields a person changed after a form's refusal: a field changed since no longer shows its problem (the person
// has answered it there; a problem left under it reads as still wrong), the others keep theirs, and the next refusal
// starts afresh, even in the same words. The problem no field shows stays until the next press, except the console's
// own "nothing to save", which any change answers. Pure, tested in Node.
import type { components } from "../api/schema";

type Problem = components["schemas"]["Problem"];

/** The type of the console's refusal of a save that would change nothing (ui/form.tsx `nothingChanged`). */
export const NOTHING_CHANGED_TYPE = "/console/nothing-changed";

/** The ids of the fields changed since `after`, the refusal they answer. */
export interface FieldsChanged {
  after: Problem | undefined;
  ids: ReadonlySet<string>;
}

export const NONE_CHANGED: FieldsChanged = { after: undefined, ids: new Set() };

/** The fields changed once the field `id` changes while `refusal` stands; the same when it was counted already. */
export function fieldChanged(changed: FieldsChanged, refusal: Problem | undefined, id: string): FieldsChanged {
  if (refusal === undefined || (changed.after === refusal && changed.ids.has(id))) return changed;
  const before = changed.after === refusal ? changed.ids : [];
  return { after: refusal, ids: new Set([...before, id]) };
}

/** Whether the field `id` still shows its problem: not once it has changed after `refusal`. */
export const fieldStillRefused = (changed: FieldsChanged, refusal: Problem | undefined, id: string): boolean =>
  refusal === undefined || changed.after !== refusal || !changed.ids.has(id);

/**
 * Whether the problem no field shows still stands: a conflict, a stale write, a failed request or errors at fields
 * the form lacks speak of the press as a whole, and no change to one field tells that it no longer applies, so they
 * stay until the next press; "nothing to save" no longer applies once anything changed.
 */
export const formStillRefused = (changed: FieldsChanged, refusal: Problem | undefined): boolean =>
  refusal?.type !== NOTHING_CHANGED_TYPE || changed.after !== refusal || changed.ids.size === 0;
