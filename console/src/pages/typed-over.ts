// A correction form's typing, kept apart from the record it was typed over: the form shows the record with the typed
// fields over it, so that once the record is read again after a stale write (412), every field the reader left alone
// shows the version read, and only what they typed is sent, and said, against it. Window-free, so a unit test runs it
// in Node (test/unit/console-typed-over.test.ts).

/** What the reader typed, field by field; a field left alone is absent. */
export type Typed<Field extends string> = Partial<Record<Field, string>>;

/**
 * Whether a typed value says what the record holds: the API trims what it stores, so spaces at the ends are no change,
 * nor is case in a field it stores in one case.
 */
const sameAsStored = (typed: string, stored: string, ignoringCase: boolean) =>
  ignoringCase ? typed.trim().toLowerCase() === stored.toLowerCase() : typed.trim() === stored;

/** The form's values: the record's, with what the reader typed over them. */
export const formOver = <Field extends string>(
  stored: Readonly<Record<Field, string>>,
  typed: Typed<Field>,
): Record<Field, string> => ({ ...stored, ...typed });

/**
 * The typing after one more change to a field. A field typed back to exactly what the record holds is left alone
 * again: once the record is read again, a colleague's change to it shows rather than being put back.
 */
export function typedWith<Field extends string>(
  typed: Typed<Field>,
  stored: Readonly<Record<Field, string>>,
  field: Field,
  value: string,
): Typed<Field> {
  const next: Typed<Field> = { ...typed, [field]: value };
  if (value === stored[field]) delete next[field];
  return next;
}

/** A typed field that differs from the record: what was typed, and what the record holds. */
export interface Difference<Field extends string> {
  field: Field;
  typed: string;
  stored: string;
}

/** How a record's fields compare with what was typed, besides spaces at the ends. */
export interface Comparing<Field extends string> {
  /** Fields whose case is no change: the API stores them in lower case (a contact's e-mail address). */
  ignoringCase?: readonly Field[];
}

/**
 * The typed fields that differ from the record, in the record's order of fields (the form's). The record names the
 * fields (`NoInfer`): an option naming one of them does not narrow them to it.
 */
export function differencesOf<Field extends string>(
  stored: Readonly<Record<Field, string>>,
  typed: Typed<Field>,
  { ignoringCase = [] }: Comparing<NoInfer<Field>> = {},
): Difference<Field>[] {
  return (Object.keys(stored) as Field[]).flatMap((field) => {
    const value = typed[field];
    return value === undefined || sameAsStored(value, stored[field], ignoringCase.includes(field))
      ? []
      : [{ field, typed: value, stored: stored[field] }];
  });
}

/** How a form's fields are named in a sentence ("symbol", "region"), and its selects' codes in words. */
export interface FieldWords<Field extends string> {
  labels: Readonly<Record<Field, string>>;
  /** A select's options, code to words (FieldSpec's): its value is said by its words, any other quoted or "empty". */
  options?: Partial<Record<Field, Readonly<Record<string, string>>>>;
}

/**
 * After the record is read again: the version now on record, field by field, and which of the reader's values differ
 * from it (all that saving sends), so no field they never touched is said to be put over it.
 */
export function readAgainWords<Field extends string>(
  stored: Readonly<Record<Field, string>>,
  typed: Typed<Field>,
  words: FieldWords<Field>,
): string {
  const valueWords = (field: Field, value: string) => {
    const options = words.options?.[field];
    if (options && Object.hasOwn(options, value)) return options[value];
    return value.trim() ? `"${value.trim()}"` : "empty";
  };
  const said = (field: Field, value: string) => `${words.labels[field]} ${valueWords(field, value)}`;
  const onRecord = (Object.keys(stored) as Field[]).map((field) => said(field, stored[field])).join(", ");
  const differences = differencesOf(stored, typed).map(
    ({ field, typed: value, stored: now }) => `${said(field, value)} (now ${valueWords(field, now)})`,
  );
  const yours = differences.length
    ? `Saving sends only what you typed that differs from it: ${differences.join(", ")}. The other fields show the ` +
      "version now on record."
    : "Nothing you typed differs from it. The fields show the version now on record.";
  return `Now on record: ${onRecord}. ${yours}`;
}
