import { Logger } from "@aws-lambda-powertools/logger";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { indexStreamRecords } from "#shared/search/indexer.ts";
import { searchPartition } from "#shared/search/keys.ts";
import { rebuildSearchIndex } from "#shared/search/rebuild.ts";
import { apiRoutes } from "../../functions/api/app.ts";
import { ensureDeskStream, type StreamReader, streamReader } from "../../infra/local/search-stream.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2027-03-01T09:00:00Z");
const json = { "content-type": "application/json" };
let setup: Awaited<ReturnType<typeof freshTables>>;
let router: ReturnType<typeof createRouter>;
let stream: StreamReader;

async function call(options: EventOptions) {
  const result = await router.dispatch(apiEvent(options), "search-test");
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode ?? 0, headers, body: JSON.parse(result.body || "null") };
}
const send = (method: string, path: string, body: unknown, extra: Record<string, string> = {}) =>
  call({ method, path, group: "secretariat", headers: { ...json, ...extra }, body: JSON.stringify(body) });

interface Hit {
  kind: string;
  id: string;
  label: string;
  active?: boolean;
}
async function find(q: string, group: EventOptions["group"] = "secretariat", more = "") {
  const answer = await call({ path: "/search", query: `q=${encodeURIComponent(q)}${more}`, group });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const groups: { kind: string; items: Hit[] }[] = answer.body.groups;
  return {
    kinds: groups.map((group) => group.kind),
    ids: (kind: string) => groups.find((group) => group.kind === kind)?.items.map((hit) => hit.id) ?? [],
    hit: (kind: string, id: string) => groups.find((group) => group.kind === kind)?.items.find((h) => h.id === id),
  };
}

beforeAll(async () => {
  setup = await freshTables({ streams: true });
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  router = createRouter(
    apiRoutes({ doc: setup.doc, tableNames: setup.tableNames, clock }),
    new Logger({ logLevel: "SILENT" }),
  );
  const { streamArn } = await ensureDeskStream(setup.client, setup.tableNames.desk);
  stream = streamReader(inject("dynamoEndpoint"), streamArn, indexStreamRecords(setup));
  // The seeded registry reaches the index through the stream, as every later write does.
  expect(await stream.drain()).toBeGreaterThan(193);
}, 120_000);

