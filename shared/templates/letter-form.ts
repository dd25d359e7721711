// The Committee's form around every letter, in the letter's language: the Committee's heading, a reference and a
// date line, the salutation (to the point of contact, or to the Permanent Mission with the reason), the courtesy
// close and the signature for the Chair. Templates hold the subject and the body only, so no template can leave the
// form out or sign in another name. Its longer sentences (why a letter goes to the Permanent Mission, what an empty
// list becomes) are in shared/locale/letter-sentences.json, read on the first letter.

import { lazy } from "../lazy.ts";
import { formatDate } from "../locale/dates.ts";
import { type LocalizedText, readLocaleFile } from "../locale/names.ts";
import { escapeHtml } from "../mail/html.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import type { ListVariable } from "./variables.ts";

/** The Committee's name in each language, as the UN's documents write it. */
export const COMMITTEE_NAMES: LocalizedText = {
  ar: "لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004)",
  zh: "安全理事会第1540(2004)号决议所设委员会",
  en: "Security Council Committee established pursuant to resolution 1540 (2004)",
  fr: "Comité du Conseil de sécurité créé par la résolution 1540 (2004)",
  ru: "Комитет Совета Безопасности, учрежденный резолюцией 1540 (2004)",
  es: "Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004)",
};

export interface LetterForm {
  /** The letter's reference: the wave's id and the addressee's code, e.g. first-report-request-2027/TCD. */
  reference: string;
  /** The letter's date (yyyy-mm-dd, New York). */
  date: string;
  /** The recipient as addressed: a point of contact by name, or the State's Permanent Mission. */
  addressedTo: "point-of-contact" | "permanent-mission";
  /** Why a letter to the Permanent Mission goes there: the State's points of contact unreachable (the default), or none on record. */
  missionBecause?: MissionBecause | undefined;
  contactName: string;
  /** The State (or organization) the letter goes to, in each language, as a sentence names it ("the Gambia"). */
  ownerName: LocalizedText;
  /** The Chair signed for: a name and the office in each language; without a name, "for the Chair". */
  chair: { name?: string | undefined; title?: Partial<LocalizedText> | undefined };
}

/** French "de" before a name: elided before a vowel ("d'Aminata Traoré", "d'Yves"), not before an h (often aspirated). */
const elidedDe = (name: string) => (/^[aeiouyàâäéèêëîïôöùûü]/iu.test(name) ? `d'${name}` : `de ${name}`);

/** Why a State's letter goes to its Permanent Mission: no point of contact on record, or none of them reachable. */
export type MissionBecause = "none-on-record" | "none-reachable";

interface Phrases {
  reference: (reference: string) => string;
  dateLine: (date: string) => string;
  attention: (name: string) => string[];
  mission: (owner: string) => string[];
  close: string;
  signed: (name: string) => string;
  chair: string;
  forTheChair: string;
}

