// X-Ray tracing for every function without the X-Ray SDK (ADR 0018): the handler's run and each AWS SDK call become
// subsegments of the invocation's trace, sent to Lambda's X-Ray daemon over UDP as Powertools Tracer would lay them
// out. Off wherever there is no sampled trace (locally, in tests, with POWERTOOLS_TRACE_ENABLED=false).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { Socket } from "node:dgram";
import { createRequire } from "node:module";
import type { MetadataBearer, MiddlewareStack } from "@smithy/types";
import { lazy } from "../lazy.ts";

/** The invocation's trace, from the header Lambda sets for each invocation when active tracing samples it. */
export interface TraceContext {
  traceId: string;
  /** Lambda's own segment for the invocation: the parent of the handler's subsegment. */
  parentId: string;
}

/** A document of the X-Ray segment format: one subsegment, sent on its own as the SDKs stream them. */
export interface Subsegment {
  name: string;
  id: string;
  trace_id: string;
  parent_id: string;
  type: "subsegment";
  start_time: number;
  end_time: number;
  namespace?: "aws";
  annotations?: Record<string, string | number | boolean>;
  aws?: Record<string, unknown>;
  http?: { response: { status: number } };
  error?: boolean;
  fault?: boolean;
  cause?: { exceptions: { message: string; type: string }[] };
}

type Environment = Record<string, string | undefined>;

/** The sampled trace of the invocation under way, or undefined when nothing is to be traced. */
export function sampledTrace(env: Environment): TraceContext | undefined {
  if (env.POWERTOOLS_TRACE_ENABLED === "false") return undefined;
  const fields = new Map(
    (env._X_AMZN_TRACE_ID ?? "").split(";").map((field) => field.split("=", 2) as [string, string | undefined]),
  );
  const traceId = fields.get("Root");
  const parentId = fields.get("Parent");
  if (fields.get("Sampled") !== "1" || !traceId || !parentId) return undefined;
  return { traceId, parentId };
}

/** `host:port`, or the daemon's `udp:host:port tcp:host:port` form; Lambda's daemon by default. */
function daemonAddress(env: Environment): { host: string; port: number } {
  const raw = env.AWS_XRAY_DAEMON_ADDRESS ?? "127.0.0.1:2000";
  const udp =
    raw
      .split(/\s+/)
      .find((part) => part.startsWith("udp:"))
      ?.slice(4) ?? raw;
  const at = udp.lastIndexOf(":");
  return { host: udp.slice(0, at), port: Number(udp.slice(at + 1)) };
}

/** Synchronous, unlike import(), so a trace is on its way before the invocation ends and Lambda freezes the process. */
const loadBuiltin = createRequire(import.meta.url);

const HEADER = '{"format": "json", "version": 1}\n';
const seconds = (ms: number) => ms / 1000;
const newId = () => randomBytes(8).toString("hex");

/** What an SDK v3 call answers, or fails with: the HTTP status, the request id, how many attempts it took. */
interface CallMetadata {
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

export interface Tracer {
  /** The handler, its run traced as `## <name>` with the ColdStart and Service annotations. */
  handler<Event, Result, Rest extends unknown[]>(
    handler: (event: Event, ...rest: Rest) => Promise<Result>,
    name?: string,
  ): (event: Event, ...rest: Rest) => Promise<Result>;
  /** The client, each of its calls traced as a subsegment of the handler's (service, operation, status, request id). */
  captureClient<Client extends { middlewareStack: unknown }>(client: Client): Client;
}

export function createTracer(env: Environment, send?: (document: Subsegment) => void): Tracer {
  const within = new AsyncLocalStorage<{ trace: TraceContext; parentId: string }>();
  let coldStart = true;
  const socket = lazy((): Socket => {
    // Loaded with the first trace sent, not at import: most invocations send none, and no cold start need compile it.
    const { createSocket } = loadBuiltin("node:dgram") as typeof import("node:dgram");
    const udp = createSocket("udp4");
    // Tracing must never keep an invocation, or a test, from ending.
    udp.unref();
    return udp;
  });
  const emit =
    send ??
    ((document: Subsegment) => {
      const { host, port } = daemonAddress(env);
      // Fire and forget, as the X-Ray SDK does: a trace lost on the way costs nothing but the trace.
      socket().send(HEADER + JSON.stringify(document), port, host, () => undefined);
    });

  const failure = (error: unknown) => ({
    exceptions: [
      {
        message: error instanceof Error ? error.message : String(error),
        type: error instanceof Error ? error.name : typeof error,
      },
    ],
  });

  return {
    handler(handler, name = "handler") {
      return async (event, ...rest) => {
        const wasCold = coldStart;
        coldStart = false;
        const trace = sampledTrace(env);
        if (!trace) return handler(event, ...rest);
        const id = newId();
        const started = Date.now();
        const document = (): Subsegment => ({
          name: `## ${name}`,
          id,
          trace_id: trace.traceId,
          parent_id: trace.parentId,
          type: "subsegment",
          start_time: seconds(started),
          end_time: seconds(Date.now()),
          annotations: { ColdStart: wasCold, Service: env.POWERTOOLS_SERVICE_NAME ?? "desk-1540" },
        });
        try {
          const result = await within.run({ trace, parentId: id }, () => handler(event, ...rest));
          emit(document());
          return result;
        } catch (error) {
          emit({ ...document(), fault: true, cause: failure(error) });
          throw error;
        }
      };
    },

    captureClient(client) {
      // Every client's stack takes an initialize-step middleware; its own types differ per service only in the shapes.
      (client.middlewareStack as MiddlewareStack<object, MetadataBearer>).add(
        (next, context) => async (args) => {
          const current = within.getStore();
          if (!current) return next(args);
          const started = Date.now();
          const service = (context.clientName ?? "AWS").replace(/Client$/, "");
          const operation = (context.commandName ?? "call").replace(/Command$/, "");
          const document = (metadata: CallMetadata["$metadata"] = {}): Subsegment => ({
            name: service,
            id: newId(),
            trace_id: current.trace.traceId,
            parent_id: current.parentId,
            type: "subsegment",
            namespace: "aws",
            start_time: seconds(started),
            end_time: seconds(Date.now()),
            aws: {
              operation,
              region: env.AWS_REGION,
              request_id: metadata.requestId,
              retries: Math.max(0, (metadata.attempts ?? 1) - 1),
            },
            ...(metadata.httpStatusCode ? { http: { response: { status: metadata.httpStatusCode } } } : {}),
          });
          try {
            const result = await next(args);
            emit(document(result.output.$metadata));
            return result;
          } catch (error) {
            const metadata = (error as CallMetadata).$metadata;
            // A 4xx is the caller's error (a failed condition, a throttle), a 5xx or no answer the service's fault.
            const clientError = (metadata?.httpStatusCode ?? 500) < 500;
            emit({ ...document(metadata), [clientError ? "error" : "fault"]: true, cause: failure(error) });
            throw error;
          }
        },
        { step: "initialize", name: "deskXRayTrace" },
      );
      return client;
    },
  };
}

/** The functions' tracer, made on first use from the process's environment (Lambda's trace header, its daemon). */
export const tracer = lazy(() => createTracer(process.env));
