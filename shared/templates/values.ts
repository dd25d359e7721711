// The values a letter is filled with, typed as their variables are: text (one string, or one per language), a date
// (yyyy-mm-dd), a time (HH:mm) or a list. Each is rendered in the letter's language only once the language is known.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { formatDate, formatTime, LOCAL_TIME } from "../locale/dates.ts";
import { UN_LANGUAGES } from "../locale/languages.ts";
import { escapeHtml } from "../mail/html.ts";
import { type UnLanguage, unLanguageSchema } from "../registry/schemas.ts";
import { emptyListSentence } from "./letter-form.ts";
import { isListVariable, type ListVariable, type TemplateVariable, typeOf } from "./variables.ts";

export const localizedTextSchema = /* @__PURE__ */ z
  .partialRecord(unLanguageSchema, z.string().trim().min(1).max(1000))
  .describe('The text in each language, e.g. {"en": "Conference Room 4", "fr": "Salle de conférence 4"}');

export const letterValueSchema = /* @__PURE__ */ (() =>
  z.union([z.string().max(1000), z.array(z.string().max(500)).max(100), localizedTextSchema]))();
export type LetterValue = z.infer<typeof letterValueSchema>;
export type LetterValues = Partial<Record<TemplateVariable, LetterValue>>;

export type Part = "subject" | "text" | "html";

const asText = (value: LetterValue, language: UnLanguage): string | undefined =>
  typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : value[language];

function list(name: ListVariable, items: readonly string[], language: UnLanguage, part: Part): string {
  if (!items.length) {
    const none = emptyListSentence(name, language);
    return part === "html" ? `<p>${escapeHtml(none)}</p>` : none;
  }
  if (part === "html") return `<ul>\n${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("\n")}\n</ul>`;
  return items.map((item) => `- ${item}`).join("\n");
}

/** The value as it goes into one part of a letter in `language`; undefined when it has none in that language. */
export function renderValue(
  name: TemplateVariable,
  value: LetterValue | undefined,
  language: UnLanguage,
  part: Part,
): string | undefined {
  if (value === undefined) return undefined;
  if (isListVariable(name))
    return list(name, Array.isArray(value) ? value : typeof value === "string" ? [value] : [], language, part);
  const type = typeOf(name);
  const raw = asText(value, language);
  if (raw === undefined) return undefined;
  const shown = type === "date" ? formatDate(raw, language) : type === "time" ? formatTime(raw, language) : raw;
  if (part === "html") return escapeHtml(shown);
  return part === "subject" ? shown.replace(/[\r\n]+/g, " ") : shown;
}

/** A venue's text in one language of a venue given in each: its absence said in words, not as a type. */
const venueIn = (language: UnLanguage) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `missing: a venue given in each language gives all six; give it in ${language} too, or one text for all`
          : undefined,
    })
    .trim()
    .min(1)
    .max(300);

/** The values a wave supplies for the letters of an invitation: the briefing's day, time and venue. */
export const waveValuesSchema = /* @__PURE__ */ z
  .strictObject({
    "briefing.date": z.iso.date().optional().describe("{{briefing.date|date}}: yyyy-mm-dd"),
    "briefing.time": z
      .string()
      .regex(LOCAL_TIME, "must be a 24-hour time HH:mm, e.g. 10:00")
      .optional()
      .describe("{{briefing.time|time}}: HH:mm, New York time"),
    "briefing.venue": z
      .union([
        z.string().trim().min(1).max(300),
        z.strictObject(
          Object.fromEntries(UN_LANGUAGES.map((language) => [language, venueIn(language)])) as Record<
            UnLanguage,
            z.ZodString
          >,
        ),
      ])
      .optional()
      .describe("{{briefing.venue}}: one text for every language, or one per language (all six)"),
  })
  .describe("Values of the wave's letters beyond deadline and chair, typed as their variables")
  .meta({ id: "WaveValues" });
export type WaveValues = z.infer<typeof waveValuesSchema>;
