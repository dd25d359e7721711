// Items said in a sentence, as the desk's words list them. No import: the console compiles it too.

/** "A", "A and B", "A, B and C" (or "A, B or C"); empty for none. */
export const listed = (items: readonly string[], conjunction: "and" | "or" = "and"): string =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
