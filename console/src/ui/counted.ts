// A count with its noun, "1 wave", "3 waves": the pages' one way of saying how many. Pure, for Node too.

/** `count` and the noun, singular for exactly one; `many` where adding an s is wrong. */
export const counted = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
