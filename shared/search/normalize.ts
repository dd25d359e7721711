// Search text folding: the same function turns a name into index tokens and a query into lookup terms, so both
// sides agree on case, accents and script quirks (ADR 0021).

/** Combining marks (accents, Arabic harakat and hamza marks, the Cyrillic breve) once text is decomposed (NFD). */
const MARKS = /\p{M}+/gu;
/** Arabic tatweel (a stretching stroke with no meaning) and the letters folded to the form most people type. */
const ARABIC_FOLDS: readonly [RegExp, string][] = [
  [/\u0640/g, ""],
  [/\u0649/g, "\u064a"], // alef maqsura -> yeh
  [/\u0629/g, "\u0647"], // teh marbuta -> heh
];
/** Scripts written without spaces between words: any position may start a word the user types. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;
const ARABIC_ARTICLE = "\u0627\u0644";
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** NFKC first (full-width forms, ligatures), then NFD without its marks, lower-case, Arabic letter variants folded. */
export function foldText(text: string): string {
  let folded = text.normalize("NFKC").normalize("NFD").replace(MARKS, "").toLowerCase();
  for (const [pattern, replacement] of ARABIC_FOLDS) folded = folded.replace(pattern, replacement);
  return folded.normalize("NFC");
}

/** The number of characters (code points, not UTF-16 units): a Chinese character is one. */
export const charLength = (text: string) => Array.from(text).length;

/** The folded words of a text, in order, without repeats. */
export function wordsOf(text: string): string[] {
  return [...new Set(foldText(text).split(WORD_SEPARATORS).filter(Boolean))];
}

/**
 * What a word can be found by: the word itself; in an unspaced script every suffix of two characters or more (so
 * `人民` finds `中华人民共和国`); an Arabic word also without its
 * article (`الجزائر` is found by `جزائر`). Tokens of one character are dropped: a query needs two.
 */
export function tokensOfWord(word: string): string[] {
  const chars = Array.from(word);
  const tokens = [word];
  if (UNSPACED.test(word)) {
    for (let start = 1; start < chars.length - 1; start++) tokens.push(chars.slice(start).join(""));
  }
  if (word.startsWith(ARABIC_ARTICLE) && chars.length > 3) tokens.push(chars.slice(2).join(""));
  return tokens.filter((token) => charLength(token) >= 2);
}

/** Whether every word of the query starts one of the words (or tokens) a hit was indexed by. */
export function matchesAll(queryWords: readonly string[], indexedTokens: readonly string[]): boolean {
  return queryWords.every((word) => indexedTokens.some((token) => token.startsWith(word)));
}
