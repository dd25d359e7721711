// A person's data on a point of contact or a letter's recipient, and who reads it (ADR 0048): the secretariat alone.
// Experts and members read every contact and every recipient without it; every route and the dossier drop this one
// list of fields.
import type { Actor, Group } from "../auth/actor.ts";

/** The fields of a person (a contact, a letter's recipient) that only the secretariat reads. */
export const PERSONAL_FIELDS = ["name", "title", "agency", "email", "phone"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** How the schemas describe a personal field. */
export const SECRETARIAT_ONLY = "The secretariat's alone (ADR 0048): absent from an expert's or a member's answer";

const personal: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(PERSONAL_FIELDS))();

export const readsPersonalData = (groups: readonly Group[]): boolean => groups.includes("secretariat");

/** A route's caller: a signed-in user's groups; none for the system, which reads through no route. */
export const readerGroups = (reader: Actor | undefined): readonly Group[] =>
  reader?.kind === "user" ? reader.groups : [];

/** One record without its personal fields. What it holds is left as it is: an owner's name is a State's, no person's. */
export function withoutPersonalFields<T extends object>(record: T): Omit<T, PersonalField> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !personal.has(key))) as Omit<T, PersonalField>;
}

/** An e-mail address in free text: SES's bounce and complaint reasons often quote the recipient's. */
const ADDRESS_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/gu;
const ADDRESS_WITHHELD = "[address withheld]";

/** Free text (a letter's bounce reason) as the non-secretariat read it: every e-mail address in it withheld. */
export const withoutAddresses = (text: string): string => text.replace(ADDRESS_IN_TEXT, ADDRESS_WITHHELD);

/** An image of any record (an audit entry's before or after) without personal fields at any depth. */
export function withoutPersonalData(image: unknown): unknown {
  if (Array.isArray(image)) return image.map(withoutPersonalData);
  if (image === null || typeof image !== "object") return image;
  return Object.fromEntries(
    Object.entries(image)
      .filter(([key]) => !personal.has(key))
      .map(([key, value]) => [key, withoutPersonalData(value)]),
  );
}

/** A record as this reader reads it: whole for the secretariat, without its personal fields for everyone else. */
export const asReadBy =
  (reader: Actor | undefined) =>
  <T extends object>(record: T): T | Omit<T, PersonalField> =>
    readsPersonalData(readerGroups(reader)) ? record : withoutPersonalFields(record);
