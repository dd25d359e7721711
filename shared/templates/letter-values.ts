// From the facts of one letter (who it goes to, the wave, the day) to its typed values and its form: one place, so
// a preview renders exactly what dispatch sends.
import { formatDate } from "../locale/dates.ts";
import { type LocalizedText, organizationNamesOf, stateNamesInTextOf, stateNamesOf } from "../locale/names.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { deskDay } from "../zoned-time.ts";
import { chairOn } from "./chairs.ts";
import { COMMITTEE_NAMES, type LetterForm, letterSentences, type MissionBecause } from "./letter-form.ts";
import type { LetterValues, WaveValues } from "./values.ts";

export interface LetterFacts {
  /** The letter's reference (wave id and addressee code). */
  reference: string;
  /** The instant the letter is written. */
  now: Date;
  state?: { iso3: string; name: string } | undefined;
  organization?: { id: string; name: string; acronym: string } | undefined;
  contact: { name: string; title?: string | undefined; agency?: string | undefined };
  addressedTo?: "point-of-contact" | "permanent-mission" | undefined;
  missionBecause?: MissionBecause | undefined;
  deadline?: string | undefined;
  /** The wave's Chair: overrides the configured Chair's name. */
  chair?: string | undefined;
  values?: WaveValues | undefined;
  /** The owner's points of contact on record, one line each; read only when the template lists them. */
  contactsOnRecord?: readonly string[] | undefined;
  /** The assistance offers recorded in the owner's name, one line each; read only when the template lists them. */
  offersOnRecord?: readonly string[] | undefined;
  /** The State's requests whose follow-up is owed, one line each; read only for the follow-up audience. */
  followUps?: readonly string[] | undefined;
}

const same = (text: string): LocalizedText => ({ ar: text, zh: text, en: text, fr: text, ru: text, es: text });

/** The Chair who signs a letter: the wave's, else the one configured for the letter's date. */
export const signingChair = (waveChair: string | undefined, letterDate: string): string | undefined =>
  waveChair ?? chairOn(letterDate)?.name;

export function letterValues(facts: LetterFacts): LetterValues {
  const { state, organization, contact } = facts;
  const chair = signingChair(facts.chair, deskDay(facts.now));
  return {
    "committee.name": COMMITTEE_NAMES,
    "wave.sendDate": deskDay(facts.now),
    "contact.name": contact.name,
    ...(contact.title ? { "contact.title": contact.title } : {}),
    ...(contact.agency ? { "contact.agency": contact.agency } : {}),
    ...(facts.deadline ? { deadline: facts.deadline } : {}),
    ...(chair ? { "committee.chair": chair } : {}),
    ...(state
      ? {
          "state.name": stateNamesOf(state.iso3, state.name),
          "state.nameInText": stateNamesInTextOf(state.iso3, state.name),
          "state.iso3": state.iso3,
        }
      : {}),
    ...(organization
      ? {
          "organization.name": organizationNamesOf(organization.id, organization.name),
          "organization.acronym": organization.acronym,
        }
      : {}),
    ...(facts.contactsOnRecord ? { "contacts.onRecord": [...facts.contactsOnRecord] } : {}),
    ...(facts.offersOnRecord ? { "offers.onRecord": [...facts.offersOnRecord] } : {}),
    ...(facts.followUps ? { "assistance.followUps": [...facts.followUps] } : {}),
    ...facts.values,
  };
}

/** A point of contact as a letter lists it ({{contacts.onRecord|list}}): what the letter asks the owner to confirm. */
export interface ContactOnRecord {
  name: string;
  title?: string | undefined;
  agency?: string | undefined;
  email: string;
  phone?: string | undefined;
  /** Letters do not reach the address: the owner is told, so that it gives another. */
  undelivered: boolean;
}

/** A point of contact on one line: name, title, agency, address (said undelivered where it is), telephone. */
export function contactLine(contact: ContactOnRecord, language: UnLanguage): string {
  const why = letterSentences().undeliveredAddress[language];
  const email = !contact.undelivered
    ? contact.email
    : language === "zh"
      ? `${contact.email}（${why}）`
      : `${contact.email} (${why})`;
  return [contact.name, contact.title, contact.agency, email, contact.phone]
    .filter(Boolean)
    .join(language === "zh" ? "，" : ", ");
}

/** A request in a follow-up letter: its symbol and the day it was received, in the letter's language. */
export function followUpLine(request: { symbol: string; receivedOn: string }, language: UnLanguage): string {
  const received = formatDate(request.receivedOn, language);
  // Chinese running text takes full-width parentheses, which carry their own spacing; the other five a space and ( ).
  return language === "zh" ? `${request.symbol}（${received}）` : `${request.symbol} (${received})`;
}

export function letterForm(facts: LetterFacts): LetterForm {
  const date = deskDay(facts.now);
  const configured = chairOn(date);
  const ownerName = facts.state
    ? stateNamesInTextOf(facts.state.iso3, facts.state.name)
    : facts.organization
      ? organizationNamesOf(facts.organization.id, facts.organization.name)
      : same(facts.contact.name);
  return {
    reference: facts.reference,
    date,
    addressedTo: facts.addressedTo ?? "point-of-contact",
    missionBecause: facts.missionBecause,
    contactName: facts.contact.name,
    ownerName,
    chair: facts.chair
      ? { name: facts.chair, title: configured?.title }
      : { name: configured?.name, title: configured?.title },
  };
}
