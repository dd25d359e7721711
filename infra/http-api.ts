// The HTTP API's functions, one per route group of functions/api/groups.ts, each granted only what its routes need,
// and the gateway routes that send each group's paths to its function (ADR 0014).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Stage } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Construct } from "constructs";
import { openApiJsonOfEveryRoute } from "../functions/api/app.ts";
import { OPENAPI_FILE } from "../functions/api/docs.ts";
import { type RouteGroupName, routeGroupNames, routeGroups } from "../functions/api/groups.ts";
import { apiFunctionBuild } from "./api-function-build.ts";
import { type BundledFile, DeskFunction, projectRoot } from "./desk-function.ts";
import type { Mail } from "./mail.ts";
import { type DeskTables, grantTables, type TableGrants, tableEnvironment } from "./table-access.ts";
import type { WavePipeline } from "./wave-pipeline.ts";

export interface ApiFunctionsProps {
  tables: DeskTables;
  mail: Mail;
  wavePipeline: WavePipeline;
}

const swaggerUiFiles = [
  "swagger-ui.css",
  "swagger-ui-bundle.js",
  "swagger-ui-standalone-preset.js",
  "favicon-32x32.png",
];

/** The whole API's document, written from the routes' declarations once per synth: no client is built for it. */
const everyRouteDocument = await openApiJsonOfEveryRoute();

const logging = { POWERTOOLS_SERVICE_NAME: "desk-1540", POWERTOOLS_LOG_LEVEL: "INFO" };

/** A group's construct id: `records` -> `Records`. */
const idOf = (group: RouteGroupName) => group.charAt(0).toUpperCase() + group.slice(1);

export class ApiFunctions extends Construct implements Record<RouteGroupName, DeskFunction> {
  readonly records: DeskFunction;
  /** The records function's item actions, for assistance and the search (out of records to keep its bundle small). */
  readonly assistance: DeskFunction;
  /** The letter templates: out of correspondence to keep its bundle small; neither mail nor schedules. */
  readonly templates: DeskFunction;
  /** The only api function that may send mail (a wave's test copy) and manage schedules (a wave's own). */
  readonly correspondence: DeskFunction;
  readonly reports: DeskFunction;
  /** No table, no grant: it serves the document written at synth and the Swagger UI files beside its bundle. */
  readonly docs: DeskFunction;
  /** Reads only: a State's timeline (audit trail and letters) and the audit trail (ADR 0020). */
  readonly dossier: DeskFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);
    const { tables } = props;
    const withTables = { ...tableEnvironment(tables), ...logging };
    const groupFunction = (group: RouteGroupName, environment: Record<string, string>, files?: BundledFile[]) =>
      new DeskFunction(this, idOf(group), {
        entry: routeGroups[group].entry,
        description: routeGroups[group].description,
        environment,
        files,
        // Each route module a chunk of its own, read on its first request (ADR 0038).
        build: apiFunctionBuild(group),
      });

    // Item-level actions only: no Scan, no DeleteItem; a transaction is authorized per item action. The audit trail is
    // append-only for every api function; the records and assistance functions also read it.
    const recordsGrants = {
      desk: [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        // Reporting's rule-1 guards check the other obligation, and the assistance moves the request and the offer, in
        // the transaction that writes.
        "dynamodb:ConditionCheckItem",
      ],
      audit: ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"],
    } satisfies TableGrants;
    this.records = groupFunction("records", withTables);
    grantTables(this.records.role, tables, recordsGrants);
    // Split out of records with the same grants (ADR 0014, amended): its routes ran under the records role before.
    this.assistance = groupFunction("assistance", withTables);
    grantTables(this.assistance.role, tables, recordsGrants);

    // Audiences read contacts, organizations and assistance requests (queries and batch reads); waves and templates are
    // put and updated with their audit entries. The templates ran under the correspondence role before their split.
    const correspondenceGrants = {
      desk: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
      audit: ["dynamodb:PutItem"],
    } satisfies TableGrants;
    this.templates = groupFunction("templates", withTables);
    grantTables(this.templates.role, tables, correspondenceGrants);
    this.correspondence = groupFunction("correspondence", withTables);
    grantTables(this.correspondence.role, tables, correspondenceGrants);
    // Its only mail is a wave's test copy: to staff domains only. Letters to States go from wave-send, unrestricted.
    props.mail.grantSend(this.correspondence, { toStaffDomains: true });
    props.wavePipeline.grantWaveScheduling(this.correspondence);

    this.reports = groupFunction("reports", withTables);
    // What the snapshot function may do: read by key and index, and put a quarter's snapshot once (POST /snapshots);
    // it reads contacts' audit trails to date their verifications and e-mail status (ADR 0011).
    grantTables(this.reports.role, tables, {
      desk: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem"],
      audit: ["dynamodb:PutItem", "dynamodb:Query"],
    });

    this.dossier = groupFunction("dossier", withTables);
    grantTables(this.dossier.role, tables, {
      desk: ["dynamodb:GetItem", "dynamodb:Query"],
      audit: ["dynamodb:Query"],
    });

    this.docs = groupFunction("docs", logging, [
      ...swaggerUiFiles.map((file) => ({ from: `node_modules/swagger-ui-dist/${file}`, to: `swagger-ui/${file}` })),
      { from: writeOpenApiDocument(this), to: OPENAPI_FILE },
    ]);
  }

  /** Adds each group's gateway routes to the API, integrated with its function; answers the open ones by route key. */
  route(api: apigw.HttpApi): Map<string, apigw.HttpRoute> {
    const open = new Map<string, apigw.HttpRoute>();
    for (const group of routeGroupNames) {
      const integration = new HttpLambdaIntegration(`${idOf(group)}Integration`, this[group].function);
      for (const route of routeGroups[group].gateway) {
        const [added] = api.addRoutes({
          path: route.path,
          methods: [apigw.HttpMethod[route.method]],
          integration,
          // An open route takes no token, so it asks for no scope (the API's default scope is for the JWT routes).
          ...(route.open ? { authorizer: new apigw.HttpNoneAuthorizer(), authorizationScopes: [] } : {}),
        });
        if (route.open && added) open.set(`${route.method} ${route.path}`, added);
      }
    }
    return open;
  }
}

/**
 * Writes the whole API's OpenAPI document into the cloud assembly's directory, for the docs bundle to copy; answers the
 * file relative to the project root, as DeskFunction's `files` take it. Its content alone decides the asset's hash.
 */
function writeOpenApiDocument(scope: Construct): string {
  const outdir = Stage.of(scope)?.outdir;
  if (!outdir) throw new Error(`${scope.node.path} is not in an app: no directory to write ${OPENAPI_FILE} to`);
  const file = path.join(outdir, "api-docs", OPENAPI_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, everyRouteDocument);
  return path.relative(projectRoot, file);
}
