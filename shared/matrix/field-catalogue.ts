// The 1540 Matrix field catalogue: every field a State's matrix has, each with a stable id.
//
// Where the structure comes from: the Committee's published matrix template as described in
// ../shared/research/domain-1540.md section 2 (approved matrices on un.org and their copies): OP1 treaties
// and arrangements, OP2 prohibitions, OP3(a)(b) account for / secure / physical protection, OP3(c)(d)
// border, export, trans-shipment and financing controls; each split by category, OP2 and OP3 rows
// recording the legal framework and its enforcement. The exact row wording and order of the official
// template are NOT verified: labels here are ours, and so is the choice of categories per paragraph.
//
// Ids are stored in cells for ever. They are built from the explicit keys below (paragraph, category, row,
// aspect), never from positions in a list: reordering rows changes nothing, and a key once published must
// never be renamed or removed (add new rows instead). test/unit/matrix-catalogue.test.ts pins them.
import type { Aspect, Category, MatrixField, MatrixFieldCatalogue, Paragraph } from "./schemas.ts";

interface Row {
  key: string;
  label: string;
}

interface TreatyRow extends Row {
  category: Category;
  note?: string;
}

export const categoryTitles: Record<Category, string> = {
  nuclear: "Nuclear weapons",
  chemical: "Chemical weapons",
  biological: "Biological weapons",
  "means-of-delivery": "Means of delivery",
  "related-materials": "Related materials",
};

export const aspectTitles: Record<Aspect, string> = {
  "legal-framework": "National legal framework",
  enforcement: "Enforcement",
};

const aspects: readonly Aspect[] = ["legal-framework", "enforcement"];

/** OP1 (with OP5, OP6, OP8(a)-(c) and OP10 of the template): one row per treaty or arrangement. */
const treaties: readonly TreatyRow[] = [
  { key: "npt", label: "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)", category: "nuclear" },
  { key: "ctbt", label: "Comprehensive Nuclear-Test-Ban Treaty (CTBT)", category: "nuclear" },
  { key: "cppnm", label: "Convention on the Physical Protection of Nuclear Material (CPPNM)", category: "nuclear" },
  { key: "cppnm-2005-amendment", label: "2005 Amendment to the CPPNM", category: "nuclear" },
  {
    key: "icsant",
    label: "International Convention for the Suppression of Acts of Nuclear Terrorism (ICSANT)",
    category: "nuclear",
  },
  { key: "iaea-comprehensive-safeguards", label: "IAEA Comprehensive Safeguards Agreement", category: "nuclear" },
  { key: "iaea-additional-protocol", label: "IAEA Additional Protocol", category: "nuclear" },
  { key: "nwfz-treaty", label: "Nuclear-weapon-free-zone treaty", category: "nuclear" },
  { key: "cwc", label: "Chemical Weapons Convention (CWC)", category: "chemical" },
  {
    key: "geneva-protocol-1925",
    label: "1925 Geneva Protocol",
    category: "chemical",
    // A field has one category so that coverage by category adds up to the total.
    note: "Covers chemical and bacteriological (biological) methods of warfare; counted once, under chemical",
  },
  { key: "bwc", label: "Biological and Toxin Weapons Convention (BWC)", category: "biological" },
  {
    key: "hcoc",
    label: "Hague Code of Conduct against Ballistic Missile Proliferation (HCoC)",
    category: "means-of-delivery",
  },
];

/** OP2: what States shall prohibit non-State actors from doing. */
const prohibitions: readonly Row[] = [
  { key: "manufacture", label: "Manufacture / produce" },
  { key: "acquire", label: "Acquire" },
  { key: "possess", label: "Possess" },
  { key: "stockpile", label: "Stockpile / store" },
  { key: "develop", label: "Develop" },
  { key: "transport", label: "Transport" },
  { key: "transfer", label: "Transfer" },
  { key: "use", label: "Use" },
  { key: "accomplice", label: "Participate as an accomplice" },
  { key: "assist", label: "Assist" },
  { key: "finance", label: "Finance" },
];

/** OP3(a)(b): account for and secure items in production, use, storage and transport; physical protection. */
const accountAndSecure: readonly Row[] = [
  { key: "account-production", label: "Account for: production" },
  { key: "account-use", label: "Account for: use" },
  { key: "account-storage", label: "Account for: storage" },
  { key: "account-transport", label: "Account for: transport" },
  { key: "secure-production", label: "Secure: production" },
  { key: "secure-use", label: "Secure: use" },
  { key: "secure-storage", label: "Secure: storage" },
  { key: "secure-transport", label: "Secure: transport" },
  { key: "physical-protection", label: "Physical protection measures" },
];

