// A timeline shows each action in words: every audit action the code writes about a State or an organization has them,
// and no words are kept for an action the code no longer writes. `tsc` holds the words to shared/audit/actions.ts's
// union; this test holds the union to the writers' source, read for `action: "x.y"` in an audit entry, or "x.y" passed
// last to a contact store's save, so a declared action nobody writes any more is found too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_WORDS, actionWords, LETTER_WORDS } from "../../console/src/pages/state/actions.ts";
import { organizationTrailKinds, trailKinds } from "../../shared/audit/subject.ts";

const ROOT = join(import.meta.dirname, "../..");

/** The heads of the actions that can reach a State's or an organization's trail (shared/audit/subject.ts). */
const TIMELINE_HEADS = new Set([
  "registry",
  "state",
  "submission",
  "obligation",
  "contact",
  "contacts",
  "assistance",
  "matrix",
  "organization",
  "organizations",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

function auditActionsWritten(): Set<string> {
  const found = new Set<string>();
  const id = String.raw`"([a-z-]+(?:\.[a-z-]+)+)"`;
  for (const file of [...sourceFiles(join(ROOT, "shared")), ...sourceFiles(join(ROOT, "functions"))]) {
    const text = readFileSync(file, "utf8");
    if (!/audit/i.test(text)) continue;
    const written = [
      ...text.matchAll(new RegExp(String.raw`action:\s*${id}`, "g")),
      // contacts' save(deps, change, audit, "contact.verify") and saveContact(..., "contact.email-status")
      ...text.matchAll(new RegExp(String.raw`audit,\s*${id}\s*\)`, "g")),
    ];
    for (const [, action = ""] of written) if (TIMELINE_HEADS.has(action.split(".")[0] ?? "")) found.add(action);
  }
  return found;
}

describe("the timeline's actions in words", () => {
  const written = auditActionsWritten();

  it("finds the actions the writers use (the search is not blind)", () => {
    for (const action of ["submission.record", "submission.void", "contact.verify", "contact.email-status"]) {
      expect(written).toContain(action);
    }
  });

  it("has words for every audit action written about a State or an organization, and none for one nobody writes", () => {
    expect([...written].filter((action) => !(action in AUDIT_ACTION_WORDS)).sort()).toEqual([]);
    expect(Object.keys(AUDIT_ACTION_WORDS).filter((action) => !written.has(action))).toEqual([]);
  });

  it("covers every head a State's or an organization's trail kind is read from", () => {
    const heads = new Set([...written].map((action) => action.split(".")[0]));
    const kinds = new Set([...trailKinds, ...organizationTrailKinds]);
    for (const kind of [...kinds].filter((kind) => kind !== "letter" && kind !== "reporting-status")) {
      expect(heads).toContain(kind);
    }
  });

  it("names letters by their ledger status and audited actions by their words", () => {
    expect(actionWords("submission.record")).toBe("Submission recorded");
    expect(actionWords("letter.delivered")).toBe(LETTER_WORDS.delivered);
    expect(actionWords("letter.bounced")).toBe("Letter bounced");
    // Only the letter's own statuses: anything else stays visible as it is.
    expect(actionWords("letter.toString")).toBe("letter.toString");
    expect(actionWords("nobody.wrote-this")).toBe("nobody.wrote-this");
  });

  it("gives each action its own words", () => {
    const words = [...Object.values(AUDIT_ACTION_WORDS), ...Object.values(LETTER_WORDS)];
    expect(new Set(words).size).toBe(words.length);
  });
});
