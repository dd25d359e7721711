// Words listed in a sentence, in British English (no comma before the last): "A, B and C", "A, B or C". Pure, for
// Node too.
const AND = new Intl.ListFormat("en-GB", { type: "conjunction" });
const OR = new Intl.ListFormat("en-GB", { type: "disjunction" });

/** "A", "A and B", "A, B and C"; nothing for none. */
export const andList = (words: readonly string[]): string => AND.format(words);

/** "A", "A or B", "A, B or C"; nothing for none. */
export const orList = (words: readonly string[]): string => OR.format(words);
