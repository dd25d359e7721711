// The staff console on the local stack: built with Vite when its sources changed, served under /console/ from the
// local API's own origin (so no CORS), with a strict Content-Security-Policy; and the local sign-in's token route.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { isGroup, issueToken, type JwtKeys } from "./jwt.ts";

// Not stack.ts's REPO_ROOT: the stack imports this module.
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CONSOLE_ROOT = join(REPO_ROOT, "console");
export const CONSOLE_DIST = join(CONSOLE_ROOT, "dist");
/** Where the console lives on the API's origin; every API route is outside it. */
export const CONSOLE_BASE = "/console/";
/** The local sign-in's token route (console/src/auth/local-sign-in.tsx): on the local gateway only, never deployed. */
export const LOCAL_TOKEN_PATH = "/console/local-token";
const SOURCE_STAMP = ".source-hash";
// The console signs in for a working session; a reload signs in again.
const TOKEN_SECONDS = 3600;

/** No script or style but the console's own files, nothing framed, no plug-ins, forms and fetches to this origin. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const CONSOLE_HEADERS: Record<string, string> = {
  "content-security-policy": CONSOLE_CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** A hash of everything the build reads from console/ (dist excluded), so `npm start` rebuilds only on a change. */
export function consoleSourceHash(): string {
  const hash = createHash("sha256");
  const inputs = [
    join(CONSOLE_ROOT, "index.html"),
    join(CONSOLE_ROOT, "tsconfig.json"),
    ...filesUnder(join(CONSOLE_ROOT, "src")),
  ];
  for (const file of inputs.sort()) {
    hash.update(relative(CONSOLE_ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  // The toolchain is an input too: another Vite or Preact gives another bundle.
  for (const pkg of ["vite", "preact", "openapi-fetch"]) {
    hash.update(readFileSync(join(REPO_ROOT, "node_modules", pkg, "package.json")));
  }
  return hash.digest("hex");
}

export interface ConsoleBuild {
  built: boolean;
  /** Milliseconds the build took, 0 when the existing build was current. */
  ms: number;
}

const stampPath = (distDir: string) => join(distDir, SOURCE_STAMP);

/** Whether the build in `distDir` was built from these sources. */
function builtFrom(hash: string, distDir: string): boolean {
  const stamp = stampPath(distDir);
  return existsSync(stamp) && readFileSync(stamp, "utf8") === hash && existsSync(join(distDir, "index.html"));
}

/**
 * Builds the local console into `distDir` (console/dist, what `npm start` serves) unless the build there was made
 * from the same sources.
 */
export async function ensureConsoleBuilt(
  log: (line: string) => void = () => undefined,
  distDir = CONSOLE_DIST,
): Promise<ConsoleBuild> {
  const hash = consoleSourceHash();
  if (builtFrom(hash, distDir)) return { built: false, ms: 0 };
  log("building the console (its sources changed)");
  const started = performance.now();
  await buildConsole({ localSignIn: true, outDir: distDir });
  writeFileSync(stampPath(distDir), hash);
  return { built: true, ms: Math.round(performance.now() - started) };
}

/**
 * `ensureConsoleBuilt` for `npm start`, the build itself in a child process at the lowest CPU priority: Vite holds its
 * thread's event loop for most of a build (a second at a time, measured), and on two cores its 2 s of CPU would be
 * taken from DynamoDB Local and the seed; at nice 19 it uses what they leave idle (ADR 0037).
 */
export async function ensureConsoleBuiltAside(
  log: (line: string) => void = () => undefined,
  distDir = CONSOLE_DIST,
): Promise<ConsoleBuild> {
  if (builtFrom(consoleSourceHash(), distDir)) return { built: false, ms: 0 };
  log("building the console (its sources changed)");
  const started = performance.now();
  const [{ spawn }, { setPriority }] = await Promise.all([import("node:child_process"), import("node:os")]);
  const script =
    `const { ensureConsoleBuilt } = await import(${JSON.stringify(import.meta.url)}); ` +
    `await ensureConsoleBuilt(undefined, ${JSON.stringify(distDir)});`;
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const stopChild = () => child.kill();
    process.once("exit", stopChild);
    try {
      if (child.pid) setPriority(child.pid, 19);
    } catch {
      // A system that refuses to lower a child's priority still builds the console, at the normal one.
    }
    let errors = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      errors = (errors + chunk).slice(-2000);
    });
    child.once("error", fail);
    child.once("exit", (code) => {
      process.off("exit", stopChild);
      if (code === 0) done();
      else fail(new Error(`the console's build stopped with exit code ${code}: ${errors.trim()}`));
    });
  });
  return { built: true, ms: Math.round(performance.now() - started) };
}

