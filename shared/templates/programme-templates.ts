// The letters of the programme of work as data: one template per letter kind (id programme-<kind>), in the six
// official languages, added on every deploy when missing (and upgraded while no one has changed them and no wave
// waits to send them), so the secretariat's edits and a scheduled wave's letters stay.
// Templates hold the subject and the body: the Committee's heading, reference, date, salutation, courtesy close and
// signature for the Chair are the form's (letter-form.ts). English is the drafting language; the other five are
// drafted translations, marked reviewed: false until the secretariat edits or approves them. Only variables every
// recipient of the audience has are used: letters to organizations cannot name a State.
import { createHash } from "node:crypto";
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import { canonicalJson } from "../canonical-json.ts";
import { Conflict, PreconditionFailed } from "../errors.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import type { Versioned } from "../versioning.ts";
import { assertValidTemplate } from "./rules.ts";
import type { NewTemplate, Template, TemplateVariant } from "./schemas.ts";
import { SEEDED_TEXTS } from "./seeded-texts.ts";
import { type TemplateDependencies, wavesWaiting } from "./templates.ts";

/** A paragraph that is only a list placeholder is a block of its own in HTML, not inside a <p>. */
const LIST_ONLY = /^\{\{[^{}]+\|list\}\}$/;

/** Paragraphs -> the plain-text body and the HTML body of one variant. */
function variant(subject: string, paragraphs: readonly string[], reviewed?: false): TemplateVariant {
  return {
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((paragraph) => (LIST_ONLY.test(paragraph) ? paragraph : `<p>${paragraph}</p>`)).join("\n"),
    ...(reviewed === undefined ? {} : { reviewed }),
  };
}

type Draft = readonly [subject: string, paragraphs: readonly string[]];

/** English as drafted; the five translations as drafts awaiting the secretariat's review. */
export const draftedVariants = (drafts: Record<UnLanguage, Draft>): NewTemplate["variants"] =>
  Object.fromEntries(
    Object.entries(drafts).map(([language, [subject, paragraphs]]) => [
      language,
      variant(subject, paragraphs, language === "en" ? undefined : false),
    ]),
  );

function programmeTemplate(
  kind: NewTemplate["kind"],
  description: string,
  drafts: Record<UnLanguage, Draft>,
): NewTemplate {
  return { id: `programme-${kind}`, kind, description, fallbackLanguage: "en", variants: draftedVariants(drafts) };
}

