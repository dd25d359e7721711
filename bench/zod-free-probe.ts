// What the zod-free bundles of bench/zod-free-bound.ts get in place of every zod export: one shared proxy that every
// property read and call returns, so a module's top level runs through its schema definitions without building
// any schema. A function's import then costs what it would with a schema library that cost nothing.

// An arrow function: callable, and with no non-configurable own key (a function's `prototype` is one), so `ownKeys`
// may answer none without breaking a proxy invariant. It cannot be constructed: no module of the desk's does `new` on
// a zod export.
const target = () => undefined;

function* none(): Generator<never> {}

/** Answers for the reads whose proxy answer would mislead the code reading them. */
const special = new Map<PropertyKey, unknown>([
  // Not a thenable: an `await` on a schema or a parsed value must not wait forever.
  ["then", undefined],
  // Iterated (`[...schema.options]`, `for ... of`), it yields nothing.
  [Symbol.iterator, none],
  [Symbol.asyncIterator, none],
  // In a template or a concatenation, an empty string.
  [Symbol.toPrimitive, () => ""],
  // `value instanceof z.ZodObject` is false.
  [Symbol.hasInstance, () => false],
]);

export const nothing: unknown = new Proxy(target, {
  get: (_target, key) => (special.has(key) ? special.get(key) : nothing),
  apply: () => nothing,
  // `Object.keys(schema.shape)` and spreads find no key.
  ownKeys: () => [],
  getOwnPropertyDescriptor: () => undefined,
  has: () => false,
  // Assignments are dropped, so the target never gains a key that `ownKeys` would have to list.
  set: () => true,
});
