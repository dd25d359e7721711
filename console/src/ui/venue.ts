// The open briefing's venue as the forms that give it hold it (shared/templates/values.ts `briefing.venue`): one text
// for every language, or a text in each of the six; what is stored opens the form, the form gives what is stored, and a
// venue missing in a language is refused at that language's field before anything is sent. Pure, so it is tested in
// Node (test/unit/console-venue.test.ts); ui/venue-field.tsx lays it out.
import { directionOf, LANGUAGE_TAG, UN_LANGUAGES } from "../../../shared/locale/languages.ts";
import type { UnLanguage } from "../../../shared/registry/schemas.ts";
import type { components } from "../api/schema";
import { LANGUAGE_NAMES as ENGLISH_NAMES } from "./language-names.ts";

// Not api/client.ts's: it reads `window`, and this module is tested in Node.
type Problem = components["schemas"]["Problem"];
type Venue = NonNullable<components["schemas"]["WaveValues"]["briefing.venue"]>;

/** Each language named in its own script, what its readers look for; the console's English names sit beside them. */
const OWN_NAMES: Readonly<Record<UnLanguage, string>> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

interface VenueLanguage {
  code: UnLanguage;
  /** The language's own name ("العربية"), where it is not English; shown with its `tag` as `lang`. */
  own: string | undefined;
  english: string;
  /** The field's `lang` and `dir`, as a letter in that language declares them. */
  tag: string;
  dir: "ltr" | "rtl";
}

/** The six languages in the UN's order, as the venue's fields name and lay them out. */
export const VENUE_LANGUAGES: readonly VenueLanguage[] = UN_LANGUAGES.map((code) => {
  const [own, english] = [OWN_NAMES[code], ENGLISH_NAMES[code]];
  return {
    code,
    own: own === english ? undefined : own,
    english,
    tag: LANGUAGE_TAG[code],
    dir: directionOf(code),
  };
});

export interface VenueForm {
  /** One text for every language, or a text in each. */
  mode: "one" | "each";
  one: string;
  /** Kept while the other mode is chosen, so that a change of mind loses no typing. */
  each: Record<UnLanguage, string>;
}

const noTexts = (): Record<UnLanguage, string> => ({ ar: "", zh: "", en: "", fr: "", ru: "", es: "" });

/** The form for the venue stored: a venue in each language opens with its six texts. */
export function venueFormOf(venue: Venue | undefined): VenueForm {
  if (venue === undefined || typeof venue === "string") return { mode: "one", one: venue ?? "", each: noTexts() };
  return { mode: "each", one: "", each: { ...noTexts(), ...venue } };
}

/** The venue to send, trimmed; undefined when one text is chosen and left empty. */
export function venueOfForm(form: VenueForm): Venue | undefined {
  if (form.mode === "one") return form.one.trim() || undefined;
  return Object.fromEntries(UN_LANGUAGES.map((code) => [code, form.each[code].trim()])) as Record<UnLanguage, string>;
}

/**
 * A venue in each language missing in some, as a problem document naming each missing language's field at
 * `<path>.<language>` (the venue's path as the API names it, e.g. `body.values.briefing.venue`); undefined when none is.
 * Its words are English alone: a message is plain text, so a language's own name in it could not carry its `lang`
 * (WCAG 3.1.2), and the field it sits under already shows that name.
 */
export function venueRefusal(form: VenueForm, path: string): Problem | undefined {
  if (form.mode === "one") return undefined;
  const missing = VENUE_LANGUAGES.filter(({ code }) => !form.each[code].trim());
  if (missing.length === 0) return undefined;
  return {
    type: "about:blank",
    title: "The venue is not given in every language",
    status: 422,
    detail: `Give the venue in ${missing.map(({ english }) => english).join(", ")}, or one venue for every language.`,
    errors: missing.map(({ code, english }) => ({ path: `${path}.${code}`, message: `Give the venue in ${english}.` })),
  };
}

/** The problem's words for the venue as a whole (`venue`) and for each language, read from its paths under `path`. */
export function venueProblems(
  problem: Problem | undefined,
  path: string,
): Partial<Record<"venue" | UnLanguage, string>> {
  const found: Partial<Record<"venue" | UnLanguage, string>> = {};
  for (const error of problem?.errors ?? []) {
    if (error.path === path) found.venue ??= error.message;
    const language = UN_LANGUAGES.find((code) => error.path === `${path}.${code}`);
    if (language) found[language] ??= error.message;
  }
  return found;
}