/** One Vite build; `localSignIn` keeps the local issuer's sign-in page, which any other build leaves out. */
export async function buildConsole(opts: { localSignIn: boolean; outDir?: string }): Promise<void> {
  const { build } = await import("vite");
  await build({
    root: CONSOLE_ROOT,
    base: CONSOLE_BASE,
    configFile: false,
    logLevel: "warn",
    define: { __LOCAL_SIGN_IN__: JSON.stringify(opts.localSignIn) },
    // A production build whatever NODE_ENV says: under vitest ("test") Vite would otherwise make a development build
    // (the JSX dev runtime, the sources' paths in it), which `npm start` would then serve as current.
    oxc: { jsx: { runtime: "automatic", importSource: "preact", development: false } },
    build: {
      outDir: opts.outDir ?? CONSOLE_DIST,
      emptyOutDir: true,
      target: "es2022",
      // No inline assets: a data: URL for a script would need a looser CSP.
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      minify: true,
    },
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
) {
  res.statusCode = status;
  for (const [name, value] of Object.entries({ ...CONSOLE_HEADERS, ...extra })) res.setHeader(name, value);
  res.setHeader("content-type", type);
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
      if (text.length > 1024) req.destroy(new Error("too large"));
    });
    req.once("end", () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(undefined);
      }
    });
    req.once("error", reject);
  });
}

/**
 * A token for the group the local sign-in page asks for. JSON only and same-origin only: another site's page can
 * neither post JSON here without a preflight nor read the answer.
 */
async function mintToken(req: IncomingMessage, res: ServerResponse, jwtKeys: JwtKeys): Promise<void> {
  const json = { "cache-control": "no-store" };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`) {
    return send(res, 403, "application/json", '{"message":"Cross-origin requests may not sign in"}', json);
  }
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
    return send(res, 415, "application/json", '{"message":"Send {\\"group\\": ...} as application/json"}', json);
  }
  const body = await readJson(req);
  const group = typeof body === "object" && body !== null && "group" in body ? String(body.group) : "";
  if (!isGroup(group))
    return send(res, 422, "application/json", '{"message":"group: secretariat, experts or members"}', json);
  const token = await issueToken(jwtKeys, { group, expiresInSeconds: TOKEN_SECONDS });
  send(res, 201, "application/json", JSON.stringify({ token }), json);
}

/** A malformed escape names no file: it gets index.html like any unknown path. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "";
  }
}

/**
 * The local gateway's front door for the console: answers (and returns true for) `/console` and everything under it,
 * leaves every other path to the API. Unknown paths under /console/ get index.html, so a deep link still loads.
 */
export function consoleSite(opts: { jwtKeys: JwtKeys; distDir?: string }) {
  const distDir = opts.distDir ?? CONSOLE_DIST;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path !== "/console" && !path.startsWith(CONSOLE_BASE)) return false;
    const method = req.method ?? "GET";
    if (path === LOCAL_TOKEN_PATH && method === "POST") {
      await mintToken(req, res, opts.jwtKeys);
      return true;
    }
    if (method !== "GET" && method !== "HEAD") {
      send(res, 405, "text/plain; charset=utf-8", "Method not allowed", { allow: "GET, HEAD" });
      return true;
    }
    if (path === "/console") {
      send(res, 308, "text/plain; charset=utf-8", "", { location: CONSOLE_BASE });
      return true;
    }
    const index = join(distDir, "index.html");
    if (!existsSync(index)) {
      send(
        res,
        503,
        "text/plain; charset=utf-8",
        "The console is not built yet: npm start builds it when its sources change (a line says when it is ready), " +
          "or run npm run console:build",
        { "retry-after": "2" },
      );
      return true;
    }
    const wanted = normalize(join(distDir, decodedPath(path.slice(CONSOLE_BASE.length))));
    const inside = wanted.startsWith(`${distDir}${sep}`) && !wanted.endsWith(SOURCE_STAMP);
    const file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : index;
    // Hashed assets never change under their name; index.html must be asked for again to find new ones.
    const caching = file === index ? "no-cache" : "public, max-age=31536000, immutable";
    send(res, 200, CONTENT_TYPES[extname(file)] ?? "application/octet-stream", readFileSync(file), {
      "cache-control": caching,
    });
    return true;
  };
}