describe("search against DynamoDB Local, indexed from the table's stream", () => {
  it("finds States by code and by name in the six UN languages, ignoring case and accents", async () => {
    expect((await find("mli")).ids("state")).toEqual(["MLI"]);
    expect((await find("Mali")).ids("state")).toContain("MLI");
    // Any position of a Chinese name: 马里 is Mali and the end of 索马里 (Somalia).
    expect((await find("马里")).ids("state")).toEqual(["MLI", "SOM"]);
    expect((await find("МАЛИ")).ids("state")).toEqual(["MLI"]);
    // مالي is Mali and the start of ماليزيا (Malaysia).
    expect((await find("مالي")).ids("state")).toEqual(["MLI", "MYS"]);
    expect((await find("ماليز")).ids("state")).toEqual(["MYS"]);
    // Without the article and with the hamza mark folded: الجزائر (Algeria) by its stem, typed without hamza.
    expect((await find("جزاير")).ids("state")).toEqual(["DZA"]);
    // Any position of a Chinese name: 中非共和国 (Central African Republic) by 非共和.
    expect((await find("非共和")).ids("state")).toEqual(["CAF"]);
    expect((await find("cote d'iv")).ids("state")).toEqual(["CIV"]);
    expect((await find("CÔTE D’IVOIRE")).ids("state")).toEqual(["CIV"]);
    expect((await find("alger")).ids("state")).toEqual(["DZA"]);
    // Prefix of any word, every word of the query: "rep centr" is the Central African Republic only.
    expect((await find("rep centr")).ids("state")).toEqual(["CAF"]);
  });

  it("finds organizations by acronym and by a word of their names", async () => {
    expect((await find("iaea")).ids("organization")).toEqual(["iaea"]);
    expect((await find("atomic")).ids("organization")).toContain("iaea");
  });

  it("keeps contacts to the secretariat: absent for members and experts, 403 when asked for by name", async () => {
    const created = await send("POST", "/contacts", {
      owner: "STATE:MLI",
      role: "capital-poc",
      name: "Zoë Ångström-Traoré",
      email: "poc.office@mali-gov.example",
    });
    expect(created.status).toBe(201);
    expect((await find("angstrom")).ids("contact")).toEqual([]); // not yet: the stream has not been read
    await stream.drain();
    const id = created.body.id;
    expect((await find("angstrom")).ids("contact")).toEqual([id]);
    expect((await find("ÅNGSTRÖM traore")).ids("contact")).toEqual([id]);
    expect((await find("mali-gov")).ids("contact")).toEqual([id]);
    for (const group of ["members", "experts"] as const) {
      const found = await find("angstrom", group);
      expect(found.kinds).not.toContain("contact");
      const asked = await call({ path: "/search", query: "q=angstrom&kinds=contact", group });
      expect(asked.status).toBe(403);
      expect(asked.headers["content-type"]).toBe("application/problem+json");
    }

    const renamed = await send(
      "PATCH",
      `/contacts/${id}`,
      { name: "Zoë Keita" },
      { "if-match": created.headers.etag ?? "" },
    );
    expect(renamed.status).toBe(200);
    await stream.drain();
    expect((await find("angstrom")).ids("contact")).toEqual([]);
    expect((await find("keita")).ids("contact")).toEqual([id]);

    const deactivated = await send(
      "POST",
      `/contacts/${id}/deactivate`,
      { reason: "left the ministry" },
      { "if-match": renamed.headers.etag ?? "" },
    );
    expect(deactivated.status).toBe(200);
    expect((await find("keita")).hit("contact", id)?.active).toBe(true);
    await stream.drain();
    expect((await find("keita")).hit("contact", id)?.active).toBe(false);
  });

  it("finds a new template, wave and assistance request once written, grouped by kind", async () => {
    const variant = { subject: "Rappel: rapport national", text: "Bonjour {{contact.name}}", html: "<p>Bonjour</p>" };
    const template = await send("POST", "/templates", {
      id: "rappel-quinquennal",
      kind: "first-report-request",
      fallbackLanguage: "fr",
      variants: { fr: variant },
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const wave = await send("POST", "/waves", {
      templateId: "rappel-quinquennal",
      audience: "non-reporting-states",
      sendAt: "2027-03-15T09:00",
      timeZone: "America/New_York",
      notAfter: "2027-03-31T00:00:00Z",
      description: "Quinquennial reminder to the Sahel",
    });
    expect(wave.status, JSON.stringify(wave.body)).toBe(201);
    const request = await send("POST", "/assistance/requests", {
      iso3: "MLI",
      areas: ["legislation"],
      description: "Drafting of export-control legislation for dual-use goods",
      receivedOn: "2027-02-01",
      symbol: "S/AC.44/2027/NOTE.7",
      consentedToCirculation: false,
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    await stream.drain();

    expect((await find("quinquen")).ids("template")).toEqual(["rappel-quinquennal"]);
    expect((await find("quinquen")).ids("wave")).toEqual([wave.body.id]);
    expect((await find("rappel")).ids("template")).toEqual(["rappel-quinquennal"]);
    expect((await find("sahel")).ids("wave")).toEqual([wave.body.id]);
    expect((await find("s/ac.44/2027/note.7")).ids("assistance-request")).toEqual([request.body.id]);
    expect((await find("dual-use")).ids("assistance-request")).toEqual([request.body.id]);
    const grouped = await find("mali");
    expect(grouped.kinds).toEqual([
      "state",
      "organization",
      "contact",
      "assistance-request",
      "wave",
      "template",
      "submission",
    ]);
    expect((await find("mali", "members", "&kinds=state,wave")).kinds).toEqual(["state", "wave"]);

    const cancelled = await call({
      method: "POST",
      path: `/waves/${wave.body.id}/cancel`,
      group: "secretariat",
      headers: { "if-match": wave.headers.etag ?? "" },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await stream.drain();
    const answer = await call({ path: "/search", query: "q=sahel&kinds=wave", group: "members" });
    expect(answer.body.groups[0].items[0].detail).toContain("cancelled");
  });

  it("refuses a query under two characters, an unknown kind and a bad limit with 400 at the field", async () => {
    for (const [query, field] of [
      ["q=a", "query.q"],
      ["q=%C3%A9", "query.q"],
      ["q=%20-%20", "query.q"],
      ["q=mali&kinds=state,people", "query.kinds"],
      ["q=mali&limit=0", "query.limit"],
      ["q=mali&limit=51", "query.limit"],
      ["kinds=state", "query.q"],
    ] as const) {
      const answer = await call({ path: "/search", query, group: "members" });
      expect(answer.status, query).toBe(400);
      expect(answer.headers["content-type"]).toBe("application/problem+json");
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toContain(field);
    }
  });

  it("limits each group and says when there is more", async () => {
    const answer = await call({ path: "/search", query: "q=re&kinds=state&limit=2", group: "members" });
    expect(answer.body.groups[0].items).toHaveLength(2);
    expect(answer.body.groups[0].more).toBe(true);
  });

  it("rebuilds the index from the stored records, removing tokens no record gives", async () => {
    const stale = {
      pk: searchPartition("zz"),
      sk: "state#zzyzx#ZZZ",
      entity: "search-token",
      kind: "state",
      id: "ZZZ",
    };
    await setup.doc.send(
      new PutCommand({
        TableName: setup.tableNames.desk,
        Item: { ...stale, label: "Nowhere", path: "/states/ZZZ", words: ["zzyzx"] },
      }),
    );
    expect((await find("zzyzx")).ids("state")).toEqual(["ZZZ"]);
    const result = await rebuildSearchIndex(setup);
    expect(result.tokensRemoved).toBe(1);
    expect(result.records).toBeGreaterThan(193);
    expect((await find("zzyzx")).ids("state")).toEqual([]);
    expect((await find("马里")).ids("state")).toEqual(["MLI", "SOM"]);
    const partition = await setup.doc.send(
      new QueryCommand({
        TableName: setup.tableNames.desk,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": searchPartition("ma") },
      }),
    );
    expect(partition.Items?.some((item) => item.sk === "state#mali#MLI")).toBe(true);
  });
});
