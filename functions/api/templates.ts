// The templates group: the letter templates, their languages and previews. Out of correspondence to keep its bundle
// under ADR 0014's limit (it sends no mail and manages no schedule); it comes right before correspondence in the
// table, so the OpenAPI document and README's access table keep their order. Each route module is loaded on the
// first request for one of its routes (ADR 0024).
import type { Logger } from "@aws-lambda-powertools/logger";
import { lazyRoutes, type RouteModule } from "#shared/http/route.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { templateTable } from "./routes/correspondence.tables.ts";

export const templatesModules: readonly RouteModule<TableDependencies>[] = [
  { table: templateTable, load: () => import("./routes/templates.ts") },
];

export function createTemplatesHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(lazyRoutes(templatesModules, deps), deps.logger);
}
