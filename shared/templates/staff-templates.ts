// Letter templates for the waves the secretariat creates itself (no programme schedule sends them): added on every
// deploy when missing, never upgraded, so what staff changed stays. English is the drafting language; the other five
// are drafted translations, marked reviewed: false until the secretariat edits or approves them.
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import { addSeededTemplate, draftedVariants } from "./programme-templates.ts";
import { assertValidTemplate } from "./rules.ts";
import type { NewTemplate } from "./schemas.ts";
import type { TemplateDependencies } from "./templates.ts";

export const staffTemplates: readonly NewTemplate[] = [
  {
    id: "assistance-follow-up",
    kind: "assistance-follow-up",
    description:
      "One year after circulation: to the States whose assistance requests are owed their follow-up letter " +
      "(audience states-with-follow-up-due, which alone fills {{assistance.followUps}}); the secretariat creates the wave",
    fallbackLanguage: "en",
    variants: draftedVariants({
      en: [
        "Your request for assistance: follow-up one year after circulation — {{state.name}}",
        [
          "On behalf of the Security Council Committee established pursuant to resolution 1540 (2004), I have the honour to refer to the following requests for assistance from {{state.nameInText}}, which the Committee circulated to potential assistance providers one year ago or more (symbol and date of receipt):",
          "{{assistance.followUps|list}}",
          "The Committee would be grateful to be informed whether the assistance requested is still needed, whether it has been received in whole or in part from any provider, and of any change in your Government's needs or priorities.",
          "The Committee and its group of experts remain at your disposal to help match these requests with assistance providers.",
        ],
      ],
      fr: [
        "Votre demande d'assistance : suivi un an après sa diffusion — {{state.name}}",
        [
          "Au nom du Comité du Conseil de sécurité créé par la résolution 1540 (2004), j'ai l'honneur de me référer aux demandes d'assistance suivantes, présentées par votre gouvernement, que le Comité a diffusées auprès des fournisseurs d'assistance potentiels il y a un an ou plus (cote et date de réception) :",
          "{{assistance.followUps|list}}",
          "Le Comité vous serait reconnaissant de bien vouloir lui faire savoir si l'assistance demandée est toujours nécessaire, si elle a été reçue en tout ou en partie d'un fournisseur, et de l'informer de tout changement dans les besoins ou les priorités de votre gouvernement.",
          "Le Comité et son groupe d'experts restent à votre disposition pour aider à mettre ces demandes en relation avec des fournisseurs d'assistance.",
        ],
      ],
      es: [
        "Su solicitud de asistencia: seguimiento un año después de su distribución — {{state.name}}",
        [
          "En nombre del Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004), tengo el honor de referirme a las siguientes solicitudes de asistencia presentadas por su Gobierno, que el Comité distribuyó a los posibles proveedores de asistencia hace un año o más (signatura y fecha de recepción):",
          "{{assistance.followUps|list}}",
          "El Comité le agradecería que le informara de si la asistencia solicitada sigue siendo necesaria, de si se ha recibido total o parcialmente de algún proveedor y de cualquier cambio en las necesidades o prioridades de su Gobierno.",
          "El Comité y su grupo de expertos siguen a su disposición para ayudar a vincular estas solicitudes con proveedores de asistencia.",
        ],
      ],
      ru: [
        "Ваш запрос о помощи: последующие действия через год после распространения — {{state.name}}",
        [
          "От имени Комитета Совета Безопасности, учрежденного резолюцией 1540 (2004), имею честь сослаться на следующие запросы о помощи, поступившие от Вашего правительства, которые Комитет распространил среди потенциальных поставщиков помощи год назад или ранее (условное обозначение и дата получения):",
          "{{assistance.followUps|list}}",
          "Комитет был бы признателен за информацию о том, сохраняется ли потребность в запрошенной помощи, была ли она получена полностью или частично от какого-либо поставщика, а также о любых изменениях в потребностях или приоритетах Вашего правительства.",
          "Комитет и его группа экспертов по-прежнему готовы помочь в подборе поставщиков помощи по этим запросам.",
        ],
      ],
      zh: [
        "贵国的援助请求：分发一年后的后续跟进——{{state.name}}",
        [
          "我谨代表安全理事会第1540(2004)号决议所设委员会，提及{{state.nameInText}}提出的以下援助请求。委员会已于一年或更早之前将这些请求分发给潜在的援助提供方（文号和收到日期）：",
          "{{assistance.followUps|list}}",
          "请告知委员会所请求的援助是否仍有需要，是否已从任何提供方全部或部分获得，以及贵国政府的需要或优先事项有何变化，委员会将不胜感激。",
          "委员会及其专家组随时准备协助为这些请求寻找援助提供方。",
        ],
      ],
      ar: [
        "طلبكم للمساعدة: المتابعة بعد سنة من تعميمه — {{state.name}}",
        [
          "باسم لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004)، أتشرف بأن أشير إلى طلبات المساعدة التالية المقدمة من حكومتكم، التي عممتها اللجنة على الجهات المحتملة لتقديم المساعدة منذ سنة أو أكثر (الرمز وتاريخ الاستلام):",
          "{{assistance.followUps|list}}",
          "وستكون اللجنة ممتنة لو أُبلغت بما إذا كانت المساعدة المطلوبة لا تزال لازمة، وبما إذا كانت قد وردت كليا أو جزئيا من أي جهة مقدمة لها، وبأي تغيير في احتياجات حكومتكم أو أولوياتها.",
          "وتظل اللجنة وفريق خبرائها على استعداد للمساعدة في مطابقة هذه الطلبات مع الجهات المقدمة للمساعدة.",
        ],
      ],
    }),
  },
];

/**
 * Adds the staff templates the desk lacks. One already there is kept as it is, whatever it holds: no wave schedule
 * depends on its text, and staff own it once it is seeded.
 */
export async function seedStaffTemplates(
  deps: Pick<TemplateDependencies, "templates" | "clock">,
  audit: AuditContext = { actor: systemActor("seed") },
): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const template of staffTemplates) {
    assertValidTemplate(template);
    if (await deps.templates.get(template.id)) {
      existing.push(template.id);
      continue;
    }
    const added = await addSeededTemplate(deps, template, deps.clock.now().toISOString(), audit);
    (added ? created : existing).push(template.id);
  }
  return { created, existing };
}
