// The contacts export sent back as an import: a no-op, with deactivated contacts sharing an active one's address;
// its read-only columns applied through the API's rules or refused at their line and column, never ignored.
import { Logger } from "@aws-lambda-powertools/logger";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { contactRoutes } from "../../functions/api/routes/contacts.ts";
import { organizationRoutes } from "../../functions/api/routes/organizations.ts";
import { apiEvent, type RouterCall, routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
let call: (options: RouterCall) => ReturnType<ReturnType<typeof routerCaller>>;
let router: ReturnType<typeof createRouter>;

const importCsv = async (csv: string) => {
  const result = await router.dispatch(
    apiEvent({
      method: "POST",
      path: "/contacts/import",
      group: "secretariat",
      headers: { "content-type": "text/csv" },
      body: csv,
    }),
    "reimport",
  );
  return { status: result.statusCode, body: JSON.parse(result.body ?? "null") };
};

const exportCsv = async () => {
  const response = await call({ path: "/contacts/export", query: "owner=STATE:NOR" });
  expect(response.status).toBe(200);
  return String(response.body);
};

/** The export with one cell of one contact's row replaced. */
function edited(csv: string, contactId: string, column: string, value: string): string {
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  const header = (lines[0] ?? "").split(",");
  const index = header.indexOf(column);
  return lines
    .map((line) => {
      if (!line.startsWith(`${contactId},`)) return line;
      const cells = line.split(",");
      cells[index] = value;
      return cells.join(",");
    })
    .join("\r\n");
}

let leftId = "";
let activeId = "";

beforeAll(async () => {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  const deps = organizationDependencies(setup.doc, setup.tableNames, clock);
  router = createRouter([...contactRoutes(deps), ...organizationRoutes(deps)], new Logger({ logLevel: "SILENT" }));
  call = routerCaller(router, "secretariat");
  const contact = { owner: "STATE:NOR", role: "capital-poc", name: "Kari Example", email: "poc@mfa.example.org" };
  const left = await call({ method: "POST", path: "/contacts", body: contact });
  leftId = String(left.body.id);
  const deactivated = await call({
    method: "POST",
    path: `/contacts/${leftId}/deactivate`,
    ifMatch: String(left.etag),
    body: { reason: "left the ministry" },
  });
  expect(deactivated.status).toBe(200);
  // The successor takes over the same functional address.
  const successor = await call({ method: "POST", path: "/contacts", body: { ...contact, name: "Ola Example" } });
  expect(successor.status).toBe(201);
  activeId = String(successor.body.id);
}, 120_000);

describe("re-importing the export", () => {
  it("is a no-op although a deactivated contact and an active one share an address", async () => {
    const csv = await exportCsv();
    const again = await importCsv(csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await exportCsv()).toBe(csv);
  });

  it("takes only ok as an emailStatus from a file, and an exported status back unchanged", async () => {
    const reporting = await importCsv(edited(await exportCsv(), activeId, "emailStatus", "bounced"));
    expect(reporting.status).toBe(422);
    expect(reporting.body.errors).toEqual([
      {
        path: expect.stringMatching(/^line \d, column emailStatus$/),
        message:
          "cannot be set to bounced by a file: a bounce, a complaint or a suppression comes from SES's report on a " +
          "letter; write ok, or leave it as exported (ok)",
      },
    ]);
    const stored = await call({ path: `/contacts/${activeId}` });
    const bounced = await call({
      method: "PATCH",
      path: `/contacts/${activeId}`,
      ifMatch: String(stored.etag),
      body: { emailStatus: "bounced" },
    });
    expect(bounced.status).toBe(200);
    const exported = await exportCsv();
    expect((await importCsv(exported)).body).toMatchObject({ updated: 0, unchanged: 2 });
    const cleared = await importCsv(edited(exported, activeId, "emailStatus", "ok"));
    expect(cleared.status).toBe(200);
    expect(cleared.body.rows.find((row: { action: string }) => row.action === "update")).toMatchObject({
      contactId: activeId,
      changed: ["emailStatus"],
    });
    expect((await call({ path: `/contacts/${activeId}` })).body.emailStatus).toBe("ok");
  });

  it("names a contact whose address the file changes by its name and owner, and where to correct it", async () => {
    const moved = await importCsv(edited(await exportCsv(), activeId, "email", "new@mfa.example.org"));
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual([
      {
        path: expect.stringMatching(/^line \d, column email$/),
        message: "is not the address of Ola Example (Norway): correct the address on Norway's page",
      },
    ]);
    expect(moved.body.detail).toBe("The file has 1 problem; nothing was imported");
  });

  it("refuses a changed active column, a reactivation and an edit of a deactivated contact, at line and column", async () => {
    const before = await exportCsv();
    const deactivating = await importCsv(edited(before, activeId, "active", "false"));
    expect(deactivating.status).toBe(422);
    expect(deactivating.body.errors).toEqual([
      {
        path: expect.stringMatching(/^line \d, column active$/),
        message: "deactivating Ola Example (Norway) needs a reason: deactivate the contact on Norway's page",
      },
    ]);
    const reactivating = await importCsv(edited(before, leftId, "active", "true"));
    expect(reactivating.status).toBe(422);
    // Its address is the successor's: the file is refused at the active column, or at the address it would repeat
    // among active contacts (which row is named first follows the export's order); never ignored.
    expect(reactivating.body.errors.length).toBeGreaterThan(0);
    for (const error of reactivating.body.errors) {
      expect(error.path).toMatch(/^line \d+, column (active|email)$/);
    }
    expect((await call({ path: `/contacts/${leftId}` })).body.active).toBe(false);
    const renamed = await importCsv(edited(before, leftId, "name", "Someone Else"));
    expect(renamed.status).toBe(422);
    expect(renamed.body.errors[0]).toMatchObject({
      path: expect.stringContaining("column name"),
      message: expect.stringContaining("history"),
    });
    const redated = await importCsv(edited(before, leftId, "deactivatedOn", "2026-01-01"));
    expect(redated.status).toBe(422);
    expect(redated.body.errors[0]).toMatchObject({ path: expect.stringContaining("column deactivatedOn") });
    expect(await exportCsv()).toBe(before);
  });
});
