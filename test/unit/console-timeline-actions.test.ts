// Every action shows in words, on a timeline and on the audit trail alike: every audit action the API writes has them,
// and no words are kept for an action nobody writes. `tsc` holds the words to shared/audit/actions.ts's union (there
// is no runtime list of the actions to import); this test reads that union from its source, and holds it to the
// writers' source, read for `action: "x.y"` in an audit entry, "x.y" passed last to a contact store's save, or a value
// of a `Record<…, AuditAction>` (a wave's moves), so an action written without being declared, or declared without
// being written, is found too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skipWords } from "../../console/src/pages/correspondence/wave-facts.ts";
import {
  AUDIT_ACTION_WORDS,
  actionWords,
  entryActionWords,
  LETTER_WORDS,
} from "../../console/src/pages/state/actions.ts";
import { organizationTrailKinds, trailKinds } from "../../shared/audit/subject.ts";

const ROOT = join(import.meta.dirname, "../..");
const ACTION = String.raw`"([a-z-]+(?:\.[a-z-]+)+)"`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const matches = (text: string, pattern: string) =>
  [...text.matchAll(new RegExp(pattern, "g"))].map(([, action = ""]) => action);

/** The `AuditAction` union of shared/audit/actions.ts, as declared. */
function auditActionsDeclared(): Set<string> {
  const source = readFileSync(join(ROOT, "shared/audit/actions.ts"), "utf8");
  const union = /export type AuditAction =([^;]*);/.exec(source)?.[1] ?? "";
  return new Set(matches(union, ACTION));
}

function auditActionsWritten(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sourceFiles(join(ROOT, "shared")), ...sourceFiles(join(ROOT, "functions"))]) {
    if (file.endsWith(join("shared", "audit", "actions.ts"))) continue;
    const text = readFileSync(file, "utf8");
    if (!/audit/i.test(text)) continue;
    const records = [...text.matchAll(/Record<\w+, AuditAction> = \{([^}]*)\}/g)].map(([, body = ""]) => body);
    for (const action of [
      ...matches(text, String.raw`action:\s*${ACTION}`),
      // contacts' save(deps, change, audit, "contact.verify") and saveContact(..., "contact.email-status")
      ...matches(text, String.raw`audit,\s*${ACTION}\s*\)`),
      // WAVE_MOVE_ACTIONS: { scheduled: "wave.schedule", … }
      ...records.flatMap((body) => matches(body, String.raw`\w+:\s*${ACTION}`)),
    ]) {
      found.add(action);
    }
  }
  return found;
}

describe("the actions in words", () => {
  const declared = auditActionsDeclared();
  const written = auditActionsWritten();

  it("finds the actions declared and those the writers use (the search is not blind)", () => {
    for (const action of ["submission.record", "contact.verify", "contact.email-status", "wave.schedule"]) {
      expect(written).toContain(action);
      expect(declared).toContain(action);
    }
    expect(declared.size).toBeGreaterThan(50);
  });

  it("declares every action the writers use, and writes every action declared", () => {
    expect([...written].filter((action) => !declared.has(action)).sort()).toEqual([]);
    expect([...declared].filter((action) => !written.has(action)).sort()).toEqual([]);
  });

  it("has words for every audit action the API writes, and none for one nobody writes", () => {
    expect([...declared, ...written].filter((action) => actionWords(action) === action).sort()).toEqual([]);
    expect(Object.keys(AUDIT_ACTION_WORDS).filter((action) => !declared.has(action))).toEqual([]);
  });

  it("names the waves', templates', programme's, snapshots' and calendar feeds' actions, which only the trail shows", () => {
    expect(actionWords("wave.schedule")).toBe("Wave scheduled");
    expect(actionWords("wave.create")).toBe("Wave drafted");
    expect(actionWords("template.update")).toBe("Template changed");
    expect(actionWords("programme.adopt")).toBe("Programme of work adopted");
    expect(actionWords("snapshot.create")).toBe("Quarter's snapshot taken");
    expect(actionWords("calendar-feed.revoke")).toBe("Calendar feed revoked");
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

describe("a skipped letter in words", () => {
  it("says why, from the reason its entry carries, and where the letter goes when another wave has it", () => {
    expect(entryActionWords({ action: "letter.skipped", after: { reason: "bounced" } })).toBe(
      "Letter skipped (the address bounced a letter before)",
    );
    expect(
      entryActionWords({
        action: "letter.skipped",
        after: { reason: "followed-up-elsewhere: its follow-up letter goes in wave 01W" },
      }),
    ).toBe("Letter skipped (its one-year follow-up letter was left to another wave)");
    // A reason it does not know, or none, is not guessed at.
    expect(entryActionWords({ action: "letter.skipped", after: { reason: "cosmic rays" } })).toBe("Letter skipped");
    expect(entryActionWords({ action: "letter.skipped" })).toBe("Letter skipped");
    expect(entryActionWords({ action: "letter.sent", after: { reason: "bounced" } })).toBe("Letter sent");
    // A letter that failed unsent says why (audit 31: a halted wave's letters read only "Letter failed").
    expect(
      entryActionWords({ action: "letter.failed", after: { reason: "wave halted: hard bounces reached 5%" } }),
    ).toBe("Letter failed (wave halted: hard bounces reached 5%)");
    expect(entryActionWords({ action: "letter.failed" })).toBe("Letter failed");
  });

  it("keeps the ledger's account of the other wave on the wave page, and the code's words otherwise", () => {
    expect(skipWords("duplicate-address: the letter goes to c-1")).toBe(
      "the same address as another recipient, who has the one letter",
    );
    expect(skipWords("followed-up-elsewhere")).toBe("its one-year follow-up letter was left to another wave");
  });
});
