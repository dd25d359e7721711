// Human text in request bodies comes in two kinds, each refused with 422 at its field when it carries what a person
// never types there. One line (names, titles, labels, acronyms, the Chair): no control character at all, since these
// are printed into letters to States and mail headers; nor a bidirectional embedding, override or isolate, which would
// reorder how the rest of a subject or salutation displays (the marks U+200E and U+200F and the joiners stay: names in
// Arabic and Persian need them). Free text (descriptions, notes, reasons): TAB, LF and CR kept,
// no other control character. Each wraps the field's own string schema, so its trimming and bounds stay as they are.
import type * as z from "zod";

/** No Unicode control character (Cc: C0 controls, DEL, C1 controls), nor the line and paragraph separators. */
const ONE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;
/** The bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). */
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/u;
/** No control character but TAB, LF and CR. */
const FREE_TEXT = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

const ONE_LINE_MESSAGE = "must be one line, without control characters";
const BIDI_MESSAGE =
  "must not contain bidirectional embedding, override or isolate characters (U+202A-U+202E, U+2066-U+2069)";
const FREE_TEXT_MESSAGE = "must not contain control characters other than tab and line breaks";

export const oneLine = (text: z.ZodString): z.ZodString =>
  text.regex(ONE_LINE, ONE_LINE_MESSAGE).refine((value) => !BIDI_FORMATTING.test(value), BIDI_MESSAGE);

export const freeText = (text: z.ZodString): z.ZodString => text.regex(FREE_TEXT, FREE_TEXT_MESSAGE);

/**
 * The same rule for a field whose schema also reads stored records (a template's parts): checked where the input is
 * validated, so a record stored before the rule still reads. Answers the problem, or undefined when the text fits.
 */
export const textProblem = (text: string, kind: "one line" | "free text"): string | undefined =>
  kind === "one line"
    ? !ONE_LINE.test(text)
      ? ONE_LINE_MESSAGE
      : BIDI_FORMATTING.test(text)
        ? BIDI_MESSAGE
        : undefined
    : FREE_TEXT.test(text)
      ? undefined
      : FREE_TEXT_MESSAGE;
