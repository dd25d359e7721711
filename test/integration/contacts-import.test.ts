import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { writeContactChanges } from "#shared/contacts/batch.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { contactRoutes } from "../../functions/api/routes/contacts.ts";
import { organizationRoutes } from "../../functions/api/routes/organizations.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const FILE_NOT_UTF8 =
  "The file is not UTF-8 (line 2 has characters that could not be read, shown as \uFFFD): save it as CSV UTF-8, " +
  "or retype them";

const clock = fixedClock("2026-11-27T09:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;
const codes = loadMemberStates().map((state) => state.iso3);

async function call(options: EventOptions) {
  const result = await router.dispatch(apiEvent(options), "test-correlation");
  const headers = (result.headers ?? {}) as Record<string, string>;
  const text = result.body ?? "";
  return {
    status: result.statusCode ?? 0,
    headers,
    body: /json/.test(headers["content-type"] ?? "") ? JSON.parse(text) : text,
  };
}

const importCsv = (csv: string, query = "", contentType = "text/csv") =>
  call({
    method: "POST",
    path: "/contacts/import",
    query,
    group: "secretariat",
    headers: { "content-type": contentType },
    body: csv,
  });

const HEADER = "owner,role,name,title,agency,email,phone,language,designatedOn,lastVerifiedOn";

/** 500 rows over the 193 States (two or three each), every address distinct. */
function rows(prefix: string, change: (index: number, cells: string[]) => string[] = (_, cells) => cells): string {
  const lines = Array.from({ length: 500 }, (_, index) => {
    const iso3 = codes[index % codes.length] as string;
    const cells = [
      `STATE:${iso3}`,
      index < codes.length ? "capital-poc" : "mission-poc",
      `Avery Sample ${index}`,
      "Adviser (demo)",
      '"Ministry of Foreign Affairs, Department of Non-Proliferation"',
      `${prefix}.${index}@example.org`,
      `+1 212 555 ${String(1000 + index)}`,
      "",
      "2026-01-15",
      "2026-06-30",
    ];
    return change(index, cells).join(",");
  });
  return `${HEADER}\n${lines.join("\n")}\n`;
}

async function countContacts(): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.desk,
        IndexName: "gsi3",
        KeyConditionExpression: "gsi3pk = :p",
        ExpressionAttributeValues: { ":p": "CONTACT#VERIFIED" },
        ExclusiveStartKey: start,
      }),
    );
    total += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return total;
}

async function importAuditEntries(): Promise<number> {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      IndexName: "byDay",
      KeyConditionExpression: "#day = :day",
      FilterExpression: "#action = :action",
      ExpressionAttributeNames: { "#day": "day", "#action": "action" },
      ExpressionAttributeValues: { ":day": "2026-11-27", ":action": "contacts.import" },
    }),
  );
  return result.Items?.length ?? 0;
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  const deps = organizationDependencies(setup.doc, setup.tableNames, clock);
  router = createRouter([...contactRoutes(deps), ...organizationRoutes(deps)], new Logger({ logLevel: "SILENT" }));
}, 120_000);

