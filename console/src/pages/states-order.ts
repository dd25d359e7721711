// The States list reads by name, as the Committee's lists of Member States do; the API pages in ISO code order, which
// shown by name looked shuffled ("Afghanistan, Angola, Albania, Andorra, United Arab Emirates..."). Pure, tested in Node.

/** A new list, in the order of the names' letters (accents after their letter: Costa Rica, Côte d'Ivoire, Croatia). */
export const inNameOrder = <T extends { name: string }>(states: readonly T[]): T[] =>
  [...states].sort((a, b) => a.name.localeCompare(b.name, "en"));
