// The letters of the programme of work as data: one template per letter kind (id programme-<kind>), in English,
// French and Spanish with English as the fallback, added on every deploy when missing and never overwritten, so
// the secretariat's edits stay. Only variables every recipient of the audience has are used: letters to
// organizations cannot name a State, and a title or agency may be unknown.
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { Conflict } from "../errors.ts";
import type { TemplateRepository } from "./repository.ts";
import { assertValidTemplate } from "./rules.ts";
import type { NewTemplate, TemplateVariant } from "./schemas.ts";

/** Paragraphs -> the plain-text body and the HTML body of one variant. */
function variant(subject: string, paragraphs: readonly string[]): TemplateVariant {
  return {
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n"),
  };
}

const sign = {
  en: "The Secretariat of the 1540 Committee",
  fr: "Le Secrétariat du Comité 1540",
  es: "La Secretaría del Comité 1540",
};

function programmeTemplate(
  kind: NewTemplate["kind"],
  description: string,
  variants: { en: TemplateVariant; fr: TemplateVariant; es: TemplateVariant },
): NewTemplate {
  return { id: `programme-${kind}`, kind, description, fallbackLanguage: "en", variants };
}

export const programmeTemplates: readonly NewTemplate[] = [
  programmeTemplate(
    "first-report-request",
    "March: to the States that have not yet submitted a first national report (resolution 1540 (2004), paragraph 4)",
    {
      en: variant("Resolution 1540 (2004): first national report — {{state.name}}", [
        "Dear {{contact.name}},",
        "On behalf of the {{committee.name}}, we recall that resolution 1540 (2004), in its paragraph 4, calls upon all States to present to the Committee a first report on the steps they have taken or intend to take to implement the resolution.",
        "The Committee has not yet received the first national report of your State. It would be grateful to receive it by {{deadline}}. The Committee and its group of experts stand ready to assist in its preparation, including through the Committee's assistance mechanism.",
        "Please accept the assurances of our highest consideration.",
        sign.en,
      ]),
      fr: variant("Résolution 1540 (2004) : premier rapport national — {{state.name}}", [
        "À l'attention de {{contact.name}}",
        "Madame, Monsieur,",
        "Au nom du Comité du Conseil de sécurité créé par la résolution 1540 (2004), nous rappelons que cette résolution, en son paragraphe 4, demande à tous les États de présenter au Comité un premier rapport sur les mesures qu'ils ont prises ou qu'ils envisagent de prendre pour la mettre en œuvre.",
        "Le Comité n'a pas encore reçu le premier rapport national de votre État. Il vous serait reconnaissant de le lui faire parvenir d'ici au {{deadline}}. Le Comité et son groupe d'experts se tiennent prêts à vous aider à l'établir, notamment par l'intermédiaire du mécanisme d'assistance du Comité.",
        "Veuillez agréer, Madame, Monsieur, l'assurance de notre très haute considération.",
        sign.fr,
      ]),
      es: variant("Resolución 1540 (2004): primer informe nacional — {{state.name}}", [
        "A la atención de {{contact.name}}",
        "De nuestra mayor consideración:",
        "En nombre del Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004), recordamos que dicha resolución, en su párrafo 4, exhorta a todos los Estados a que presenten al Comité un primer informe sobre las medidas que hayan adoptado o tengan previsto adoptar para aplicarla.",
        "El Comité aún no ha recibido el primer informe nacional de su Estado y le agradecería que lo presentara a más tardar el {{deadline}}. El Comité y su grupo de expertos están dispuestos a prestar asistencia para su preparación, en particular mediante el mecanismo de asistencia del Comité.",
        "Aprovechamos la ocasión para reiterarle las seguridades de nuestra más alta consideración.",
        sign.es,
      ]),
    },
  ),
  programmeTemplate(
    "resolution-2663-letter",
    "March: to the States that have reported, on resolution 2663 (2022): additional information and action plans",
    {
      en: variant("Resolution 2663 (2022): implementation of resolution 1540 (2004) — {{state.name}}", [
        "Dear {{contact.name}},",
        "On behalf of the {{committee.name}}, we thank your State for the information it has provided on its implementation of resolution 1540 (2004).",
        "Resolution 2663 (2022), which extended the Committee's mandate until 30 November 2032, encourages States to provide additional information on their implementation of resolution 1540 (2004), and to consider preparing, on a voluntary basis, national implementation action plans.",
        "The Committee would welcome any such information or action plan from your State by {{deadline}}, and stands ready to discuss it with your authorities.",
        "Please accept the assurances of our highest consideration.",
        sign.en,
      ]),
      fr: variant("Résolution 2663 (2022) : mise en œuvre de la résolution 1540 (2004) — {{state.name}}", [
        "À l'attention de {{contact.name}}",
        "Madame, Monsieur,",
        "Au nom du Comité du Conseil de sécurité créé par la résolution 1540 (2004), nous remercions votre État des informations qu'il a communiquées sur la mise en œuvre de la résolution 1540 (2004).",
        "La résolution 2663 (2022), qui a prorogé le mandat du Comité jusqu'au 30 novembre 2032, encourage les États à fournir des informations complémentaires sur la mise en œuvre de la résolution 1540 (2004) et à envisager d'élaborer, à titre volontaire, des plans d'action nationaux de mise en œuvre.",
        "Le Comité accueillerait avec intérêt de telles informations ou un tel plan d'action de la part de votre État d'ici au {{deadline}} et se tient prêt à en discuter avec vos autorités.",
        "Veuillez agréer, Madame, Monsieur, l'assurance de notre très haute considération.",
        sign.fr,
      ]),
      es: variant("Resolución 2663 (2022): aplicación de la resolución 1540 (2004) — {{state.name}}", [
        "A la atención de {{contact.name}}",
        "De nuestra mayor consideración:",
        "En nombre del Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004), agradecemos a su Estado la información que ha proporcionado sobre la aplicación de la resolución 1540 (2004).",
        "La resolución 2663 (2022), que prorrogó el mandato del Comité hasta el 30 de noviembre de 2032, alienta a los Estados a proporcionar información adicional sobre la aplicación de la resolución 1540 (2004) y a considerar la posibilidad de elaborar, con carácter voluntario, planes de acción nacionales de aplicación.",
        "El Comité acogería con agrado dicha información o plan de acción de su Estado a más tardar el {{deadline}} y está dispuesto a examinarlos con sus autoridades.",
        "Aprovechamos la ocasión para reiterarle las seguridades de nuestra más alta consideración.",
        sign.es,
      ]),
    },
  ),
  programmeTemplate(
    "point-of-contact-update",
    "March: to every State and organization, to designate or confirm its points of contact",
    {
      en: variant("1540 Committee: your points of contact", [
        "Dear {{contact.name}},",
        "The {{committee.name}} keeps a list of national and organizational points of contact, through which it corresponds on the implementation of resolution 1540 (2004).",
        "We would be grateful if you could confirm by {{deadline}} that the points of contact we hold for your Government or organization are current, or let us know of any change: name, title, agency, e-mail address and telephone number.",
        "Please accept the assurances of our highest consideration.",
        sign.en,
      ]),
      fr: variant("Comité 1540 : vos points de contact", [
        "À l'attention de {{contact.name}}",
        "Madame, Monsieur,",
        "Le Comité du Conseil de sécurité créé par la résolution 1540 (2004) tient une liste de points de contact nationaux et d'organisations, par lesquels il correspond au sujet de la mise en œuvre de la résolution 1540 (2004).",
        "Nous vous serions reconnaissants de bien vouloir confirmer d'ici au {{deadline}} que les points de contact dont nous disposons pour votre gouvernement ou votre organisation sont à jour, ou de nous faire part de tout changement : nom, titre, organisme, adresse électronique et numéro de téléphone.",
        "Veuillez agréer, Madame, Monsieur, l'assurance de notre très haute considération.",
        sign.fr,
      ]),
      es: variant("Comité 1540: sus puntos de contacto", [
        "A la atención de {{contact.name}}",
        "De nuestra mayor consideración:",
        "El Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) mantiene una lista de puntos de contacto nacionales y de organizaciones, por medio de los cuales mantiene correspondencia sobre la aplicación de la resolución 1540 (2004).",
        "Le agradeceríamos que confirmara a más tardar el {{deadline}} que los puntos de contacto de que disponemos para su Gobierno u organización están al día, o que nos comunicara cualquier cambio: nombre, cargo, organismo, dirección de correo electrónico y número de teléfono.",
        "Aprovechamos la ocasión para reiterarle las seguridades de nuestra más alta consideración.",
        sign.es,
      ]),
    },
  ),
  programmeTemplate(
    "provider-offer-update",
    "May: to the States and organizations that offer assistance, to review and update their offers",
    {
      en: variant("1540 Committee: your assistance offers", [
        "Dear {{contact.name}},",
        "The {{committee.name}} thanks your Government or organization for the assistance it offers to States in implementing resolution 1540 (2004).",
        "So that the Committee can match requests for assistance with current offers, we would be grateful if you could review the offers recorded for you and let us know by {{deadline}} of any update: areas of assistance, programmes, contacts and period of validity.",
        "Please accept the assurances of our highest consideration.",
        sign.en,
      ]),
      fr: variant("Comité 1540 : vos offres d'assistance", [
        "À l'attention de {{contact.name}}",
        "Madame, Monsieur,",
        "Le Comité du Conseil de sécurité créé par la résolution 1540 (2004) remercie votre gouvernement ou votre organisation de l'assistance qu'il offre aux États pour la mise en œuvre de la résolution 1540 (2004).",
        "Afin que le Comité puisse rapprocher les demandes d'assistance d'offres à jour, nous vous serions reconnaissants de bien vouloir examiner les offres enregistrées à votre nom et de nous faire part d'ici au {{deadline}} de toute mise à jour : domaines d'assistance, programmes, contacts et période de validité.",
        "Veuillez agréer, Madame, Monsieur, l'assurance de notre très haute considération.",
        sign.fr,
      ]),
      es: variant("Comité 1540: sus ofrecimientos de asistencia", [
        "A la atención de {{contact.name}}",
        "De nuestra mayor consideración:",
        "El Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) agradece a su Gobierno u organización la asistencia que ofrece a los Estados para la aplicación de la resolución 1540 (2004).",
        "Para que el Comité pueda vincular las solicitudes de asistencia con ofrecimientos actualizados, le agradeceríamos que examinara los ofrecimientos registrados a su nombre y nos comunicara a más tardar el {{deadline}} cualquier actualización: esferas de asistencia, programas, contactos y período de validez.",
        "Aprovechamos la ocasión para reiterarle las seguridades de nuestra más alta consideración.",
        sign.es,
      ]),
    },
  ),
  programmeTemplate(
    "effective-practices-invitation",
    "Third quarter: to every State, an invitation to share experiences, lessons learned and effective practices",
    {
      en: variant("1540 Committee: sharing experiences and effective practices — {{state.name}}", [
        "Dear {{contact.name}},",
        "The {{committee.name}} invites States to share their experiences, lessons learned and effective practices in implementing resolution 1540 (2004), so that others may draw on them.",
        "The Committee would welcome any contribution from your State by {{deadline}}, in any of the official languages of the United Nations.",
        "Please accept the assurances of our highest consideration.",
        sign.en,
      ]),
      fr: variant("Comité 1540 : partage d'expériences et de pratiques efficaces — {{state.name}}", [
        "À l'attention de {{contact.name}}",
        "Madame, Monsieur,",
        "Le Comité du Conseil de sécurité créé par la résolution 1540 (2004) invite les États à partager leurs expériences, les enseignements qu'ils ont tirés et leurs pratiques efficaces en matière de mise en œuvre de la résolution 1540 (2004), afin que d'autres puissent s'en inspirer.",
        "Le Comité accueillerait avec intérêt toute contribution de votre État d'ici au {{deadline}}, dans l'une quelconque des langues officielles de l'Organisation des Nations Unies.",
        "Veuillez agréer, Madame, Monsieur, l'assurance de notre très haute considération.",
        sign.fr,
      ]),
      es: variant("Comité 1540: intercambio de experiencias y prácticas eficaces — {{state.name}}", [
        "A la atención de {{contact.name}}",
        "De nuestra mayor consideración:",
        "El Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) invita a los Estados a compartir sus experiencias, las lecciones aprendidas y sus prácticas eficaces en la aplicación de la resolución 1540 (2004), para que otros puedan aprovecharlas.",
        "El Comité acogería con agrado cualquier contribución de su Estado a más tardar el {{deadline}}, en cualquiera de los idiomas oficiales de las Naciones Unidas.",
        "Aprovechamos la ocasión para reiterarle las seguridades de nuestra más alta consideración.",
        sign.es,
      ]),
    },
  ),
  programmeTemplate(
    "open-briefing-invitation",
    "September: to every State and organization, an invitation to the Committee's open briefing in October",
    {
      en: variant("1540 Committee: invitation to the open briefing", [
        "Dear {{contact.name}},",
        "The {{committee.name}} will hold its annual open briefing in October, to inform Member States, international, regional and subregional organizations and other stakeholders of its work and to hear their views.",
        "Your Government or organization is cordially invited to take part. The date, the venue and the programme will be communicated in due course.",
        "Please accept the assurances of our highest consideration.",
        sign.en,
      ]),
      fr: variant("Comité 1540 : invitation à la séance d'information publique", [
        "À l'attention de {{contact.name}}",
        "Madame, Monsieur,",
        "Le Comité du Conseil de sécurité créé par la résolution 1540 (2004) tiendra en octobre sa séance d'information publique annuelle, afin d'informer les États Membres, les organisations internationales, régionales et sous-régionales et les autres parties prenantes de ses travaux et de recueillir leurs vues.",
        "Votre gouvernement ou votre organisation est cordialement invité à y participer. La date, le lieu et le programme vous seront communiqués en temps utile.",
        "Veuillez agréer, Madame, Monsieur, l'assurance de notre très haute considération.",
        sign.fr,
      ]),
      es: variant("Comité 1540: invitación a la sesión informativa abierta", [
        "A la atención de {{contact.name}}",
        "De nuestra mayor consideración:",
        "El Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) celebrará en octubre su sesión informativa abierta anual, con el fin de informar a los Estados Miembros, a las organizaciones internacionales, regionales y subregionales y a otras partes interesadas sobre su labor y de conocer sus opiniones.",
        "Su Gobierno u organización queda cordialmente invitado a participar. La fecha, el lugar y el programa se comunicarán oportunamente.",
        "Aprovechamos la ocasión para reiterarle las seguridades de nuestra más alta consideración.",
        sign.es,
      ]),
    },
  ),
];

export interface ProgrammeTemplateDependencies {
  templates: TemplateRepository;
  clock: Clock;
}

/** Adds the programme templates the desk lacks; one already there (perhaps edited by staff) is kept as it is. */
export async function seedProgrammeTemplates(
  deps: ProgrammeTemplateDependencies,
  audit: AuditContext = { actor: systemActor("seed") },
): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const template of programmeTemplates) {
    assertValidTemplate(template);
    if (await deps.templates.get(template.id)) {
      existing.push(template.id);
      continue;
    }
    const now = deps.clock.now().toISOString();
    try {
      await deps.templates.create({ ...template, createdAt: now, updatedAt: now }, audit);
      created.push(template.id);
    } catch (error) {
      // Another seed run added it in between.
      if (!(error instanceof Conflict)) throw error;
      existing.push(template.id);
    }
  }
  return { created, existing };
}
