import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

let handler: ReturnType<typeof createApiHandler>;

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: JSON.parse(result.body || "null"),
  };
}

const json = { "content-type": "application/json" };
const variant = {
  subject: "First national report: {{state.name}}",
  text: "Dear {{contact.name}}, the Committee invites {{state.name}} to report by {{deadline|date}}.",
  html: "<p>Dear {{contact.name}}, the Committee invites {{state.name}} to report by {{deadline|date}}.</p>",
};
const template = {
  id: "first-report-request-2027",
  kind: "first-report-request",
  fallbackLanguage: "en",
  variants: { en: variant, fr: { ...variant, subject: "Premier rapport national : {{state.name}}" } },
};
const save = (body: unknown, group: EventOptions["group"] = "secretariat") =>
  call({ method: "POST", path: "/templates", group, headers: json, body: JSON.stringify(body) });

beforeAll(async () => {
  const { doc, tableNames } = await freshTables();
  const clock = fixedClock("2027-03-01T09:00:00Z");
  await seedRegistry(doc, tableNames, clock);
  handler = createApiHandler({ doc, tableNames, clock, logger: new Logger({ logLevel: "SILENT" }) });
});

describe("templates against DynamoDB Local", () => {
  it("saves a valid template once; the same id again is a 409", async () => {
    const saved = await save(template);
    expect(saved.status).toBe(201);
    expect(saved.headers.etag).toBe('"1"');
    expect((await save(template)).status).toBe(409);
  });

  it("refuses an unknown variable with 422 at its path, and a members token with 403; neither saves", async () => {
    const broken = {
      ...template,
      id: "broken",
      variants: { en: { ...variant, html: "<p>{{contact.nam}}</p>" } },
    };
    const refused = await save(broken);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: "body.variants.en.html", message: expect.stringContaining("{{contact.nam}}") },
    ]);
    expect((await save({ ...template, id: "by-a-member" }, "members")).status).toBe(403);
    expect((await call({ path: "/templates/broken", group: "members" })).status).toBe(404);
    expect((await call({ path: "/templates/by-a-member", group: "members" })).status).toBe(404);
  });

  it("previews in the recipient's language with the State's facts, and falls back where there is no variant", async () => {
    const preview = (language: string) =>
      call({
        method: "POST",
        path: `/templates/${template.id}/preview`,
        group: "members",
        headers: json,
        body: JSON.stringify({
          language,
          iso3: "tcd",
          values: { "contact.name": "<b>Ms. Example</b>", deadline: "2027-04-30" },
        }),
      });
    const french = await preview("fr");
    expect(french.body).toMatchObject({ language: "fr", fellBack: false, subject: "Premier rapport national : Tchad" });
    expect(french.body.html).toContain("&lt;b&gt;Ms. Example&lt;/b&gt;");
    const arabic = await preview("ar");
    expect(arabic.body).toMatchObject({ language: "en", fellBack: true });
    const withoutDeadline = await call({
      method: "POST",
      path: `/templates/${template.id}/preview`,
      group: "members",
      headers: json,
      body: JSON.stringify({ language: "en", iso3: "TCD", values: { "contact.name": "X" } }),
    });
    expect(withoutDeadline.status).toBe(422);
    expect(withoutDeadline.body.detail).toBe("To preview this letter, give a deadline");
    expect(withoutDeadline.body.errors).toEqual([
      { path: "body.values.deadline", message: "Give a deadline to preview this letter" },
    ]);
  });

  it("refuses a date put where text is expected with 422 at its path, saving nothing", async () => {
    const wrong = { ...template, id: "wrong-type", variants: { en: { ...variant, text: "By {{deadline}}." } } };
    const refused = await save(wrong);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        path: "body.variants.en.text",
        message: expect.stringContaining("deadline is a date, put where text is expected"),
      },
    ]);
    expect((await call({ path: "/templates/wrong-type", group: "members" })).status).toBe(404);
  });

  it("changes a template with If-Match and validates the result as a whole", async () => {
    const read = await call({ path: `/templates/${template.id}`, group: "members" });
    const patch = (etag: string, body: unknown) =>
      call({
        method: "PATCH",
        path: `/templates/${template.id}`,
        group: "secretariat",
        headers: { ...json, "if-match": etag },
        body: JSON.stringify(body),
      });
    // Dropping the fallback leaves five UN languages without a variant: refused, nothing changed.
    const invalid = await patch(read.headers.etag as string, {
      fallbackLanguage: null,
      variants: { en: variant },
    });
    expect(invalid.status).toBe(422);
    const changed = await patch(read.headers.etag as string, { description: "March 2027 wave" });
    expect(changed).toMatchObject({ status: 200, body: { description: "March 2027 wave" } });
    expect((await patch(read.headers.etag as string, { description: "stale" })).status).toBe(412);
  });

  it("refuses a missing language without a fallback with 422 at its path, saving nothing", async () => {
    const { fallbackLanguage: _, ...noFallback } = { ...template, id: "no-fallback" };
    const refused = await save(noFallback);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: "body.variants", message: expect.stringContaining("missing ar, zh, ru, es") },
    ]);
    expect((await call({ path: "/templates/no-fallback", group: "members" })).status).toBe(404);
  });

  it("clears a drafted variant's reviewed: false when the secretariat edits it, and keeps the others", async () => {
    const drafted = {
      ...template,
      id: "drafted",
      variants: { en: variant, fr: { ...template.variants.fr, reviewed: false }, es: { ...variant, reviewed: false } },
    };
    const saved = await save(drafted);
    expect(saved.body.variants.fr.reviewed).toBe(false);
    const changed = await call({
      method: "PATCH",
      path: "/templates/drafted",
      group: "secretariat",
      headers: { "content-type": "application/merge-patch+json", "if-match": saved.headers.etag as string },
      body: JSON.stringify({ variants: { fr: { subject: "Premier rapport national — {{state.name}}" } } }),
    });
    expect(changed.status).toBe(200);
    expect(changed.body.variants.fr).toMatchObject({
      subject: "Premier rapport national — {{state.name}}",
      reviewed: true,
    });
    expect(changed.body.variants.fr.text).toBe(variant.text);
    expect(changed.body.variants.es.reviewed).toBe(false);
    expect(changed.body.variants.en).toEqual(variant);
  });

  it("previews saying when it fell back, and the Permanent Mission salutation", async () => {
    const preview = (body: unknown) =>
      call({
        method: "POST",
        path: "/templates/drafted/preview",
        group: "members",
        headers: json,
        body: JSON.stringify(body),
      });
    const arabic = await preview({ language: "ar", iso3: "TCD", values: { deadline: "2027-04-30" } });
    // The template has no Arabic: the English variant inside the English form, and saying it fell back.
    expect(arabic.body).toMatchObject({ language: "en", fellBack: true, lang: "en", dir: "ltr" });
    const mission = await preview({
      language: "fr",
      iso3: "TCD",
      addressedTo: "permanent-mission",
      values: { deadline: "2027-04-30" },
    });
    expect(mission.status).toBe(200);
    expect(mission.body.text).toContain(
      "À l'attention de la Mission permanente auprès de l'Organisation des Nations Unies (Tchad)\nExcellence,",
    );
    expect(mission.body.text).toContain("aucun des points de contact désignés");
    expect(mission.body.text).toContain("to report by 30 avril 2027");
    // A State the body names that does not exist is the body's fault, at its field (the template itself exists).
    const unknown = await preview({ language: "fr", iso3: "ZZZ", values: { deadline: "2027-04-30" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: "body.iso3", message: "no Member State ZZZ" }]);
  });

  it("lists each variable with its type", async () => {
    const variables = await call({ path: "/templates/variables", group: "members" });
    expect(variables.body.deadline).toMatchObject({ type: "date" });
    expect(variables.body["contacts.onRecord"]).toMatchObject({ type: "list" });
    expect(variables.body["state.name"]).toMatchObject({ type: "text" });
  });
});
