// The matrix field catalogue: stable, unique ids, and every OP2/OP3 row for both aspects in each category.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  fieldCatalogue,
  fieldOrder,
  matrixField,
  matrixFieldIds,
  matrixFields,
  paragraphs,
} from "#shared/matrix/field-catalogue.ts";
import { matrixFieldCatalogueSchema, matrixFieldSchema } from "#shared/matrix/schemas.ts";

const slug = "[a-z0-9]+(?:-[a-z0-9]+)*";
const op1Id = new RegExp(`^op1\\.${slug}$`);
const aspectId = new RegExp(`^(op2|op3ab|op3cd)\\.${slug}\\.${slug}\\.(legal-framework|enforcement)$`);

describe("matrix field catalogue", () => {
  it("has unique ids of a stable shape, each a valid field", () => {
    expect(new Set(matrixFieldIds).size).toBe(matrixFields.length);
    for (const field of matrixFields) {
      expect(matrixFieldSchema.parse(field)).toEqual(field);
      expect(field.id).toMatch(field.paragraph === "op1" ? op1Id : aspectId);
      expect(matrixField(field.id)).toBe(field);
    }
    expect(matrixField("op2.nuclear.teleport.legal-framework")).toBeUndefined();
  });

  it("builds each id from its own keys, never from a position", () => {
    for (const field of matrixFields) {
      const expected =
        field.paragraph === "op1"
          ? `op1.${field.row}`
          : `${field.paragraph}.${field.category}.${field.row}.${field.aspect}`;
      expect(field.id).toBe(expected);
    }
  });

  it("keeps every published id: ids are stored in cells for ever, so this pin changes only by adding fields", () => {
    // If this fails, a field id was renamed or removed: stored matrices would lose cells. Add, never rename.
    expect(matrixFields).toHaveLength(272);
    const digest = createHash("sha256")
      .update([...matrixFieldIds].sort().join("\n"))
      .digest("hex");
    expect(digest).toBe("c7c871629c43de145af3bf62c894f4b4484eac745ed018e8de788cacaa3ef623");
    expect(matrixFieldIds).toEqual(
      expect.arrayContaining([
        "op1.npt",
        "op1.cwc",
        "op1.bwc",
        "op1.ctbt",
        "op1.cppnm",
        "op1.cppnm-2005-amendment",
        "op1.icsant",
        "op1.geneva-protocol-1925",
        "op1.iaea-comprehensive-safeguards",
        "op1.iaea-additional-protocol",
        "op1.hcoc",
        "op1.nwfz-treaty",
        "op2.nuclear.manufacture.legal-framework",
        "op2.means-of-delivery.finance.enforcement",
        "op3ab.related-materials.physical-protection.enforcement",
        "op3cd.chemical.export-controls.legal-framework",
        "op3cd.related-materials.control-lists.enforcement",
      ]),
    );
  });

  it("gives OP1 rows no aspect and a category of their own", () => {
    const op1 = matrixFields.filter((field) => field.paragraph === "op1");
    expect(op1).toHaveLength(12);
    expect(op1.every((field) => field.aspect === undefined)).toBe(true);
    expect(matrixField("op1.hcoc")?.category).toBe("means-of-delivery");
    expect(matrixField("op1.bwc")?.category).toBe("biological");
    expect(matrixField("op1.cwc")?.category).toBe("chemical");
  });

  it("has every OP2 and OP3 row for both aspects in each category of its paragraph", () => {
    for (const paragraph of paragraphs.filter((candidate) => candidate.id !== "op1")) {
      const fields = matrixFields.filter((field) => field.paragraph === paragraph.id);
      const rows = [...new Set(fields.map((field) => field.row))];
      expect(new Set(fields.map((field) => field.category))).toEqual(new Set(paragraph.categories));
      for (const category of paragraph.categories) {
        for (const row of rows) {
          const aspects = fields
            .filter((field) => field.category === category && field.row === row)
            .map((field) => field.aspect)
            .sort();
          expect(aspects, `${paragraph.id} ${category} ${row}`).toEqual(["enforcement", "legal-framework"]);
        }
      }
    }
  });

  it("covers the rows the template names", () => {
    const rowsOf = (paragraph: string) =>
      new Set(matrixFields.filter((field) => field.paragraph === paragraph).map((field) => field.row));
    expect([...rowsOf("op2")]).toEqual(
      expect.arrayContaining(["manufacture", "acquire", "possess", "stockpile", "develop", "transport", "transfer"]),
    );
    expect(rowsOf("op2").size).toBe(11);
    expect(rowsOf("op3ab").size).toBe(9);
    expect(rowsOf("op3cd")).toContain("trans-shipment-controls");
    expect(rowsOf("op3cd")).toContain("financing-controls");
    expect(rowsOf("op3cd").size).toBe(10);
    // Means of delivery are not a category of OP3(a)(b), related materials not one of OP2.
    expect(matrixFields.some((field) => field.paragraph === "op3ab" && field.category === "means-of-delivery")).toBe(
      false,
    );
    expect(matrixFields.some((field) => field.paragraph === "op2" && field.category === "related-materials")).toBe(
      false,
    );
  });

  it("answers the catalogue grouped by paragraph, every field once", () => {
    const catalogue = matrixFieldCatalogueSchema.parse(fieldCatalogue);
    expect(catalogue.paragraphs.map((paragraph) => paragraph.title)).toEqual(["OP1", "OP2", "OP3(a)(b)", "OP3(c)(d)"]);
    const listed = catalogue.paragraphs.flatMap((paragraph) => paragraph.fields.map((field) => field.id));
    expect(listed).toEqual([...matrixFieldIds]);
    expect(catalogue.fields).toBe(272);
  });

  it("orders ids as the catalogue does, unknown ids last", () => {
    expect(fieldOrder("op1.npt")).toBe(0);
    expect(fieldOrder("op2.nuclear.manufacture.legal-framework")).toBeLessThan(
      fieldOrder("op3cd.nuclear.border-controls.legal-framework"),
    );
    expect(fieldOrder("op9.unknown")).toBe(matrixFields.length);
  });
});
