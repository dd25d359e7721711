// The Committee's form around every letter, in the letter's language: the Committee's heading, a reference and a
// date line, the salutation (to the point of contact, or to the Permanent Mission with the reason), the courtesy
// close and the signature for the Chair. Templates hold the subject and the body only, so no template can leave the
// form out or sign in another name.

import { formatDate } from "../locale/dates.ts";
import type { LocalizedText } from "../locale/names.ts";
import { escapeHtml } from "../mail/html.ts";
import type { UnLanguage } from "../registry/schemas.ts";

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
  /** The State (or organization) the letter goes to, in each language. */
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
  missionReason: Record<MissionBecause, string>;
  close: string;
  signed: (name: string) => string;
  chair: string;
  forTheChair: string;
  noContacts: string;
}

const PHRASES: Readonly<Record<UnLanguage, Phrases>> = {
  en: {
    reference: (reference) => `Reference: ${reference}`,
    dateLine: (date) => `New York, ${date}`,
    attention: (name) => [`Dear ${name},`],
    mission: (owner) => [`To the Permanent Mission to the United Nations (${owner})`, "Excellency,"],
    missionReason: {
      "none-reachable":
        "This letter is addressed to the Permanent Mission because the Committee could not reach any point of contact designated for resolution 1540 (2004). The Committee would be grateful if the Mission could bring it to the attention of the competent authorities and inform the Committee of the current points of contact.",
      "none-on-record":
        "This letter is addressed to the Permanent Mission because no point of contact for resolution 1540 (2004) is on record with the Committee. The Committee would be grateful if the Mission could bring it to the attention of the competent authorities and inform the Committee of the points of contact designated.",
    },
    close: "Please accept the assurances of my highest consideration.",
    signed: (name) => `(Signed) ${name}`,
    chair: "Chair",
    forTheChair: "For the Chair",
    noContacts: "No point of contact is on record.",
  },
  fr: {
    reference: (reference) => `Référence : ${reference}`,
    dateLine: (date) => `New York, le ${date}`,
    attention: (name) => [`À l'attention ${elidedDe(name)}`, "Madame, Monsieur,"],
    mission: (owner) => [
      `À l'attention de la Mission permanente auprès de l'Organisation des Nations Unies (${owner})`,
      "Excellence,",
    ],
    missionReason: {
      "none-reachable":
        "La présente lettre est adressée à la Mission permanente, le Comité n'ayant pu joindre aucun des points de contact désignés aux fins de la résolution 1540 (2004). Le Comité vous serait reconnaissant de bien vouloir la porter à l'attention des autorités compétentes et de lui communiquer les coordonnées des points de contact actuels.",
      "none-on-record":
        "La présente lettre est adressée à la Mission permanente, aucun point de contact aux fins de la résolution 1540 (2004) n'étant enregistré auprès du Comité. Le Comité vous serait reconnaissant de bien vouloir la porter à l'attention des autorités compétentes et de lui communiquer les coordonnées des points de contact désignés.",
    },
    close: "Je vous prie d'agréer l'assurance de ma très haute considération.",
    signed: (name) => `(Signé) ${name}`,
    chair: "Présidence",
    forTheChair: "Pour la présidence",
    noContacts: "Aucun point de contact n'est enregistré.",
  },
  es: {
    reference: (reference) => `Referencia: ${reference}`,
    dateLine: (date) => `Nueva York, ${date}`,
    attention: (name) => [`A la atención de ${name}`, "De mi mayor consideración:"],
    mission: (owner) => [`A la atención de la Misión Permanente ante las Naciones Unidas (${owner})`, "Excelencia:"],
    missionReason: {
      "none-reachable":
        "La presente carta se dirige a la Misión Permanente porque el Comité no ha podido comunicarse con ninguno de los puntos de contacto designados a los efectos de la resolución 1540 (2004). El Comité agradecería que la Misión la señalara a la atención de las autoridades competentes y le comunicara los datos de los puntos de contacto actuales.",
      "none-on-record":
        "La presente carta se dirige a la Misión Permanente porque el Comité no tiene registrado ningún punto de contacto a los efectos de la resolución 1540 (2004). El Comité agradecería que la Misión la señalara a la atención de las autoridades competentes y le comunicara los datos de los puntos de contacto que se designen.",
    },
    close: "Aprovecho la ocasión para reiterarle las seguridades de mi más alta consideración.",
    signed: (name) => `(Firmado) ${name}`,
    chair: "Presidencia",
    forTheChair: "Por la Presidencia",
    noContacts: "No hay ningún punto de contacto registrado.",
  },
  ru: {
    reference: (reference) => `Ссылка: ${reference}`,
    dateLine: (date) => `Нью-Йорк, ${date}`,
    attention: (name) => [`Вниманию: ${name}`, "Уважаемые дамы и господа!"],
    mission: (owner) => [
      `Вниманию Постоянного представительства при Организации Объединенных Наций (${owner})`,
      "Ваше Превосходительство!",
    ],
    missionReason: {
      "none-reachable":
        "Настоящее письмо направляется в Постоянное представительство, поскольку Комитету не удалось связаться ни с одним из контактных лиц, назначенных для целей резолюции 1540 (2004). Комитет был бы признателен Представительству за доведение настоящего письма до сведения компетентных органов и за сообщение Комитету данных действующих контактных лиц.",
      "none-on-record":
        "Настоящее письмо направляется в Постоянное представительство, поскольку в Комитете не зарегистрировано ни одного контактного лица для целей резолюции 1540 (2004). Комитет был бы признателен Представительству за доведение настоящего письма до сведения компетентных органов и за сообщение Комитету данных назначенных контактных лиц.",
    },
    close: "Прошу Вас принять уверения в моем самом глубоком уважении.",
    signed: (name) => `(Подпись) ${name}`,
    chair: "Председатель",
    forTheChair: "За Председателя",
    noContacts: "Контактные лица не зарегистрированы.",
  },
  zh: {
    reference: (reference) => `编号：${reference}`,
    dateLine: (date) => `纽约，${date}`,
    attention: (name) => [`尊敬的${name}：`],
    mission: (owner) => [`${owner}常驻联合国代表团：`, "阁下："],
    missionReason: {
      "none-reachable":
        "由于委员会未能联系上为第1540(2004)号决议指定的任何联络人，本函谨致常驻代表团。请代表团将本函转交主管当局，并将现任联络人的信息告知委员会，委员会将不胜感激。",
      "none-on-record":
        "由于委员会没有为第1540(2004)号决议登记在案的任何联络人，本函谨致常驻代表团。请代表团将本函转交主管当局，并将所指定联络人的信息告知委员会，委员会将不胜感激。",
    },
    close: "顺致最崇高的敬意。",
    signed: (name) => `（签名）${name}`,
    chair: "主席",
    forTheChair: "代表主席",
    noContacts: "目前没有登记在案的联络人。",
  },
  ar: {
    reference: (reference) => `المرجع: ${reference}`,
    dateLine: (date) => `نيويورك، ${date}`,
    attention: (name) => [`إلى عناية: ${name}`, "تحية طيبة وبعد،"],
    mission: (owner) => [`إلى عناية البعثة الدائمة لدى الأمم المتحدة (${owner})`, "صاحب السعادة،"],
    missionReason: {
      "none-reachable":
        "توجَّه هذه الرسالة إلى البعثة الدائمة لأن اللجنة لم تتمكن من الاتصال بأي من جهات الاتصال المعيَّنة لأغراض القرار 1540 (2004). وستكون اللجنة ممتنة لو تفضلت البعثة بإحالتها إلى السلطات المختصة وإبلاغ اللجنة ببيانات جهات الاتصال الحالية.",
      "none-on-record":
        "توجَّه هذه الرسالة إلى البعثة الدائمة لأنه لا توجد لدى اللجنة أي جهة اتصال مسجلة لأغراض القرار 1540 (2004). وستكون اللجنة ممتنة لو تفضلت البعثة بإحالتها إلى السلطات المختصة وإبلاغ اللجنة ببيانات جهات الاتصال المعيَّنة.",
    },
    close: "وتفضلوا بقبول فائق الاحترام والتقدير.",
    signed: (name) => `(توقيع) ${name}`,
    chair: "الرئيس",
    forTheChair: "عن الرئيس",
    noContacts: "لا توجد جهة اتصال مسجلة.",
  },
};

/** The sentence a list of contacts becomes when there are none. */
export const noContactsSentence = (language: UnLanguage) => PHRASES[language].noContacts;

/** The form's parts in the language: lines before the body (paragraphs of lines) and after it. */
export function formParts(form: LetterForm, language: UnLanguage): { before: string[][]; after: string[][] } {
  const phrases = PHRASES[language];
  const owner = form.ownerName[language];
  const salutation =
    form.addressedTo === "permanent-mission"
      ? [phrases.mission(owner), [phrases.missionReason[form.missionBecause ?? "none-reachable"]]]
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