export const programmeTemplates: readonly NewTemplate[] = [
  programmeTemplate(
    "first-report-request",
    "March: to the States that have not yet submitted a first national report (resolution 1540 (2004), paragraph 4; programme of work, annex I, paragraph 5)",
    {
      en: [
        "Resolution 1540 (2004): first national report — {{state.name}}",
        [
          "On behalf of the Security Council Committee established pursuant to resolution 1540 (2004), I have the honour to recall that, in paragraph 4 of that resolution, the Security Council called upon all States to present to the Committee a first report on steps they have taken or intend to take to implement the resolution. In resolution 2663 (2022), the Council called upon all States that have not yet done so to submit such a report without delay.",
          "The Committee has not yet received the first national report of {{state.nameInText}}. It would be grateful to receive it by {{deadline|date}}.",
          "The Committee and its group of experts stand ready to assist your authorities in preparing the report, including through the Committee's assistance mechanism.",
        ],
      ],
      fr: [
        "Résolution 1540 (2004) : premier rapport national — {{state.name}}",
        [
          "Au nom du Comité du Conseil de sécurité créé par la résolution 1540 (2004), j'ai l'honneur de rappeler qu'au paragraphe 4 de cette résolution, le Conseil de sécurité a demandé à tous les États de présenter au Comité un premier rapport sur les mesures qu'ils ont prises ou qu'ils envisagent de prendre pour mettre en œuvre la résolution. Dans sa résolution 2663 (2022), le Conseil a demandé à tous les États qui ne l'avaient pas encore fait de présenter ce rapport sans tarder.",
          "Le Comité n'a pas encore reçu le premier rapport national de l'État suivant : {{state.nameInText}}. Il vous serait reconnaissant de bien vouloir le lui faire parvenir d'ici au {{deadline|date}}.",
          "Le Comité et son groupe d'experts se tiennent prêts à aider vos autorités à établir ce rapport, notamment par l'intermédiaire du mécanisme d'assistance du Comité.",
        ],
      ],
      es: [
        "Resolución 1540 (2004): primer informe nacional — {{state.name}}",
        [
          "En nombre del Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004), tengo el honor de recordar que, en el párrafo 4 de dicha resolución, el Consejo de Seguridad exhortó a todos los Estados a que presentaran al Comité un primer informe sobre las medidas que hubieran adoptado o tuvieran previsto adoptar para aplicarla. En su resolución 2663 (2022), el Consejo exhortó a todos los Estados que aún no lo hubieran hecho a que presentaran dicho informe sin demora.",
          "El Comité aún no ha recibido el primer informe nacional del Estado siguiente: {{state.nameInText}}. Le agradecería que se lo hiciera llegar a más tardar el {{deadline|date}}.",
          "El Comité y su grupo de expertos están dispuestos a prestar asistencia a sus autoridades en la preparación del informe, en particular mediante el mecanismo de asistencia del Comité.",
        ],
      ],
      ru: [
        "Резолюция 1540 (2004): первоначальный национальный доклад — {{state.name}}",
        [
          "От имени Комитета Совета Безопасности, учрежденного резолюцией 1540 (2004), имею честь напомнить, что в пункте 4 этой резолюции Совет Безопасности призвал все государства представить Комитету первоначальный доклад о мерах, которые они приняли или намерены принять для осуществления резолюции. В резолюции 2663 (2022) Совет призвал все государства, которые еще не сделали этого, безотлагательно представить такой доклад.",
          "Комитет еще не получил первоначальный национальный доклад от следующего государства: {{state.nameInText}}. Комитет был бы признателен за его представление не позднее {{deadline|date}}.",
          "Комитет и его группа экспертов готовы оказать Вашим властям содействие в подготовке доклада, в том числе через механизм Комитета по оказанию помощи.",
        ],
      ],
      zh: [
        "第1540(2004)号决议：首次国家报告——{{state.name}}",
        [
          "我谨代表安全理事会第1540(2004)号决议所设委员会回顾，安全理事会在该决议第4段中吁请所有国家向委员会提交首次报告，说明为执行该决议已经采取或打算采取的步骤。安理会在第2663(2022)号决议中吁请尚未提交此类报告的所有国家立即提交。",
          "委员会尚未收到{{state.nameInText}}的首次国家报告，请于{{deadline|date}}前提交，委员会将不胜感激。",
          "委员会及其专家组随时准备协助贵国主管部门编写该报告，包括通过委员会的援助机制提供协助。",
        ],
      ],
      ar: [
        "القرار 1540 (2004): التقرير الوطني الأول — {{state.name}}",
        [
          "باسم لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004)، أتشرف بأن أشير إلى أن مجلس الأمن، في الفقرة 4 من ذلك القرار، طلب إلى جميع الدول أن تقدم إلى اللجنة تقريرا أول عن الخطوات التي اتخذتها أو تعتزم اتخاذها لتنفيذ القرار. وفي القرار 2663 (2022)، طلب المجلس إلى جميع الدول التي لم تقدم بعد هذا التقرير أن تقدمه دون تأخير.",
          "ولم تتلق اللجنة بعد التقرير الوطني الأول من الدولة التالية: {{state.nameInText}}. وستكون اللجنة ممتنة لو قُدِّم إليها في موعد أقصاه {{deadline|date}}.",
          "وتقف اللجنة وفريق خبرائها على أهبة الاستعداد لمساعدة سلطاتكم في إعداد التقرير، بما في ذلك عن طريق آلية المساعدة التابعة للجنة.",
        ],
      ],
    },
  ),
  programmeTemplate(
    "resolution-2663-letter",
    "March: to the States that have reported, on resolution 2663 (2022): reporting, action plans, assistance, voluntary financial support, points of contact and dialogue (programme of work, annex I, paragraph 6)",
    {
      en: [
        "Resolution 2663 (2022): implementation of resolution 1540 (2004) — {{state.name}}",
        [
          "On behalf of the Security Council Committee established pursuant to resolution 1540 (2004), I have the honour to thank {{state.nameInText}} for the information it has provided on its implementation of resolution 1540 (2004), and to bring to your attention resolution 2663 (2022), by which the Security Council extended the Committee's mandate until 30 November 2032. As set out in paragraph 6 of annex I to the Committee's programme of work, the Committee draws attention in particular to the following provisions:",
          "(a) National reporting: States are encouraged to provide the Committee with additional information on their implementation of resolution 1540 (2004), including updates of their national reports;",
          "(b) Voluntary national implementation action plans: States are encouraged to prepare such plans, with the assistance of the Committee where they so request;",
          "(c) Assistance: States may request assistance in implementing the resolution, and States in a position to do so are encouraged to offer it, through the Committee's assistance mechanism;",
          "(d) Voluntary financial contributions: States in a position to do so are encouraged to make voluntary financial contributions in support of the implementation of resolution 1540 (2004);",
          "(e) Points of contact: States are encouraged to maintain up-to-date national points of contact for resolution 1540 (2004) and to inform the Committee of any change.",
          "The Committee would welcome any additional information or action plan from your Government by {{deadline|date}}. It stands ready to engage in an active and tailored dialogue with your authorities on the implementation of the resolution at any time.",
        ],
      ],
      fr: [
        "Résolution 2663 (2022) : mise en œuvre de la résolution 1540 (2004) — {{state.name}}",
        [
          "Au nom du Comité du Conseil de sécurité créé par la résolution 1540 (2004), j'ai l'honneur de remercier votre État ({{state.nameInText}}) des informations qu'il a communiquées sur la mise en œuvre de la résolution 1540 (2004) et de porter à votre attention la résolution 2663 (2022), par laquelle le Conseil de sécurité a prorogé le mandat du Comité jusqu'au 30 novembre 2032. Comme indiqué au paragraphe 6 de l'annexe I de son programme de travail, le Comité appelle en particulier l'attention sur les dispositions suivantes :",
          "a) Rapports nationaux : les États sont encouragés à communiquer au Comité des informations complémentaires sur la mise en œuvre de la résolution 1540 (2004), y compris des mises à jour de leurs rapports nationaux ;",
          "b) Plans d'action nationaux de mise en œuvre : les États sont encouragés à élaborer, à titre volontaire, de tels plans, avec l'aide du Comité s'ils le demandent ;",
          "c) Assistance : les États peuvent demander une assistance pour la mise en œuvre de la résolution, et les États qui sont en mesure de le faire sont encouragés à en offrir, par l'intermédiaire du mécanisme d'assistance du Comité ;",
          "d) Contributions financières volontaires : les États qui sont en mesure de le faire sont encouragés à verser des contributions financières volontaires à l'appui de la mise en œuvre de la résolution 1540 (2004) ;",
          "e) Points de contact : les États sont encouragés à tenir à jour leurs points de contact nationaux pour la résolution 1540 (2004) et à informer le Comité de tout changement.",
          "Le Comité accueillerait avec intérêt toute information complémentaire ou tout plan d'action de votre gouvernement d'ici au {{deadline|date}}. Il se tient prêt à engager à tout moment avec vos autorités un dialogue actif et adapté sur la mise en œuvre de la résolution.",
        ],
      ],
      es: [
        "Resolución 2663 (2022): aplicación de la resolución 1540 (2004) — {{state.name}}",
        [
          "En nombre del Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004), tengo el honor de agradecer a su Estado ({{state.nameInText}}) la información que ha proporcionado sobre la aplicación de la resolución 1540 (2004) y de señalar a su atención la resolución 2663 (2022), por la que el Consejo de Seguridad prorrogó el mandato del Comité hasta el 30 de noviembre de 2032. Como se indica en el párrafo 6 del anexo I de su programa de trabajo, el Comité señala en particular las disposiciones siguientes:",
          "a) Presentación de informes nacionales: se alienta a los Estados a proporcionar al Comité información adicional sobre la aplicación de la resolución 1540 (2004), incluidas actualizaciones de sus informes nacionales;",
          "b) Planes de acción nacionales de aplicación: se alienta a los Estados a elaborar, con carácter voluntario, dichos planes, con la asistencia del Comité si la solicitan;",
          "c) Asistencia: los Estados pueden solicitar asistencia para aplicar la resolución, y se alienta a los Estados que estén en condiciones de hacerlo a ofrecerla, por conducto del mecanismo de asistencia del Comité;",
          "d) Contribuciones financieras voluntarias: se alienta a los Estados que estén en condiciones de hacerlo a aportar contribuciones financieras voluntarias en apoyo de la aplicación de la resolución 1540 (2004);",
          "e) Puntos de contacto: se alienta a los Estados a mantener actualizados sus puntos de contacto nacionales para la resolución 1540 (2004) y a informar al Comité de cualquier cambio.",
          "El Comité acogería con agrado cualquier información adicional o plan de acción de su Gobierno a más tardar el {{deadline|date}}. Está dispuesto a entablar en cualquier momento con sus autoridades un diálogo activo y adaptado sobre la aplicación de la resolución.",
        ],
      ],
      ru: [
        "Резолюция 2663 (2022): осуществление резолюции 1540 (2004) — {{state.name}}",
        [
          "От имени Комитета Совета Безопасности, учрежденного резолюцией 1540 (2004), имею честь поблагодарить Ваше государство ({{state.nameInText}}) за информацию, представленную им об осуществлении резолюции 1540 (2004), и обратить Ваше внимание на резолюцию 2663 (2022), которой Совет Безопасности продлил мандат Комитета до 30 ноября 2032 года. Как указано в пункте 6 приложения I к программе работы Комитета, Комитет обращает особое внимание на следующие положения:",
          "a) национальные доклады: государствам рекомендуется представлять Комитету дополнительную информацию об осуществлении резолюции 1540 (2004), включая обновленные национальные доклады;",
          "b) добровольные национальные планы действий по осуществлению: государствам рекомендуется разрабатывать такие планы, при содействии Комитета, если они об этом просят;",
          "c) помощь: государства могут запрашивать помощь в осуществлении резолюции, а государствам, которые в состоянии это сделать, рекомендуется предлагать ее через механизм Комитета по оказанию помощи;",
          "d) добровольные финансовые взносы: государствам, которые в состоянии это сделать, рекомендуется вносить добровольные финансовые взносы в поддержку осуществления резолюции 1540 (2004);",
          "e) контактные лица: государствам рекомендуется поддерживать в актуальном состоянии сведения о национальных контактных лицах по резолюции 1540 (2004) и сообщать Комитету о любых изменениях.",
          "Комитет будет признателен за любую дополнительную информацию или план действий Вашего правительства, представленные не позднее {{deadline|date}}. Комитет готов в любое время вести с Вашими властями активный и адресный диалог по вопросам осуществления резолюции.",
        ],
      ],
      zh: [
        "第2663(2022)号决议：第1540(2004)号决议的执行情况——{{state.name}}",
        [
          "我谨代表安全理事会第1540(2004)号决议所设委员会，感谢{{state.nameInText}}就第1540(2004)号决议执行情况提供的资料，并提请贵方注意第2663(2022)号决议，安全理事会在该决议中将委员会的任务期限延长至2032年11月30日。按照委员会工作方案附件一第6段，委员会特别提请注意以下规定：",
          "(a) 国家报告：鼓励各国向委员会提供关于第1540(2004)号决议执行情况的补充资料，包括更新其国家报告；",
          "(b) 自愿性国家执行行动计划：鼓励各国编制此类计划，如提出请求，委员会可提供协助；",
          "(c) 援助：各国可通过委员会的援助机制请求在执行该决议方面获得援助，鼓励有能力的国家通过该机制提供援助；",
          "(d) 自愿财政捐助：鼓励有能力的国家提供自愿财政捐助，支持第1540(2004)号决议的执行；",
          "(e) 联络人：鼓励各国及时更新第1540(2004)号决议国家联络人信息，并将任何变动告知委员会。",
          "委员会欢迎贵国政府于{{deadline|date}}前提供任何补充资料或行动计划。委员会随时准备就该决议的执行情况与贵国主管部门开展积极和有针对性的对话。",
        ],
      ],
      ar: [
        "القرار 2663 (2022): تنفيذ القرار 1540 (2004) — {{state.name}}",
        [
          "باسم لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004)، أتشرف بأن أشكر دولتكم ({{state.nameInText}}) على المعلومات التي قدمتها عن تنفيذ القرار 1540 (2004)، وبأن أوجه انتباهكم إلى القرار 2663 (2022) الذي مدد به مجلس الأمن ولاية اللجنة حتى 30 تشرين الثاني/نوفمبر 2032. ووفقا لما ورد في الفقرة 6 من المرفق الأول لبرنامج عمل اللجنة، توجه اللجنة الانتباه بوجه خاص إلى الأحكام التالية:",
          "(أ) التقارير الوطنية: تُشجَّع الدول على تزويد اللجنة بمعلومات إضافية عن تنفيذها للقرار 1540 (2004)، بما في ذلك تحديث تقاريرها الوطنية؛",
          "(ب) خطط العمل الوطنية الطوعية للتنفيذ: تُشجَّع الدول على إعداد هذه الخطط، بمساعدة من اللجنة إذا طلبت ذلك؛",
          "(ج) المساعدة: يجوز للدول أن تطلب المساعدة في تنفيذ القرار، وتُشجَّع الدول القادرة على ذلك على تقديمها، عن طريق آلية المساعدة التابعة للجنة؛",
          "(د) التبرعات المالية: تُشجَّع الدول القادرة على ذلك على تقديم تبرعات مالية دعما لتنفيذ القرار 1540 (2004)؛",
          "(هـ) جهات الاتصال: تُشجَّع الدول على تحديث بيانات جهات الاتصال الوطنية المعنية بالقرار 1540 (2004) بانتظام وعلى إبلاغ اللجنة بأي تغيير.",
          "وترحب اللجنة بأي معلومات إضافية أو خطة عمل تقدمها حكومتكم في موعد أقصاه {{deadline|date}}. وهي على استعداد للدخول في أي وقت في حوار نشط ومصمم حسب الاحتياجات مع سلطاتكم بشأن تنفيذ القرار.",
        ],
      ],
    },
  ),
  programmeTemplate(
    "point-of-contact-update",
    "March: to every State and organization, listing the points of contact on record, to confirm or update them (resolution 2663 (2022); programme of work, annex I, paragraph 6)",
    {
      en: [
        "1540 Committee: your points of contact",
        [
          "The Security Council Committee established pursuant to resolution 1540 (2004) corresponds on the implementation of the resolution through the national and organizational points of contact designated to it, and resolution 2663 (2022) encourages States to keep them up to date.",
          "The following points of contact are on record with the Committee:",
          "{{contacts.onRecord|list}}",
          "I should be grateful if you would confirm by {{deadline|date}} that these details are current, or inform the Committee of any change: name, title, agency, e-mail address and telephone number.",
        ],
      ],
      fr: [
        "Comité 1540 : vos points de contact",
        [
          "Le Comité du Conseil de sécurité créé par la résolution 1540 (2004) correspond au sujet de la mise en œuvre de la résolution par l'intermédiaire des points de contact nationaux et des organisations qui lui ont été désignés, et la résolution 2663 (2022) encourage les États à les tenir à jour.",
          "Les points de contact suivants sont enregistrés auprès du Comité :",
          "{{contacts.onRecord|list}}",
          "Je vous saurais gré de bien vouloir confirmer d'ici au {{deadline|date}} que ces coordonnées sont à jour, ou de faire part au Comité de tout changement : nom, titre, organisme, adresse électronique et numéro de téléphone.",
        ],
      ],
      es: [
        "Comité 1540: sus puntos de contacto",
        [
          "El Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) mantiene correspondencia sobre la aplicación de la resolución por conducto de los puntos de contacto nacionales y de organizaciones que le han sido designados, y la resolución 2663 (2022) alienta a los Estados a mantenerlos actualizados.",
          "El Comité tiene registrados los siguientes puntos de contacto:",
          "{{contacts.onRecord|list}}",
          "Le agradecería que confirmara a más tardar el {{deadline|date}} que estos datos están al día, o que comunicara al Comité cualquier cambio: nombre, cargo, organismo, dirección de correo electrónico y número de teléfono.",
        ],
      ],
      ru: [
        "Комитет 1540: ваши контактные лица",
        [
          "Комитет Совета Безопасности, учрежденный резолюцией 1540 (2004), ведет переписку по вопросам осуществления резолюции через назначенных для него национальных контактных лиц и контактных лиц организаций, а в резолюции 2663 (2022) государствам рекомендуется поддерживать эти сведения в актуальном состоянии.",
          "В Комитете зарегистрированы следующие контактные лица:",
          "{{contacts.onRecord|list}}",
          "Комитет будет признателен за подтверждение не позднее {{deadline|date}} актуальности этих сведений или за сообщение ему о любых изменениях: фамилия и имя, должность, ведомство, адрес электронной почты и номер телефона.",
        ],
      ],
      zh: [
        "1540委员会：贵方联络人",
        [
          "安全理事会第1540(2004)号决议所设委员会通过向其指定的国家联络人和组织联络人就该决议的执行情况进行通信；第2663(2022)号决议鼓励各国及时更新联络人信息。",
          "委员会登记在案的联络人如下：",
          "{{contacts.onRecord|list}}",
          "请于{{deadline|date}}前确认上述信息是否仍然有效，或将任何变动（姓名、职衔、机构、电子邮件地址和电话号码）告知委员会，不胜感激。",
        ],
      ],
      ar: [
        "لجنة القرار 1540: جهات الاتصال لديكم",
        [
          "تتراسل لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004) بشأن تنفيذ القرار عن طريق جهات الاتصال الوطنية وجهات الاتصال التابعة للمنظمات المعيَّنة لديها، ويشجع القرار 2663 (2022) الدول على تحديث بياناتها بانتظام.",
          "وفيما يلي جهات الاتصال المسجلة لدى اللجنة:",
          "{{contacts.onRecord|list}}",
          "وستكون اللجنة ممتنة لو تفضلتم بتأكيد صحة هذه البيانات في موعد أقصاه {{deadline|date}}، أو بإبلاغها بأي تغيير: الاسم، والمنصب، والجهة، وعنوان البريد الإلكتروني، ورقم الهاتف.",
        ],
      ],
    },
  ),
  programmeTemplate(
    "outreach-letter",
    "As required: to Member States, in accordance with the multi-year programme of outreach (programme of work, annex I, paragraphs 18 and 22; annex II, March). A general text: the secretariat adapts it to each outreach before a wave sends it",
    {
      en: [
        "Resolution 1540 (2004): the Committee's programme of outreach — {{state.name}}",
        [
          "On behalf of the Security Council Committee established pursuant to resolution 1540 (2004), I have the honour to write to your Government in accordance with the Committee's multi-year programme of outreach to Member States (programme of work, annex I, paragraph 18).",
          "The Committee organizes and participates in outreach events on the implementation of resolution 1540 (2004) at the international, regional, subregional and, as appropriate, national levels, including on specific thematic and regional issues (annex I, paragraph 22). It would welcome the participation of the authorities of {{state.nameInText}} in such events, and stands ready to engage in a dialogue with them on the implementation of the resolution, including, at the invitation of your Government, through a visit.",
          "The Committee would be grateful if your Government could inform it by {{deadline|date}} of its interest, and of the person the Committee may contact for this purpose.",
        ],
      ],
      fr: [
        "Résolution 1540 (2004) : programme de sensibilisation du Comité — {{state.name}}",
        [
          "Au nom du Comité du Conseil de sécurité créé par la résolution 1540 (2004), j'ai l'honneur de m'adresser à votre gouvernement dans le cadre du programme pluriannuel de sensibilisation du Comité à l'intention des États Membres (programme de travail, annexe I, paragraphe 18).",
          "Le Comité organise des manifestations de sensibilisation consacrées à la mise en œuvre de la résolution 1540 (2004) et y participe aux niveaux international, régional, sous-régional et, le cas échéant, national, y compris sur des questions thématiques et régionales précises (annexe I, paragraphe 22). Il accueillerait avec intérêt la participation des autorités de l'État suivant à ces manifestations : {{state.nameInText}}. Il se tient prêt à engager avec elles un dialogue sur la mise en œuvre de la résolution, y compris, à l'invitation de votre gouvernement, dans le cadre d'une visite.",
          "Le Comité vous serait reconnaissant de bien vouloir lui faire savoir d'ici au {{deadline|date}} si votre gouvernement y est intéressé, et de lui indiquer la personne à contacter à cette fin.",
        ],
      ],
      es: [
        "Resolución 1540 (2004): programa de divulgación del Comité — {{state.name}}",
        [
          "En nombre del Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004), tengo el honor de dirigirme a su Gobierno en el marco del programa plurianual de divulgación del Comité dirigido a los Estados Miembros (programa de trabajo, anexo I, párrafo 18).",
          "El Comité organiza actividades de divulgación sobre la aplicación de la resolución 1540 (2004) y participa en ellas a nivel internacional, regional, subregional y, cuando procede, nacional, incluso sobre cuestiones temáticas y regionales concretas (anexo I, párrafo 22). Acogería con agrado la participación en dichas actividades de las autoridades del Estado siguiente: {{state.nameInText}}. Está dispuesto a entablar con ellas un diálogo sobre la aplicación de la resolución, incluso, por invitación de su Gobierno, mediante una visita.",
          "El Comité le agradecería que su Gobierno le comunicara a más tardar el {{deadline|date}} su interés, así como la persona con la que el Comité puede ponerse en contacto a tal efecto.",
        ],
      ],
      ru: [
        "Резолюция 1540 (2004): программа информационно-просветительской деятельности Комитета — {{state.name}}",
        [
          "От имени Комитета Совета Безопасности, учрежденного резолюцией 1540 (2004), имею честь обратиться к Вашему правительству в рамках многолетней программы информационно-просветительской деятельности Комитета, ориентированной на государства-члены (программа работы, приложение I, пункт 18).",
          "Комитет организует информационно-просветительские мероприятия, посвященные осуществлению резолюции 1540 (2004), и участвует в них на международном, региональном, субрегиональном и, в надлежащих случаях, национальном уровнях, в том числе по конкретным тематическим и региональным вопросам (приложение I, пункт 22). Комитет приветствовал бы участие в таких мероприятиях властей следующего государства: {{state.nameInText}}. Комитет готов вести с ними диалог по вопросам осуществления резолюции, в том числе, по приглашению Вашего правительства, в форме визита.",
          "Комитет будет признателен, если Ваше правительство не позднее {{deadline|date}} сообщит ему о своей заинтересованности, а также о лице, с которым Комитет может связаться для этой цели.",
        ],
      ],
      zh: [
        "第1540(2004)号决议：委员会外联方案——{{state.name}}",
        [
          "我谨代表安全理事会第1540(2004)号决议所设委员会，根据委员会面向会员国的多年期外联方案（工作方案附件一第18段）致函贵国政府。",
          "委员会在国际、区域、次区域以及酌情在国家层面组织并参加关于第1540(2004)号决议执行情况的外联活动，包括关于具体专题和区域问题的活动（附件一第22段）。委员会欢迎{{state.nameInText}}主管部门参加此类活动，并随时准备与其就该决议的执行情况开展对话，包括应贵国政府邀请进行访问。",
          "如贵国政府能于{{deadline|date}}前告知委员会是否有意参加，并告知委员会为此可联系的人员，委员会将不胜感激。",
        ],
      ],
      ar: [
        "القرار 1540 (2004): برنامج اللجنة للتوعية — {{state.name}}",
        [
          "باسم لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004)، أتشرف بأن أكتب إلى حكومتكم في إطار برنامج اللجنة المتعدد السنوات للتوعية الموجه إلى الدول الأعضاء (برنامج العمل، المرفق الأول، الفقرة 18).",
          "وتنظم اللجنة مناسبات للتوعية بشأن تنفيذ القرار 1540 (2004) وتشارك فيها على الصعيد الدولي والإقليمي ودون الإقليمي، وعلى الصعيد الوطني حسب الاقتضاء، بما في ذلك بشأن مسائل مواضيعية وإقليمية محددة (المرفق الأول، الفقرة 22). وترحب اللجنة بمشاركة سلطات الدولة التالية في هذه المناسبات: {{state.nameInText}}. وهي على استعداد للدخول في حوار معها بشأن تنفيذ القرار، بما في ذلك عن طريق زيارة بدعوة من حكومتكم.",
          "وستكون اللجنة ممتنة لو تفضلت حكومتكم بإبلاغها، في موعد أقصاه {{deadline|date}}، باهتمامها، وبالشخص الذي يمكن للجنة الاتصال به لهذا الغرض.",
        ],
      ],
    },
  ),
  programmeTemplate(
    "provider-offer-update",
    "May: to the States and organizations that offer assistance, to review and update their offers (programme of work, annex I, paragraph 13)",
    {
      en: [
        "1540 Committee: your assistance offers",
        [
          "The Security Council Committee established pursuant to resolution 1540 (2004) is grateful for the assistance you offer to States in implementing the resolution.",
          "So that the Committee can match requests for assistance with current offers, I should be grateful if you would review the offers recorded in your name, listed below, and inform the Committee by {{deadline|date}} of any update: areas of assistance, programmes, contacts and period of validity.",
          "{{offers.onRecord|list}}",
        ],
      ],
      fr: [
        "Comité 1540 : vos offres d'assistance",
        [
          "Le Comité du Conseil de sécurité créé par la résolution 1540 (2004) vous remercie de l'assistance que vous offrez aux États pour la mise en œuvre de la résolution.",
          "Afin que le Comité puisse rapprocher les demandes d'assistance d'offres à jour, je vous saurais gré de bien vouloir examiner les offres enregistrées à votre nom, dont la liste figure ci-après, et de faire part au Comité, d'ici au {{deadline|date}}, de toute mise à jour : domaines d'assistance, programmes, contacts et période de validité.",
          "{{offers.onRecord|list}}",
        ],
      ],
      es: [
        "Comité 1540: sus ofrecimientos de asistencia",
        [
          "El Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) le agradece la asistencia que ofrece a los Estados para la aplicación de la resolución.",
          "Para que el Comité pueda vincular las solicitudes de asistencia con ofrecimientos actualizados, le agradecería que examinara los ofrecimientos registrados a su nombre, que se enumeran a continuación, y comunicara al Comité, a más tardar el {{deadline|date}}, cualquier actualización: esferas de asistencia, programas, contactos y período de validez.",
          "{{offers.onRecord|list}}",
        ],
      ],
      ru: [
        "Комитет 1540: ваши предложения о помощи",
        [
          "Комитет Совета Безопасности, учрежденный резолюцией 1540 (2004), признателен Вам за помощь, предлагаемую государствам в осуществлении резолюции.",
          "Чтобы Комитет мог сопоставлять запросы о помощи с актуальными предложениями, он будет признателен, если Вы рассмотрите зарегистрированные от Вашего имени предложения, перечисленные ниже, и не позднее {{deadline|date}} сообщите ему о любых обновлениях: области помощи, программы, контактные лица и срок действия.",
          "{{offers.onRecord|list}}",
        ],
      ],
      zh: [
        "1540委员会：贵方的援助提议",
        [
          "安全理事会第1540(2004)号决议所设委员会感谢贵方为各国执行该决议提供援助。",
          "为使委员会能够将援助请求与现行援助提议相匹配，请审查以贵方名义登记的下列援助提议，并于{{deadline|date}}前将任何更新（援助领域、方案、联系人和有效期）告知委员会，不胜感激。",
          "{{offers.onRecord|list}}",
        ],
      ],
      ar: [
        "لجنة القرار 1540: عروض المساعدة المقدمة منكم",
        [
          "تعرب لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004) عن امتنانها لكم على المساعدة التي تعرضونها على الدول في تنفيذ القرار.",
          "ولكي تتمكن اللجنة من المطابقة بين طلبات المساعدة والعروض القائمة، ستكون ممتنة لو تفضلتم باستعراض العروض المسجلة باسمكم، الواردة أدناه، وإبلاغها، في موعد أقصاه {{deadline|date}}، بأي تحديث: مجالات المساعدة، والبرامج، وجهات الاتصال، وفترة الصلاحية.",
          "{{offers.onRecord|list}}",
        ],
      ],
    },
  ),
  programmeTemplate(
    "effective-practices-invitation",
    "September: to every Member State, the invitation to the Committee's October open briefing, with its date, time and venue (the wave's values), encouraging the sharing of experiences, lessons learned and best practices (programme of work 2023, annex II, September; annex I, paragraphs 7 and 20)",
    {
      en: [
        "1540 Committee: invitation to the open briefing and to share experiences — {{state.name}}",
        [
          "I have the honour to inform you that the Security Council Committee established pursuant to resolution 1540 (2004) will hold an open briefing for Member States and international, regional and subregional organizations on {{briefing.date|date}} at {{briefing.time|time}} (New York time), in {{briefing.venue}}. The Committee will present a summary of its activities, including its assistance activities, and States and organizations will be able to present offers of assistance. The Government of {{state.nameInText}} is cordially invited to take part; the programme will be communicated in due course.",
          "The Committee also encourages States to share, on a voluntary basis, their experiences, lessons learned and best practices in implementing resolution 1540 (2004), at the open briefing or in writing. With the consent of the State concerned, contributions are made available on the Committee's website so that others may draw on them.",
          "The Committee would welcome a written contribution from {{state.nameInText}} by {{deadline|date}}, in any of the official languages of the United Nations.",
        ],
      ],
      fr: [
        "Comité 1540 : invitation à la séance d'information publique et au partage d'expériences — {{state.name}}",
        [
          "J'ai l'honneur de vous informer que le Comité du Conseil de sécurité créé par la résolution 1540 (2004) tiendra une séance d'information publique à l'intention des États Membres et des organisations internationales, régionales et sous-régionales le {{briefing.date|date}} à {{briefing.time|time}} (heure de New York), au lieu suivant : {{briefing.venue}}. Le Comité y présentera un résumé de ses activités, y compris ses activités d'assistance, et les États et les organisations pourront y présenter des offres d'assistance. Votre gouvernement ({{state.nameInText}}) est cordialement invité à y participer ; le programme vous sera communiqué en temps utile.",
          "Le Comité encourage également les États à partager, à titre volontaire, leurs expériences, les enseignements qu'ils ont tirés et leurs meilleures pratiques en matière de mise en œuvre de la résolution 1540 (2004), lors de la séance d'information ou par écrit. Avec le consentement de l'État concerné, les contributions sont publiées sur le site Web du Comité afin que d'autres puissent s'en inspirer.",
          "Le Comité accueillerait avec intérêt une contribution écrite de votre État ({{state.nameInText}}) d'ici au {{deadline|date}}, dans l'une quelconque des langues officielles de l'Organisation des Nations Unies.",
        ],
      ],
      es: [
        "Comité 1540: invitación a la sesión informativa abierta y al intercambio de experiencias — {{state.name}}",
        [
          "Tengo el honor de informarle de que el Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) celebrará una sesión informativa abierta para los Estados Miembros y las organizaciones internacionales, regionales y subregionales el {{briefing.date|date}} a las {{briefing.time|time}} (hora de Nueva York), en el lugar siguiente: {{briefing.venue}}. El Comité presentará un resumen de sus actividades, incluidas sus actividades de asistencia, y los Estados y las organizaciones podrán presentar ofertas de asistencia. Su Gobierno ({{state.nameInText}}) queda cordialmente invitado a participar; el programa se comunicará oportunamente.",
          "El Comité alienta asimismo a los Estados a compartir, con carácter voluntario, sus experiencias, las lecciones aprendidas y sus mejores prácticas en la aplicación de la resolución 1540 (2004), en la sesión informativa o por escrito. Con el consentimiento del Estado interesado, las contribuciones se publican en el sitio web del Comité para que otros puedan aprovecharlas.",
          "El Comité acogería con agrado una contribución escrita de su Estado ({{state.nameInText}}) a más tardar el {{deadline|date}}, en cualquiera de los idiomas oficiales de las Naciones Unidas.",
        ],
      ],
      ru: [
        "Комитет 1540: приглашение на открытый брифинг и к обмену опытом — {{state.name}}",
        [
          "Имею честь сообщить, что Комитет Совета Безопасности, учрежденный резолюцией 1540 (2004), проведет открытый брифинг для государств-членов и международных, региональных и субрегиональных организаций {{briefing.date|date}} в {{briefing.time|time}} (по нью-йоркскому времени) по следующему адресу: {{briefing.venue}}. Комитет представит краткий обзор своей деятельности, включая деятельность по оказанию помощи, а государства и организации смогут представить предложения о помощи. Ваше правительство ({{state.nameInText}}) сердечно приглашается принять в нем участие; программа будет сообщена в надлежащее время.",
          "Комитет также призывает государства на добровольной основе делиться опытом, извлеченными уроками и передовой практикой осуществления резолюции 1540 (2004) на брифинге или в письменной форме. С согласия соответствующего государства материалы размещаются на веб-сайте Комитета, чтобы ими могли воспользоваться другие.",
          "Комитет будет признателен за письменные материалы Вашего государства ({{state.nameInText}}), представленные не позднее {{deadline|date}} на любом из официальных языков Организации Объединенных Наций.",
        ],
      ],
      zh: [
        "1540委员会：公开通报会邀请及交流经验——{{state.name}}",
        [
          "谨通知，安全理事会第1540(2004)号决议所设委员会将于{{briefing.date|date}}{{briefing.time|time}}（纽约时间）在{{briefing.venue}}为会员国和国际、区域及次区域组织举行公开通报会。委员会将介绍其活动概况，包括援助活动，各国和各组织可在会上提出援助提议。诚邀{{state.nameInText}}政府参加。会议议程将适时另行通知。",
          "委员会还鼓励各国在自愿基础上，在通报会上或以书面形式交流执行第1540(2004)号决议的经验、教训和最佳做法。经有关国家同意，所提交的材料将在委员会网站上公布，供其他国家借鉴。",
          "委员会欢迎{{state.nameInText}}于{{deadline|date}}前以联合国任何一种正式语文提交书面材料。",
        ],
      ],
      ar: [
        "لجنة القرار 1540: دعوة إلى الإحاطة المفتوحة وإلى تبادل الخبرات — {{state.name}}",
        [
          "أتشرف بإبلاغكم بأن لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004) ستعقد إحاطة مفتوحة للدول الأعضاء والمنظمات الدولية والإقليمية ودون الإقليمية في {{briefing.date|date}} الساعة {{briefing.time|time}} (بتوقيت نيويورك)، في المكان التالي: {{briefing.venue}}. وستقدم اللجنة فيها موجزا لأنشطتها، بما في ذلك أنشطة المساعدة، وسيتاح للدول والمنظمات تقديم عروض المساعدة. ويسرني أن أدعو حكومة دولتكم ({{state.nameInText}}) إلى المشاركة فيها، وسيُبلَّغ برنامج الإحاطة في الوقت المناسب.",
          "وتشجع اللجنة الدول أيضا على أن تتبادل، على أساس طوعي، خبراتها والدروس المستفادة وأفضل ممارساتها في تنفيذ القرار 1540 (2004)، في الإحاطة أو كتابةً. وبموافقة الدولة المعنية، تُنشر المساهمات على الموقع الشبكي للجنة لكي يستفيد منها الآخرون.",
          "وترحب اللجنة بمساهمة مكتوبة من دولتكم ({{state.nameInText}}) في موعد أقصاه {{deadline|date}}، بأي لغة من اللغات الرسمية للأمم المتحدة.",
        ],
      ],
    },
  ),
  programmeTemplate(
    "open-briefing-invitation",
    "September: to the international, regional and subregional organizations, an invitation to the Committee's open briefing, with its date, time and venue (the wave's values; programme of work 2023, annex I, paragraph 20). The States' invitation is the effective-practices letter, which also encourages them to share experiences",
    {
      en: [
        "1540 Committee: invitation to the open briefing",
        [
          "I have the honour to inform you that the Security Council Committee established pursuant to resolution 1540 (2004) will hold an open briefing on {{briefing.date|date}} at {{briefing.time|time}} (New York time), in {{briefing.venue}}, to inform Member States, international, regional and subregional organizations and other stakeholders of its work and to hear their views.",
          "You are cordially invited to take part. The programme will be communicated in due course.",
        ],
      ],
      fr: [
        "Comité 1540 : invitation à la séance d'information publique",
        [
          "J'ai l'honneur de vous informer que le Comité du Conseil de sécurité créé par la résolution 1540 (2004) tiendra une séance d'information publique le {{briefing.date|date}} à {{briefing.time|time}} (heure de New York), au lieu suivant : {{briefing.venue}}, afin d'informer les États Membres, les organisations internationales, régionales et sous-régionales et les autres parties prenantes de ses travaux et de recueillir leurs vues.",
          "Vous êtes cordialement invités à y participer. Le programme vous sera communiqué en temps utile.",
        ],
      ],
      es: [
        "Comité 1540: invitación a la sesión informativa abierta",
        [
          "Tengo el honor de informarle de que el Comité del Consejo de Seguridad establecido en virtud de la resolución 1540 (2004) celebrará una sesión informativa abierta el {{briefing.date|date}} a las {{briefing.time|time}} (hora de Nueva York), en el lugar siguiente: {{briefing.venue}}, con el fin de informar a los Estados Miembros, a las organizaciones internacionales, regionales y subregionales y a otras partes interesadas sobre su labor y de conocer sus opiniones.",
          "Se le invita cordialmente a participar. El programa se comunicará oportunamente.",
        ],
      ],
      ru: [
        "Комитет 1540: приглашение на открытый брифинг",
        [
          "Имею честь сообщить, что Комитет Совета Безопасности, учрежденный резолюцией 1540 (2004), проведет открытый брифинг {{briefing.date|date}} в {{briefing.time|time}} (по нью-йоркскому времени) по следующему адресу: {{briefing.venue}}, с тем чтобы проинформировать государства-члены, международные, региональные и субрегиональные организации и другие заинтересованные стороны о своей работе и заслушать их мнения.",
          "Приглашаем Вас принять в нем участие. Программа будет сообщена в надлежащее время.",
        ],
      ],
      zh: [
        "1540委员会：公开通报会邀请",
        [
          "谨通知，安全理事会第1540(2004)号决议所设委员会将于{{briefing.date|date}}{{briefing.time|time}}（纽约时间）在{{briefing.venue}}举行公开通报会，向会员国、国际、区域和次区域组织及其他利益攸关方介绍委员会的工作，并听取其意见。",
          "诚邀贵方参加。会议议程将适时另行通知。",
        ],
      ],
      ar: [
        "لجنة القرار 1540: دعوة إلى الإحاطة المفتوحة",
        [
          "أتشرف بإبلاغكم بأن لجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004) ستعقد إحاطة مفتوحة في {{briefing.date|date}} الساعة {{briefing.time|time}} (بتوقيت نيويورك)، في المكان التالي: {{briefing.venue}}، لإطلاع الدول الأعضاء والمنظمات الدولية والإقليمية ودون الإقليمية وسائر الجهات المعنية على أعمالها والاستماع إلى آرائها.",
          "ويسرني أن أدعوكم إلى المشاركة فيها. وسيُبلَّغ برنامج الإحاطة في الوقت المناسب.",
        ],
      ],
    },
  ),
];

