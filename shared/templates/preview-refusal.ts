// Why a letter cannot be previewed: the values it names that the preview was not given, each at the request's field
// that gives it (`body.values.<variable>`, a State's at `body.iso3`), in words a reader acts on, not the template's own
// `{{ }}` syntax (audit 34, item 12).

import type { FieldIssue } from "../errors.ts";
import { Invalid } from "../errors.ts";
import { listed } from "../listed.ts";
import type { TemplateVariable } from "./variables.ts";

/** What to give for each value, said after "Give". A State's values come from the State the preview names. */
const TO_GIVE: Readonly<Record<TemplateVariable, string>> = {
  "state.name": "a State",
  "state.nameInText": "a State",
  "state.iso3": "a State",
  "organization.name": "a sample organization's name",
  "organization.acronym": "a sample organization's acronym",
  "contact.name": "a sample contact's name",
  "contact.title": "a sample contact's title",
  "contact.agency": "a sample contact's agency or ministry",
  "contacts.onRecord": "sample points of contact on record (a list, which may be empty)",
  "offers.onRecord": "sample offers of assistance on record (a list, which may be empty)",
  "assistance.followUps": "sample requests owed a follow-up (a list)",
  deadline: "a deadline",
  "briefing.date": "the briefing's date",
  "briefing.time": "the briefing's starting time",
  "briefing.venue": "the briefing's venue",
  "committee.chair": "the Committee Chair's name (none is configured for today)",
  "committee.name": "the Committee's name",
  "wave.sendDate": "a send date",
};

/** The request's field that gives a value: the State the preview names for a State's values, else the value itself. */
const fieldOf = (variable: TemplateVariable): string =>
  variable.startsWith("state.") ? "body.iso3" : `body.values.${variable}`;

/** The preview's 422 for the values a letter names and was not given: one issue per field, and all of them in words. */
export function previewRefusal(missing: readonly TemplateVariable[]): Invalid {
  const issues = new Map<string, FieldIssue>();
  for (const variable of missing) {
    const path = fieldOf(variable);
    issues.set(path, { path, message: `Give ${TO_GIVE[variable]} to preview this letter` });
  }
  const wanted = [...new Set(missing.map((variable) => TO_GIVE[variable]))];
  return new Invalid(`To preview this letter, give ${listed(wanted)}`, [...issues.values()]);
}
