// Stands in for zod's JSON Schema conversion (v4/core/to-json-schema.js, json-schema-processors.js and
// json-schema-generator.js) inside every function's bundle but api-docs' (infra/function-build.mjs, ADR 0050). zod's
// classic schemas import it for their `.toJSONSchema()` and `~standard.jsonSchema` methods, so esbuild keeps all of it
// (17 KB) though only the OpenAPI document's writer converts a schema, at synth. Every name the three modules export is
// here; each throws when called, so a function that starts converting fails loudly instead of shipping a broken answer.
// zod's classic string, number and date schemas read their limits through `aggregateChecks` (`.minLength`, `.format`),
// so that one is zod's own.
const notBundled = () => {
  throw new Error("zod's JSON Schema is not in this function's bundle (ADR 0050)");
};

export { aggregateChecks } from "../node_modules/zod/v4/core/json-schema-processors.js";

// A schema builds these methods when its `~standard` property is read, and calls them only to convert.
export const createToJSONSchemaMethod = () => notBundled;
export const createStandardJSONSchemaMethod = () => notBundled;

export class JSONSchemaGenerator {
  constructor() {
    notBundled();
  }
}

export {
  notBundled as allProcessors,
  notBundled as anyProcessor,
  notBundled as arrayProcessor,
  notBundled as bigintProcessor,
  notBundled as booleanProcessor,
  notBundled as catchProcessor,
  notBundled as customProcessor,
  notBundled as dateProcessor,
  notBundled as defaultProcessor,
  notBundled as enumProcessor,
  notBundled as extractDefs,
  notBundled as fileProcessor,
  notBundled as finalize,
  notBundled as functionProcessor,
  notBundled as handleUnrepresentable,
  notBundled as initializeContext,
  notBundled as intersectionProcessor,
  notBundled as lazyProcessor,
  notBundled as literalProcessor,
  notBundled as mapProcessor,
  notBundled as nanProcessor,
  notBundled as neverProcessor,
  notBundled as nonoptionalProcessor,
  notBundled as nullableProcessor,
  notBundled as nullProcessor,
  notBundled as numberProcessor,
  notBundled as objectProcessor,
  notBundled as optionalProcessor,
  notBundled as pipeProcessor,
  notBundled as prefaultProcessor,
  notBundled as process,
  notBundled as processSchema,
  notBundled as promiseProcessor,
  notBundled as readonlyProcessor,
  notBundled as recordProcessor,
  notBundled as setProcessor,
  notBundled as stringProcessor,
  notBundled as successProcessor,
  notBundled as symbolProcessor,
  notBundled as templateLiteralProcessor,
  notBundled as toJSONSchema,
  notBundled as transformProcessor,
  notBundled as tupleProcessor,
  notBundled as undefinedProcessor,
  notBundled as unionProcessor,
  notBundled as unknownProcessor,
  notBundled as voidProcessor,
};