type ProgrammeTemplateDependencies = Pick<TemplateDependencies, "templates" | "clock" | "waves">;

type SeededText = Pick<NewTemplate, "kind" | "description" | "fallbackLanguage" | "variants">;

/** What the seed writes of a template: a stored one that still equals it needs no upgrade. */
const seeded = (template: SeededText) =>
  canonicalJson([template.kind, template.description, template.fallbackLanguage, template.variants]);

/** What the seed writes of a template, as one digest: SEEDED_TEXTS lists every one a seed has written. */
export const seededDigest = (template: SeededText): string =>
  createHash("sha256").update(seeded(template)).digest("hex");

/** The templates a seed writes, and every text a seed has written of each (seeded-texts.ts); tests give their own. */
export interface ProgrammeTemplateCatalogue {
  templates: readonly NewTemplate[];
  seededTexts: Readonly<Record<string, readonly string[]>>;
}

const CATALOGUE: ProgrammeTemplateCatalogue = { templates: programmeTemplates, seededTexts: SEEDED_TEXTS };

/**
 * Adds the programme templates the desk lacks. One already there is replaced by today's text while it is as a seed
 * left it (its first version, or a text any seed has written: a seed's own upgrade makes version 2), so a desk seeded
 * before a text changed gets the new one (audited as a template.update); one staff have changed says something no
 * seed wrote and is kept. One with a wave scheduled or dispatching is held as it is, as a staff change would be: that
 * wave's letters are fixed, and today's text may need values it does not give (ADR 0015); a later seed upgrades it
 * once no wave waits.
 */
