// Items said in a sentence, as the desk's words list them, and words that start one. No import: the console compiles
// it too.

/** "A", "A and B", "A, B and C" (or "A, B or C"); empty for none. */
export const listed = (items: readonly string[], conjunction: "and" | "or" = "and"): string =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;

/** The words as a sentence starts with them: "the International Atomic Energy Agency's offer" -> "The …". */
export const capitalized = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);