describe("importing contacts from CSV", () => {
  it("writes nothing from a 500-row file with one bad row, and names its line and column", async () => {
    const csv = rows("bad", (index, cells) => (index === 6 ? cells.with(5, "not-an-address") : cells));
    const refused = await importCsv(csv);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain("nothing was imported");
    expect(refused.body.errors).toEqual([{ path: "line 8, column email", message: "must be an e-mail address" }]);
    expect(await countContacts()).toBe(0);
    expect(await importAuditEntries()).toBe(0);
  });

  it("reports every problem of the file at once, and a dry run is checked the same way", async () => {
    const csv = [
      `${HEADER},colour`,
      "STATE:FRA,capital-poc,A,,,a.fra@example.org,,,,,",
      "STATE:XXX,capital-poc,B,,,b@example.org,,,,,",
      "ORG:iaea,capital-poc,C,,,c@example.org,,,,,",
      "STATE:DEU,mission-poc,D,,,A.FRA@example.org,,xx,2027-01-01,,",
    ].join("\n");
    const header = await importCsv(csv, "dryRun=true");
    expect(header.status).toBe(422);
    expect(header.body.errors).toEqual([
      { path: "line 1, column colour", message: expect.stringContaining("unknown column") },
    ]);
    const body = await importCsv(csv.replace(",colour", "").replace(/,\n/g, "\n").replace(/,$/, ""));
    expect(body.status).toBe(422);
    expect(body.body.errors.map((issue: { path: string }) => issue.path)).toEqual([
      "line 3, column owner",
      "line 4, column role",
      "line 5, column email",
      "line 5, column language",
      "line 5, column designatedOn",
    ]);
    expect(body.body.errors[2].message).toBe("repeats the address on line 2; an address is one contact");
    expect(await countContacts()).toBe(0);
  });

  it("imports 500 rows, keeps the obligations in step, and changes nothing when the same file comes again", async () => {
    const csv = rows("poc");
    const first = await importCsv(csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: false, created: 500, updated: 0, unchanged: 0 });
    expect(first.body.rows[0]).toMatchObject({ line: 2, action: "create", owner: `STATE:${codes[0]}` });
    expect(await countContacts()).toBe(500);
    const writes = await importAuditEntries();
    expect(writes).toBeGreaterThan(5);
    const fulfilled = await reportingRepository(setup.doc, setup.tableNames, clock).statesWithObligation(
      "point-of-contact",
      "fulfilled",
      { limit: 200 },
    );
    expect(fulfilled.items).toHaveLength(193);

    const dryRun = await importCsv(csv, "dryRun=true");
    expect(dryRun.body).toMatchObject({ dryRun: true, created: 0, updated: 0, unchanged: 500 });
    const again = await importCsv(csv);
    expect(again.body).toMatchObject({ dryRun: false, created: 0, updated: 0, unchanged: 500 });
    expect(await countContacts()).toBe(500);
    expect(await importAuditEntries()).toBe(writes);

    const created = await call({ path: `/contacts/${first.body.rows[0].contactId}`, group: "secretariat" });
    expect(created.body).toMatchObject({
      agency: "Ministry of Foreign Affairs, Department of Non-Proliferation",
      language: loadMemberStates()[0]?.language,
      lastVerifiedOn: "2026-06-30",
    });
    expect(created.headers.etag).toBe('"1"');
  });

  it("shows an update in a dry run without writing it, then writes only that row", async () => {
    const edited = rows("poc", (index, cells) => (index === 41 ? cells.with(2, "Quinn Fictional").with(6, "") : cells));
    const dryRun = await importCsv(edited, "dryRun=true");
    expect(dryRun.body).toMatchObject({ created: 0, updated: 1, unchanged: 499 });
    const row = dryRun.body.rows.find((entry: { action: string }) => entry.action === "update");
    expect(row).toMatchObject({ line: 43, changed: ["name", "phone"] });
    expect((await call({ path: `/contacts/${row.contactId}`, group: "secretariat" })).body.name).toBe(
      "Avery Sample 41",
    );
    const applied = await importCsv(edited);
    expect(applied.body).toMatchObject({ created: 0, updated: 1, unchanged: 499 });
    const after = await call({ path: `/contacts/${row.contactId}`, group: "secretariat" });
    expect(after.body.name).toBe("Quinn Fictional");
    expect(after.body.phone).toBeUndefined();
    expect(after.headers.etag).toBe('"2"');
  });

  it("refuses an address held by another owner's active contact, naming the line", async () => {
    const csv = `owner,role,name,email\nSTATE:FRA,capital-poc,Jamie Demo,new.one@example.org\nORG:iaea,organization-poc,Jamie Demo,poc.7@example.org\n`;
    const refused = await importCsv(csv);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        path: "line 3, column email",
        message: expect.stringMatching(/^is already used by .+, capital point of contact of [A-Z].*; deactivate that/),
      },
    ]);
    expect(await countContacts()).toBe(500);
  });

  it("answers 400 for a file that is not CSV and 415 for another content type or a file not in UTF-8", async () => {
    const broken = await importCsv('owner,role,name,email\nSTATE:FRA,capital-poc,"unclosed,x@example.org\n');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].path).toBe("line 2, column name");
    expect((await importCsv("{}", "", "application/json")).status).toBe(415);
    // Saved in Latin-1, as the gateway hands it over: its bytes decoded as UTF-8.
    const latin1 = Buffer.from("owner,role,name,email\nSTATE:CIV,capital-poc,José Núñez,jn@example.org\n", "latin1");
    const refused = await importCsv(latin1.toString("utf8"));
    expect(refused).toMatchObject({ status: 415, body: { detail: FILE_NOT_UTF8 } });
    expect(await countContacts()).toBe(500);
    expect((await importCsv("")).status).toBe(422);
  });
});

describe("a batch that meets a concurrent writer", () => {
  it("stops at the refused transaction with a clear conflict, after writing only whole earlier transactions", async () => {
    const deps = contactDependencies(setup.doc, setup.tableNames, clock);
    const now = clock.now().toISOString();
    const contact = (index: number, iso3: string, email: string) => ({
      id: `01JCONFLICT${String(index).padStart(15, "0")}`,
      owner: `STATE:${iso3}`,
      role: "capital-poc" as const,
      name: `Taylor Sample ${index}`,
      email,
      language: "en" as const,
      designatedOn: "2026-01-01",
      lastVerifiedOn: "2026-01-01",
      emailStatus: "ok" as const,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    // 60 creates for AFG (32 fit in a transaction with the obligation and the audit entry: 3 items each), then one
    // for ZWE whose address another writer took after the rows were checked.
    const changes = [
      ...Array.from({ length: 60 }, (_, index) => ({ after: contact(index, "AFG", `batch.${index}@example.org`) })),
      { after: contact(60, "ZWE", "taken.zwe@example.org"), label: "line 62" },
    ];
    await createContact(deps)(
      { owner: "STATE:ZMB", role: "capital-poc", name: "Morgan Example", email: "taken.zwe@example.org" },
      { actor: { kind: "system", id: "the other writer" } },
    );
    const before = await countContacts();
    const stopped = writeContactChanges(deps, changes, {
      context: { actor: { kind: "system", id: "test" } },
      action: "contacts.import",
      entity: { type: "contact-import", id: "conflict-test" },
      onStop: "Send the same file again.",
    });
    await expect(stopped).rejects.toThrow(
      /^Stopped at transaction 2 of 2: line 62: the e-mail address is already used by active contact .*32 contact\(s\) were written/,
    );
    expect(await countContacts()).toBe(before + 32);
  });
});
