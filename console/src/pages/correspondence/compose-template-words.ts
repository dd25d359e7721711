// A template as the composer's select names it: what its letters are for, read from its description, with its id
// beside it, which tells apart a template and its copy (whose description is the same). Pure, tested in Node.
import type { components } from "../../api/schema";

type Template = components["schemas"]["Template"];

/** Longer than this, a purpose is cut at a word: an option is one line, and the id must still show. */
const MOST = 100;

/**
 * The description's first clause, before its references ("(programme of work, annex I …)") or its next sentence:
 * "March: to the States that have not yet submitted a first national report".
 */
function purposeOf(description: string | undefined): string {
  const clause = (description ?? "").split(/ \(|\. |; /)[0]?.trim() ?? "";
  if (clause.length <= MOST) return clause;
  const word = clause.lastIndexOf(" ", MOST);
  return `${clause.slice(0, word > 0 ? word : MOST)}…`;
}

/** The option's words: the purpose with the id in brackets, or the id alone for a template described by none. */
export function templateWords(template: Pick<Template, "id" | "description">): string {
  const purpose = purposeOf(template.description);
  return purpose ? `${purpose} (${template.id})` : template.id;
}
