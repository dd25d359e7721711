// The desk reads text bodies as UTF-8 and nothing else. A file saved in Latin-1 or Windows-1252 (a spreadsheet's plain
// "CSV") decodes as UTF-8 with each accented letter turned into U+FFFD, which then went out in letters ("Jos� N��ez"):
// such a body is refused, with how to save it. A declared charset other than UTF-8 is refused too rather than
// decoded: every byte is valid Latin-1, so a wrong declaration could never be caught, and the console declares none.
// No import: the console checks a file with it before sending.

/**
 * U+FFFD, what a lossy UTF-8 decoding puts for each byte it cannot read: API Gateway's and the local server's of a
 * text body, Node's `Buffer.toString`, a browser's `File.text()`. The bytes are gone by then; this character is what
 * is left of them, and a genuine one has no place in a contact's or a letter's text.
 */
const REPLACEMENT = "\uFFFD";

/** The charsets that are read as UTF-8 as they are (US-ASCII is its subset). */
const UTF8_CHARSETS = new Set(["utf-8", "utf8", "us-ascii"]);

/** How a user saves a file of the media type as UTF-8, in the words of the spreadsheet's "Save as" list. */
const SAVED_AS: Readonly<Record<string, string>> = { "text/csv": "CSV UTF-8" };

export type EncodingProblem = "utf-16" | "not-utf-8";

/** Why text decoded as UTF-8 was not UTF-8, or undefined when it was. */
export function encodingProblemOf(text: string): EncodingProblem | undefined {
  if (!text.includes(REPLACEMENT)) return undefined;
  // A UTF-16 byte-order mark (FF FE or FE FF) is two bytes UTF-8 never has, and NULs then sit between the letters.
  return text.startsWith(REPLACEMENT + REPLACEMENT) && text.includes("\u0000") ? "utf-16" : "not-utf-8";
}

/** The refusal's words: a file of a type the desk knows is told how to save it, any other body how to send it. */
function refusal(found: string, mediaType: string): string {
  const savedAs = SAVED_AS[mediaType];
  return savedAs ? `The file is ${found}: save it as ${savedAs}` : `The body is ${found}: send it as UTF-8`;
}

/**
 * "The file is not UTF-8 (line 3 has characters that could not be read, shown as �): save it as CSV UTF-8, or retype
 * them", or undefined for UTF-8 text. Retyping is for a file that is UTF-8 already and holds a � from an earlier loss
 * (an export of what was stored before the desk refused such files): saving it again would not help.
 */
export function encodingRefusal(text: string, mediaType: string): string | undefined {
  const problem = encodingProblemOf(text);
  if (!problem) return undefined;
  if (problem === "utf-16") return refusal("UTF-16", mediaType);
  const line = text.slice(0, text.indexOf(REPLACEMENT)).split("\n").length;
  return `${refusal(`not UTF-8 (line ${line} has characters that could not be read, shown as ${REPLACEMENT})`, mediaType)}, or retype them`;
}

/** A `charset` parameter of the content type other than UTF-8, refused in words; undefined when none or UTF-8. */
export function charsetRefusal(contentType: string, mediaType: string): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  if (!charset || UTF8_CHARSETS.has(charset)) return undefined;
  return refusal(`sent as ${charset}, and the desk reads UTF-8 only`, mediaType);
}