/** OP3(c)(d): border, export, transit, trans-shipment, re-export, brokering and financing controls. */
const controls: readonly Row[] = [
  { key: "border-controls", label: "Border controls" },
  { key: "illicit-trafficking", label: "Law enforcement against illicit trafficking" },
  { key: "export-controls", label: "Export controls" },
  { key: "transit-controls", label: "Transit controls" },
  { key: "trans-shipment-controls", label: "Trans-shipment controls" },
  { key: "re-export-controls", label: "Re-export controls" },
  { key: "brokering-controls", label: "Brokering controls" },
  { key: "financing-controls", label: "Controls on financing and services related to export and trans-shipment" },
  { key: "end-user-controls", label: "End-user controls" },
  { key: "control-lists", label: "Control lists" },
];

export interface ParagraphDefinition {
  id: Paragraph;
  title: string;
  description: string;
  categories: readonly Category[];
}

export const paragraphs: readonly ParagraphDefinition[] = [
  {
    id: "op1",
    title: "OP1",
    description: "Treaties and arrangements: party or member, signature and ratification",
    categories: ["nuclear", "chemical", "biological", "means-of-delivery"],
  },
  {
    id: "op2",
    title: "OP2",
    description: "Prohibitions on non-State actors",
    categories: ["nuclear", "chemical", "biological", "means-of-delivery"],
  },
  {
    id: "op3ab",
    title: "OP3(a)(b)",
    description: "Account for, secure and physically protect related materials",
    categories: ["nuclear", "chemical", "biological", "related-materials"],
  },
  {
    id: "op3cd",
    title: "OP3(c)(d)",
    description: "Border, export, transit, trans-shipment, brokering and financing controls",
    categories: ["nuclear", "chemical", "biological", "means-of-delivery", "related-materials"],
  },
];

function aspectFields(paragraph: ParagraphDefinition, rows: readonly Row[]): MatrixField[] {
  return paragraph.categories.flatMap((category) =>
    rows.flatMap((row) =>
      aspects.map((aspect) => ({
        id: `${paragraph.id}.${category}.${row.key}.${aspect}`,
        paragraph: paragraph.id,
        category,
        row: row.key,
        label: `${row.label} (${categoryTitles[category]}): ${aspectTitles[aspect]}`,
        aspect,
      })),
    ),
  );
}

function paragraphDefinition(id: Paragraph): ParagraphDefinition {
  const found = paragraphs.find((paragraph) => paragraph.id === id);
  if (!found) throw new Error(`paragraph ${id} is not defined`);
  return found;
}

/** Every field, in the order a matrix is read: paragraph, category, row, aspect. */
export const matrixFields: readonly MatrixField[] = [
  ...treaties.map(
    (row): MatrixField => ({
      id: `op1.${row.key}`,
      paragraph: "op1",
      category: row.category,
      row: row.key,
      label: row.label,
      ...(row.note ? { note: row.note } : {}),
    }),
  ),
  ...aspectFields(paragraphDefinition("op2"), prohibitions),
  ...aspectFields(paragraphDefinition("op3ab"), accountAndSecure),
  ...aspectFields(paragraphDefinition("op3cd"), controls),
];

function nonEmpty(ids: string[]): readonly [string, ...string[]] {
  const [first, ...rest] = ids;
  if (first === undefined) throw new Error("the matrix field catalogue is empty");
  return [first, ...rest];
}

/** The ids in catalogue order (a non-empty tuple, as a zod enum needs). */
export const matrixFieldIds = nonEmpty(matrixFields.map((field) => field.id));

const byId: ReadonlyMap<string, MatrixField> = new Map(matrixFields.map((field) => [field.id, field]));

export function matrixField(id: string): MatrixField | undefined {
  return byId.get(id);
}

const orderById: ReadonlyMap<string, number> = new Map(matrixFieldIds.map((id, index) => [id, index]));

/** Catalogue order of a field id; ids not in the catalogue sort after every known one. */
export function fieldOrder(id: string): number {
  return orderById.get(id) ?? matrixFieldIds.length;
}

/** The catalogue as GET /matrix/fields answers it: fields grouped by operative paragraph. */
export const fieldCatalogue: MatrixFieldCatalogue = {
  fields: matrixFields.length,
  paragraphs: paragraphs.map((paragraph) => ({
    id: paragraph.id,
    title: paragraph.title,
    description: paragraph.description,
    categories: [...paragraph.categories],
    fields: matrixFields.filter((field) => field.paragraph === paragraph.id),
  })),
};
