// Human text in request bodies comes in two kinds, each refused with 422 at its field when it carries what a person
// never types there. One line (names, titles, labels, acronyms, the Chair): no control character at all, since these
// are printed into letters to States and mail headers; nor a bidirectional embedding, override or isolate, which would
// reorder how the rest of a subject or salutation displays (the marks U+200E and U+200F and the joiners stay: names in
// Arabic, Persian and Indic scripts need them); nor a character that prints as nothing, which would let two names look
// the same while a search or a uniqueness check tells them apart (the Hangul fillers and tag characters among them). Free text (descriptions, notes, reasons, a letter's
// body): TAB, LF and CR kept, no other control character; a soft hyphen or a word joiner there shapes how a long line
// breaks, as a typesetter means it. Each wraps the field's own string schema, so its trimming and bounds stay.
import type * as z from "zod";

/** No Unicode control character (Cc: C0 controls, DEL, C1 controls), nor the line and paragraph separators. */
const ONE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;
/** The bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). */
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/u;
/** Characters that print as nothing and join no script's letters, each with its Unicode name for the message. */
const INVISIBLE: Readonly<Record<string, string>> = {
  "\u00AD": "SOFT HYPHEN",
  "\u034F": "COMBINING GRAPHEME JOINER",
  // Letters of Hangul that stand for no sound and print as a blank: a name of one of them passes any trimming.
  "\u115F": "HANGUL CHOSEONG FILLER",
  "\u1160": "HANGUL JUNGSEONG FILLER",
  "\u3164": "HANGUL FILLER",
  "\uFFA0": "HALFWIDTH HANGUL FILLER",
  "\u180E": "MONGOLIAN VOWEL SEPARATOR",
  "\u200B": "ZERO WIDTH SPACE",
  "\u2060": "WORD JOINER",
  "\u2061": "FUNCTION APPLICATION",
  "\u2062": "INVISIBLE TIMES",
  "\u2063": "INVISIBLE SEPARATOR",
  "\u2064": "INVISIBLE PLUS",
  // Deprecated format controls (Unicode says not to use them); no renderer shows them.
  "\u206A": "INHIBIT SYMMETRIC SWAPPING",
  "\u206B": "ACTIVATE SYMMETRIC SWAPPING",
  "\u206C": "INHIBIT ARABIC FORM SHAPING",
  "\u206D": "ACTIVATE ARABIC FORM SHAPING",
  "\u206E": "NATIONAL DIGIT SHAPES",
  "\u206F": "NOMINAL DIGIT SHAPES",
  "\uFEFF": "ZERO WIDTH NO-BREAK SPACE",
};
/** The tag characters (U+E0000-U+E007F): outside an emoji flag they print as nothing, and a name holds no emoji. */
const TAGS = "\u{E0000}-\u{E007F}";
const INVISIBLE_CHARACTER = /* @__PURE__ */ (() => new RegExp(`[${Object.keys(INVISIBLE).join("")}${TAGS}]`, "u"))();
/** No control character but TAB, LF and CR. */
const FREE_TEXT = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

const ONE_LINE_MESSAGE = "must be one line, without control characters";
const BIDI_MESSAGE =
  "must not contain bidirectional embedding, override or isolate characters (U+202A-U+202E, U+2066-U+2069)";
const FREE_TEXT_MESSAGE = "must not contain control characters other than tab and line breaks";

const codePoint = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** What a one-line text carries that it must not, beyond control characters (the pattern says those). */
function hiddenFormattingProblem(text: string): string | undefined {
  if (BIDI_FORMATTING.test(text)) return BIDI_MESSAGE;
  const invisible = INVISIBLE_CHARACTER.exec(text)?.[0];
  return invisible
    ? `contains an invisible character (${codePoint(invisible)} ${INVISIBLE[invisible] ?? "TAG CHARACTER"})`
    : undefined;
}

export const oneLine = (text: z.ZodString): z.ZodString =>
  text.regex(ONE_LINE, ONE_LINE_MESSAGE).superRefine((value, context) => {
    const problem = hiddenFormattingProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem, input: value });
  });

export const freeText = (text: z.ZodString): z.ZodString => text.regex(FREE_TEXT, FREE_TEXT_MESSAGE);

/**
 * The same rule for a field whose schema also reads stored records (a template's parts): checked where the input is
 * validated, so a record stored before the rule still reads. Answers the problem, or undefined when the text fits.
 */
export const textProblem = (text: string, kind: "one line" | "free text"): string | undefined =>
  kind === "one line"
    ? ONE_LINE.test(text)
      ? hiddenFormattingProblem(text)
      : ONE_LINE_MESSAGE
    : FREE_TEXT.test(text)
      ? undefined
      : FREE_TEXT_MESSAGE;