const PHRASES: Readonly<Record<UnLanguage, Phrases>> = {
  en: {
    reference: (reference) => `Reference: ${reference}`,
    dateLine: (date) => `New York, ${date}`,
    attention: (name) => [`Dear ${name},`],
    mission: (owner) => [`To the Permanent Mission of ${owner} to the United Nations`, "Excellency,"],
    close: "Please accept the assurances of my highest consideration.",
    signed: (name) => `(Signed) ${name}`,
    chair: "Chair",
    forTheChair: "For the Chair",
  },
  fr: {
    reference: (reference) => `Référence : ${reference}`,
    dateLine: (date) => `New York, le ${date}`,
    attention: (name) => [`À l'attention ${elidedDe(name)}`, "Madame, Monsieur,"],
    mission: (owner) => [
      `À l'attention de la Mission permanente auprès de l'Organisation des Nations Unies (${owner})`,
      "Excellence,",
    ],
    close: "Je vous prie d'agréer l'assurance de ma très haute considération.",
    signed: (name) => `(Signé) ${name}`,
    chair: "Présidence",
    forTheChair: "Pour la présidence",
  },
  es: {
    reference: (reference) => `Referencia: ${reference}`,
    dateLine: (date) => `Nueva York, ${date}`,
    attention: (name) => [`A la atención de ${name}`, "De mi mayor consideración:"],
    mission: (owner) => [`A la atención de la Misión Permanente ante las Naciones Unidas (${owner})`, "Excelencia:"],
    close: "Aprovecho la ocasión para reiterarle las seguridades de mi más alta consideración.",
    signed: (name) => `(Firmado) ${name}`,
    chair: "Presidencia",
    forTheChair: "Por la Presidencia",
  },
  ru: {
    reference: (reference) => `Ссылка: ${reference}`,
    dateLine: (date) => `Нью-Йорк, ${date}`,
    attention: (name) => [`Вниманию: ${name}`, "Уважаемые дамы и господа!"],
    mission: (owner) => [
      `Вниманию Постоянного представительства при Организации Объединенных Наций (${owner})`,
      "Ваше Превосходительство!",
    ],
    close: "Прошу Вас принять уверения в моем самом глубоком уважении.",
    signed: (name) => `(Подпись) ${name}`,
    chair: "Председатель",
    forTheChair: "За Председателя",
  },
  zh: {
    reference: (reference) => `编号：${reference}`,
    dateLine: (date) => `纽约，${date}`,
    attention: (name) => [`尊敬的${name}：`],
    mission: (owner) => [`${owner}常驻联合国代表团：`, "阁下："],
    close: "顺致最崇高的敬意。",
    signed: (name) => `（签名）${name}`,
    chair: "主席",
    forTheChair: "代表主席",
  },
  ar: {
    reference: (reference) => `المرجع: ${reference}`,
    dateLine: (date) => `نيويورك، ${date}`,
    attention: (name) => [`إلى عناية: ${name}`, "تحية طيبة وبعد،"],
    mission: (owner) => [`إلى عناية البعثة الدائمة لدى الأمم المتحدة (${owner})`, "صاحب السعادة،"],
    close: "وتفضلوا بقبول فائق الاحترام والتقدير.",
    signed: (name) => `(توقيع) ${name}`,
    chair: "الرئيس",
    forTheChair: "عن الرئيس",
  },
};

/** The form's longer sentences, in each language: read on the first letter, not bundled (as the States' names are). */
interface LetterSentences {
  /** Why a letter to the Permanent Mission goes there, said below the salutation. */
  missionReason: Readonly<Record<MissionBecause, LocalizedText>>;
  /** What a list with nothing in it becomes: a sentence saying what is missing. */
  emptyList: Readonly<Record<ListVariable, LocalizedText>>;
  /** Said beside an address on record that letters do not reach (a hard bounce, or SES's suppression list). */
  undeliveredAddress: LocalizedText;
}

export const letterSentences = lazy(() => readLocaleFile("letter-sentences.json") as LetterSentences);

/** The sentence a list becomes when it has nothing in it ("No point of contact is on record."). */
export const emptyListSentence = (name: ListVariable, language: UnLanguage) =>
  letterSentences().emptyList[name][language];

/** The form's parts in the language: lines before the body (paragraphs of lines) and after it. */
export function formParts(form: LetterForm, language: UnLanguage): { before: string[][]; after: string[][] } {
  const phrases = PHRASES[language];
  const owner = form.ownerName[language];
  const salutation =
    form.addressedTo === "permanent-mission"
      ? [phrases.mission(owner), [letterSentences().missionReason[form.missionBecause ?? "none-reachable"][language]]]
      : [phrases.attention(form.contactName)];
  const committee = COMMITTEE_NAMES[language];
  const signature = form.chair.name
    ? [phrases.signed(form.chair.name), form.chair.title?.[language] ?? phrases.chair, committee]
    : [phrases.forTheChair, committee];
  return {
    before: [
      [committee],
      [phrases.reference(form.reference), phrases.dateLine(formatDate(form.date, language))],
      ...salutation,
    ],
    after: [[phrases.close], signature],
  };
}

/** Paragraphs of lines as plain text: lines joined by newlines, paragraphs by a blank line. */
export const formText = (paragraphs: readonly string[][]) => paragraphs.map((lines) => lines.join("\n")).join("\n\n");

/** Paragraphs of lines as HTML, every line escaped. */
export const formHtml = (paragraphs: readonly string[][]) =>
  paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join("<br>")}</p>`).join("\n");