export async function seedProgrammeTemplates(
  deps: ProgrammeTemplateDependencies,
  audit: AuditContext = { actor: systemActor("seed") },
  { templates, seededTexts }: ProgrammeTemplateCatalogue = CATALOGUE,
): Promise<{ created: string[]; upgraded: string[]; held: string[]; existing: string[] }> {
  const asSeedLeftIt = (stored: Versioned<Template>) =>
    stored.version === 1 || (seededTexts[stored.value.id] ?? []).includes(seededDigest(stored.value));
  const created: string[] = [];
  const upgraded: string[] = [];
  const held: string[] = [];
  const existing: string[] = [];
  // The templates a wave waits on, read once, and only when a template would be upgraded (none, on most seeds).
  let waitedOn: Promise<Set<string>> | undefined;
  const isWaitedOn = async (templateId: string) => {
    waitedOn ??= wavesWaiting(deps).then((waves) => new Set(waves.map(({ value }) => value.templateId)));
    return (await waitedOn).has(templateId);
  };
  for (const template of templates) {
    assertValidTemplate(template);
    const stored = await deps.templates.get(template.id);
    const now = deps.clock.now().toISOString();
    if (stored) {
      if (!asSeedLeftIt(stored) || seeded(stored.value) === seeded(template)) {
        existing.push(template.id);
        continue;
      }
      if (await isWaitedOn(template.id)) {
        held.push(template.id);
        continue;
      }
      try {
        await deps.templates.update(stored, stored.version, { ...stored.value, ...template, updatedAt: now }, audit);
        upgraded.push(template.id);
      } catch (error) {
        // Staff changed it (or another seed upgraded it) in between: theirs stays.
        if (!(error instanceof PreconditionFailed)) throw error;
        existing.push(template.id);
      }
      continue;
    }
    ((await addSeededTemplate(deps, template, now, audit)) ? created : existing).push(template.id);
  }
  return { created, upgraded, held, existing };
}

/** Adds a template the seed found missing; false when another seed run added it in between. */
export async function addSeededTemplate(
  deps: Pick<TemplateDependencies, "templates">,
  template: NewTemplate,
  now: string,
  audit: AuditContext,
): Promise<boolean> {
  try {
    await deps.templates.create({ ...template, createdAt: now, updatedAt: now }, audit);
    return true;
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    return false;
  }
}
