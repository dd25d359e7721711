// The OpenAPI 3.1 document, generated from the routes' own zod schemas so it cannot drift from validation.
import * as z from "zod";
import { problemSchema } from "./problem.ts";
import type { RouteDeclaration } from "./route.ts";

type JsonSchema = Record<string, unknown>;
type Spec = RouteDeclaration;

interface Converter {
  schemas: Record<string, JsonSchema>;
  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema;
}

/** Named schemas (`.meta({ id })`) become components; their `$defs` references are rewritten to point there. */
function converter(): Converter {
  const schemas: Record<string, JsonSchema> = {};
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) =>
          key === "$ref" && typeof inner === "string"
            ? [key, inner.replace(/^#\/\$defs\//, "#/components/schemas/")]
            : [key, rewrite(inner)],
        ),
      );
    }
    return value;
  };
  return {
    schemas,
    convert(schema, io) {
      const { $schema: _, $defs, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any", reused: "inline" });
      for (const [id, def] of Object.entries($defs ?? {})) schemas[id] = rewrite(def) as JsonSchema;
      const id = z.globalRegistry.get(schema)?.id;
      if (id) {
        // A named root may come back as a bare reference to its own $defs entry, already kept above.
        if (!("$ref" in json)) schemas[id] = rewrite(json) as JsonSchema;
        return { $ref: `#/components/schemas/${id}` };
      }
      return rewrite(json) as JsonSchema;
    },
  };
}

function parameters(spec: Spec, convert: Converter["convert"]) {
  const list: JsonSchema[] = [];
  const add = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!(schema instanceof z.ZodObject)) return;
    const json = convert(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        description: property.description,
        schema: property,
      });
    }
  };
  add(spec.params, "path");
  add(spec.query, "query");
  return list;
}

/** The problem answers a route can give, from what it declares. */
function problemStatuses(spec: Spec): Record<number, string> {
  const statuses: Record<number, string> = { 400: "Malformed path, query or body" };
  if (spec.access !== "open") {
    statuses[401] = "No valid bearer token";
    statuses[403] = `Only ${spec.access.join(", ")} may call this`;
  }
  if (spec.params) statuses[404] = "No such resource";
  if (spec.body) {
    statuses[413] = "Body too large";
    statuses[415] = "Body not in a supported media type";
    statuses[422] = "Body fails validation; `errors` lists each field path";
  }
  if (spec.requiresIfMatch) {
    statuses[412] = "The If-Match ETag is no longer current";
    statuses[428] = "If-Match is required";
  }
  if (spec.method !== "GET") statuses[409] = "Duplicate or illegal state transition";
  return statuses;
}

export function openApiDocument(
  declarations: readonly RouteDeclaration[],
  info: { title: string; version: string; description: string },
) {
  const convert = converter();
  const paths: Record<string, Record<string, unknown>> = {};
  const problemRef = convert.convert(problemSchema, "output");
  for (const spec of declarations) {
    const responses: Record<string, unknown> = {};
    for (const response of spec.responses) {
      const contentType = response.contentType ?? "application/json";
      responses[response.status] = {
        description: response.description,
        headers: response.etag
          ? { ETag: { description: "Send it back as If-Match to update", schema: { type: "string" } } }
          : undefined,
        content: response.schema
          ? { [contentType]: { schema: convert.convert(response.schema, "output") } }
          : undefined,
      };
    }
    for (const [status, description] of Object.entries(problemStatuses(spec))) {
      responses[status] = { description, content: { "application/problem+json": { schema: problemRef } } };
    }
    const operation: Record<string, unknown> = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.tag],
      parameters: [
        ...parameters(spec, convert.convert),
        ...(spec.requiresIfMatch
          ? [{ name: "If-Match", in: "header", required: true, schema: { type: "string" } }]
          : []),
      ],
      responses,
      security: spec.access === "open" ? [] : [{ bearer: [] }],
      "x-groups": spec.access === "open" ? undefined : spec.access,
    };
    if (spec.body) {
      const schema = convert.convert(spec.body, "input");
      operation.requestBody = {
        required: true,
        content: Object.fromEntries((spec.bodyTypes ?? ["application/json"]).map((type) => [type, { schema }])),
      };
    }
    paths[spec.path] ??= {};
    (paths[spec.path] as Record<string, unknown>)[spec.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      schemas: convert.schemas,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A Cognito access token" },
      },
    },
  };
}
