// Human text in request bodies comes in two kinds, each refused with 422 at its field when it carries what a person
// never types there. One line (names, titles, labels, acronyms, the Chair): no control character at all, since these
// are printed into letters to States and mail headers. Free text (descriptions, notes, reasons): TAB, LF and CR kept,
// no other control character. Each wraps the field's own string schema, so its trimming and bounds stay as they are.
import type * as z from "zod";

/** No Unicode control character (Cc: C0 controls, DEL, C1 controls). */
const ONE_LINE = /^[^\p{Cc}]*$/u;
/** No control character but TAB, LF and CR. */
const FREE_TEXT = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

export const oneLine = (text: z.ZodString): z.ZodString =>
  text.regex(ONE_LINE, "must be one line, without control characters");

export const freeText = (text: z.ZodString): z.ZodString =>
  text.regex(FREE_TEXT, "must not contain control characters other than tab and line breaks");
