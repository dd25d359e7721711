// `npm run login`, `npm run -s token -- --stage` and `npm run users` against a stand-in of the Cognito endpoints they
// call (managed login's /oauth2/authorize and /oauth2/token with PKCE, and the cognito-idp JSON API), and
// `npm run search:rebuild` and `npm run migrate` against a stand-in DynamoDB endpoint, run as the commands are run: a
// Node process with its arguments, its environment and its exit code.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "../../infra/local/ports.ts";
import { bodyOf } from "../support/request-body.ts";
import { fromRoot } from "./desk-template.ts";

const CLIENT_ID = "staff-client-1";
const POOL_ID = "eu-west-1_Desk";
const SCOPE = "desk-1540/api";

/** A staff account as the stand-in keeps it: a new one waits for its first sign-in. */
interface StandInAccount {
  groups: Set<string>;
  status: "FORCE_CHANGE_PASSWORD" | "CONFIRMED" | "RESET_REQUIRED";
  enabled: boolean;
  /** An authenticator app (TOTP) is registered. */
  authenticator: boolean;
  /** How many times all its sessions were ended (AdminUserGlobalSignOut). */
  signedOut: number;
}

const standInAccount = (groups: string[], standing: Partial<StandInAccount> = {}): StandInAccount => ({
  groups: new Set(groups),
  status: "FORCE_CHANGE_PASSWORD",
  enabled: true,
  authenticator: false,
  signedOut: 0,
  ...standing,
});

/** What the stand-in knows and saw. */
interface CognitoStandIn {
  url: string;
  /** The stage's registered callback; each sign-in registers a fresh one (see `login`). */
  redirectUri: string;
  codes: Map<string, { challenge: string; redirectUri: string }>;
  refreshTokens: Set<string>;
  issued: number;
  tokenRequests: URLSearchParams[];
  idpCalls: { target: string; body: Record<string, unknown> }[];
  /** Each account, by username. */
  users: Map<string, StandInAccount>;
  /** The usernames an invitation (a temporary password) was e-mailed to, in order: created or sent again. */
  invitations: string[];
  /** These accounts' people sign in just after AdminGetUser answers for them (between a read and what follows). */
  signInAfterRead: Set<string>;
  /**
   * The next call of these actions fails as a network or permission failure would (then they work again);
   * "AdminCreateUser RESEND" is the invitation sent again.
   */
  failNext: Set<string>;
}

const jwt = (claims: Record<string, unknown>) =>
  ["{}", JSON.stringify(claims), "sig"].map((part) => Buffer.from(part).toString("base64url")).join(".");

function startStandIn(): Promise<{ server: Server; cognito: CognitoStandIn }> {
  const cognito: CognitoStandIn = {
    url: "",
    redirectUri: "",
    codes: new Map(),
    refreshTokens: new Set(),
    issued: 0,
    tokenRequests: [],
    idpCalls: [],
    users: new Map(),
    invitations: [],
    signInAfterRead: new Set(),
    failNext: new Set(),
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, body, headers });
  const tokens = (withRefresh: boolean) => {
    cognito.issued += 1;
    const refresh = `refresh-${cognito.issued}`;
    if (withRefresh) cognito.refreshTokens.add(refresh);
    return {
      access_token: jwt({ token_use: "access", client_id: CLIENT_ID, scope: `openid ${SCOPE}`, n: cognito.issued }),
      id_token: jwt({ token_use: "id", email: "ana@un.example" }),
      ...(withRefresh ? { refresh_token: refresh } : {}),
      expires_in: 3600,
      token_type: "Bearer",
    };
  };
  const handle = async (request: IncomingMessage) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    if (request.method === "GET" && url.pathname === "/oauth2/authorize") {
      const q = url.searchParams;
      const { redirectUri } = cognito;
      const ok =
        q.get("client_id") === CLIENT_ID &&
        q.get("redirect_uri") === redirectUri &&
        q.get("response_type") === "code" &&
        q.get("code_challenge_method") === "S256" &&
        (q.get("scope") ?? "").split(" ").includes(SCOPE);
      if (!ok) return json(400, { error: "invalid_request" });
      // The person signed in (password and TOTP): the page sends the browser back with a code.
      const code = `code-${cognito.codes.size + 1}`;
      cognito.codes.set(code, { challenge: q.get("code_challenge") ?? "", redirectUri });
      const back = new URL(redirectUri);
      back.search = new URLSearchParams({ code, state: q.get("state") ?? "" }).toString();
      return { status: 302, body: undefined, headers: { location: back.toString() } };
    }
    if (request.method === "POST" && url.pathname === "/oauth2/token") {
      const form = new URLSearchParams(await bodyOf(request));
      cognito.tokenRequests.push(form);
      if (form.get("client_id") !== CLIENT_ID) return json(400, { error: "invalid_client" });
      if (form.get("grant_type") === "authorization_code") {
        const issued = cognito.codes.get(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        const challenge = createHash("sha256").update(verifier).digest("base64url");
        if (!issued || issued.challenge !== challenge || form.get("redirect_uri") !== issued.redirectUri) {
          return json(400, { error: "invalid_grant" });
        }
        cognito.codes.delete(form.get("code") ?? "");
        return json(200, tokens(true));
      }
      if (form.get("grant_type") === "refresh_token") {
        if (!cognito.refreshTokens.has(form.get("refresh_token") ?? "")) return json(400, { error: "invalid_grant" });
        return json(200, tokens(false));
      }
      return json(400, { error: "unsupported_grant_type" });
    }
    const target = String(request.headers["x-amz-target"] ?? "");
    if (request.method === "POST" && target.startsWith("AWSCognitoIdentityProviderService.")) {
      const body = JSON.parse(await bodyOf(request)) as Record<string, unknown>;
      const action = target.split(".")[1] ?? "";
      cognito.idpCalls.push({ target: action, body });
      if (!String(request.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256")) {
        return json(403, { __type: "UnrecognizedClientException", message: "unsigned" });
      }
      if (cognito.failNext.delete(body.MessageAction === "RESEND" ? `${action} RESEND` : action)) {
        return json(400, { __type: "AccessDeniedException", message: `not allowed to perform cognito-idp:${action}` });
      }
      const username = String(body.Username);
      if (action === "AdminCreateUser" && body.MessageAction === undefined) {
        if (cognito.users.has(username)) {
          return json(400, { __type: "UsernameExistsException", message: "User account already exists" });
        }
        cognito.users.set(username, standInAccount([]));
        cognito.invitations.push(username);
        return json(200, { User: { Username: username, UserStatus: "FORCE_CHANGE_PASSWORD" } });
      }
      const account = cognito.users.get(username);
      if (!account) return json(400, { __type: "UserNotFoundException", message: "User does not exist." });
      const { groups } = account;
      if (action === "AdminCreateUser" && body.MessageAction === "RESEND") {
        // As Cognito: only an account still waiting for its first sign-in is sent its invitation again.
        if (account.status !== "FORCE_CHANGE_PASSWORD") {
          return json(400, { __type: "UnsupportedUserStateException", message: "User is not in a valid state" });
        }
        cognito.invitations.push(username);
        return json(200, { User: { Username: username, UserStatus: account.status } });
      }
      if (action === "AdminGetUser") {
        const mfa = account.authenticator ? { UserMFASettingList: ["SOFTWARE_TOKEN_MFA"] } : {};
        const answer = { Username: username, UserStatus: account.status, Enabled: account.enabled, ...mfa };
        if (cognito.signInAfterRead.delete(username)) account.status = "CONFIRMED";
        return json(200, answer);
      }
      if (action === "AdminListGroupsForUser") {
        // One group a page, so the command must follow NextToken.
        const names = [...groups].sort();
        const at = Number(body.NextToken ?? 0);
        const next = at + 1 < names.length ? { NextToken: String(at + 1) } : {};
        return json(200, { Groups: names.slice(at, at + 1).map((GroupName) => ({ GroupName })), ...next });
      }
      if (action === "AdminAddUserToGroup") {
        groups.add(String(body.GroupName));
        return json(200, {});
      }
      if (action === "AdminRemoveUserFromGroup") {
        groups.delete(String(body.GroupName));
        return json(200, {});
      }
      if (action === "AdminUserGlobalSignOut") {
        account.signedOut += 1;
        return json(200, {});
      }
      if (action === "AdminDeleteSoftwareToken") {
        account.authenticator = false;
        return json(200, {});
      }
    }
    return json(404, { error: "not found" });
  };
  const server = createServer((request, response) => {
    handle(request).then(
      ({ status, body, headers }) => {
        const type = request.headers["x-amz-target"] ? "application/x-amz-json-1.1" : "application/json";
        response.writeHead(status, { "content-type": type, ...headers });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      },
      () => response.writeHead(500).end(),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      cognito.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ server, cognito });
    });
  });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command's entry as npm does (`node --import tsx <file> ...args`). */
function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onStderr?: (text: string, child: ChildProcess) => void,
) {
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", fromRoot(file), ...args], {
      cwd: fromRoot("."),
      env: { PATH: process.env.PATH, HOME: env.XDG_CONFIG_HOME, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr, child);
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let server: Server;
let cognito: CognitoStandIn;
let dir: string;
let env: NodeJS.ProcessEnv;

/** The stage's outputs as `cdk deploy --outputs-file stages/test.json` writes them. */
function writeStageOutputs(redirectUri: string) {
  return writeFile(
    path.join(dir, "test.json"),
    JSON.stringify({
      "Desk1540-test-Stateful": { deskTableTableName: "x" },
      "Desk1540-test-Stateless": {
        Region: "eu-west-1",
        UserPoolId: POOL_ID,
        UserPoolClientId: CLIENT_ID,
        LoginDomainUrl: cognito.url,
        LoginRedirectUri: redirectUri,
        ApiScope: SCOPE,
        ApiUrl: "https://d111.cloudfront.net",
      },
    }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "desk-cli-"));
  ({ server, cognito } = await startStandIn());
  await writeStageOutputs("http://127.0.0.1:15400/callback");
  env = {
    DESK_STAGES_DIR: dir,
    XDG_CONFIG_HOME: path.join(dir, "config"),
    AWS_ACCESS_KEY_ID: "AKIDSTANDIN",
    AWS_SECRET_ACCESS_KEY: "secret",
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
});

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

const tokenPath = () => path.join(dir, "config", "desk-1540", "test.json");

/**
 * Signs in as a browser would: opens the printed address and follows the redirect to the terminal's listener. The
 * callback's port is chosen just before, on 127.0.0.1 (not `localhost`, which may listen on one address family while
 * another process in the run holds the port on the other, and then takes the redirect).
 */
async function login(): Promise<Run> {
  const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
  cognito.redirectUri = redirectUri;
  await writeStageOutputs(redirectUri);
  let opened = false;
  return run("infra/cli/login.ts", ["--stage", "test", "--no-browser"], env, (stderr) => {
    const address = /(http:\/\/127\.0\.0\.1:\d+\/oauth2\/authorize\?\S+)/.exec(stderr)?.[1];
    if (!address || opened) return;
    opened = true;
    fetch(address)
      .then((page) => page.text())
      .catch(() => {});
  });
}

describe("npm run login", () => {
  it("explains itself with --help", async () => {
    const help = await run("infra/cli/login.ts", ["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run login -- --stage <name>");
    expect(help.stdout).toContain("authenticator");
    expect(help.stdout).toContain("~/.config/desk-1540/<name>.json");
  });

  it("refuses to run without a stage, and names a stage that was never deployed", async () => {
    expect((await run("infra/cli/login.ts", [], env)).code).toBe(2);
    const missing = await run("infra/cli/login.ts", ["--stage", "prod"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--outputs-file stages/prod.json");
  });

  it("signs in with the code and its PKCE verifier, and keeps the tokens readable by the person only", async () => {
    const result = await login();
    expect(result.stderr).toContain("Signed in to test as ana@un.example");
    expect(result.code).toBe(0);
    const exchange = cognito.tokenRequests.at(-1);
    expect(exchange?.get("grant_type")).toBe("authorization_code");
    expect(exchange?.get("code_verifier")).toMatch(/^[\w-]{43}$/);
    expect(exchange?.has("client_secret")).toBe(false);
    const stored = JSON.parse(await readFile(tokenPath(), "utf8")) as Record<string, string>;
    expect(stored.refreshToken).toBe(`refresh-${cognito.issued}`);
    expect(Date.parse(stored.expiresAt ?? "")).toBeGreaterThan(Date.now() + 3500_000);
    expect((await stat(tokenPath())).mode & 0o777).toBe(0o600);
  });
});

describe("npm run -s token -- --stage", () => {
  beforeEach(async () => {
    if (cognito.issued === 0) expect((await login()).code).toBe(0);
  });

  it("prints the stored access token while it is valid, and nothing else", async () => {
    const stored = JSON.parse(await readFile(tokenPath(), "utf8")) as Record<string, string>;
    const before = cognito.tokenRequests.length;
    const result = await run("infra/local/token.ts", ["--stage", "test"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${stored.accessToken}\n`);
    expect(cognito.tokenRequests).toHaveLength(before);
  });

  it("refreshes an expired access token, stores it, and keeps the refresh token", async () => {
    const stored = JSON.parse(await readFile(tokenPath(), "utf8")) as Record<string, string>;
    await writeFile(tokenPath(), JSON.stringify({ ...stored, expiresAt: new Date(Date.now() - 1000).toISOString() }));
    const result = await run("infra/local/token.ts", ["--stage", "test"], env);
    expect(result.code).toBe(0);
    expect(cognito.tokenRequests.at(-1)?.get("grant_type")).toBe("refresh_token");
    const refreshed = JSON.parse(await readFile(tokenPath(), "utf8")) as Record<string, string>;
    expect(result.stdout).toBe(`${refreshed.accessToken}\n`);
    expect(refreshed.accessToken).not.toBe(stored.accessToken);
    expect(refreshed.refreshToken).toBe(stored.refreshToken);
    expect((await stat(tokenPath())).mode & 0o777).toBe(0o600);
  });

  it("asks the person to sign in again when the refresh token is refused", async () => {
    const stored = JSON.parse(await readFile(tokenPath(), "utf8")) as Record<string, string>;
    await writeFile(tokenPath(), JSON.stringify({ ...stored, expiresAt: new Date(0).toISOString() }));
    cognito.refreshTokens.clear();
    const result = await run("infra/local/token.ts", ["--stage", "test"], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("npm run login -- --stage test");
  });

  it("still mints local tokens by group without --stage", async () => {
    const result = await run("infra/local/token.ts", ["nobody"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("npm run -s token -- --stage <name>");
  });
});

describe("npm run users", () => {
  const users = (args: string[]) => run("infra/cli/users.ts", [...args, "--stage", "test"], env);
  const calls = () => cognito.idpCalls.map((call) => call.target);
  const groupsOf = (email: string) => [...(cognito.users.get(email)?.groups ?? [])].sort();
  const sentAgain = (email: string) => ({
    target: "AdminCreateUser",
    body: { UserPoolId: POOL_ID, Username: email, MessageAction: "RESEND", DesiredDeliveryMediums: ["EMAIL"] },
  });
  const invitedAgainWords = "invitation sent again: a new temporary password, valid 3 days";
  beforeEach(() => {
    cognito.idpCalls.length = 0;
    cognito.invitations.length = 0;
    cognito.failNext.clear();
  });

  it("explains itself with --help", async () => {
    const help = await run("infra/cli/users.ts", ["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("invite <email> --group <secretariat|experts|members> --stage <name>");
    expect(help.stdout).toContain("move <email> --group <secretariat|experts|members> --stage <name>");
    expect(help.stdout).toContain("reset-mfa <email> --stage <name>");
    expect(help.stdout).toContain("reset-mfa needs\nAdminGetUser, AdminUserGlobalSignOut and AdminDeleteSoftwareToken");
    expect(help.stdout).toContain("temporary password (valid 3 days)");
    expect(help.stdout).toContain("it sends the invitation again with a new temporary");
    expect(help.stdout).toContain(
      "cognito-idp:AdminCreateUser (which also sends an invitation again), AdminGetUser,\n" +
        "AdminListGroupsForUser, AdminAddUserToGroup and AdminRemoveUserFromGroup",
    );
  });

  it("invites a person: creates the account with a verified e-mail, Cognito mails the password, and adds the group", async () => {
    const result = await users(["invite", "ana@un.example", "--group", "experts"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Invited ana@un.example to test in the experts group");
    expect(cognito.idpCalls).toEqual([
      {
        target: "AdminCreateUser",
        body: {
          UserPoolId: POOL_ID,
          Username: "ana@un.example",
          UserAttributes: [
            { Name: "email", Value: "ana@un.example" },
            { Name: "email_verified", Value: "true" },
          ],
          DesiredDeliveryMediums: ["EMAIL"],
        },
      },
      {
        target: "AdminAddUserToGroup",
        body: { UserPoolId: POOL_ID, Username: "ana@un.example", GroupName: "experts" },
      },
    ]);
    expect(groupsOf("ana@un.example")).toEqual(["experts"]);
    expect(cognito.invitations).toEqual(["ana@un.example"]);
  });

  it("invited again before the first sign-in (the password may have expired), sends the invitation again", async () => {
    const again = await users(["invite", "ana@un.example", "--group", "experts"]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      "ana@un.example already has an account on test, already in experts. They had not signed in yet: invitation " +
        "sent again: a new temporary password, valid 3 days (the one e-mailed before no longer works).\n",
    );
    expect(calls()).toEqual(["AdminCreateUser", "AdminGetUser", "AdminListGroupsForUser", "AdminCreateUser"]);
    expect(cognito.idpCalls.at(-1)).toEqual(sentAgain("ana@un.example"));
    expect(cognito.invitations).toEqual(["ana@un.example"]);
    expect(groupsOf("ana@un.example")).toEqual(["experts"]);
  });

  it("never sends an invitation again to an account in use: says so, and changes nothing", async () => {
    const ana = cognito.users.get("ana@un.example");
    if (ana) ana.status = "CONFIRMED";
    const again = await users(["invite", "ana@un.example", "--group", "experts"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      "ana@un.example already has an account on test, already in experts; no invitation sent: the account is in use " +
        "(they have signed in and chosen a password).\n",
    );
    expect(calls()).toEqual(["AdminCreateUser", "AdminGetUser", "AdminListGroupsForUser"]);
    expect(cognito.invitations).toEqual([]);
  });

  it.each([
    ["CONFIRMED", "the account is in use (they have signed in and chosen a password)"],
    ["RESET_REQUIRED", 'they must choose a new password: at sign-in, "Forgot your password?" e-mails them a code'],
  ] as const)(
    "adds a signed-in account (%s) left in no group to its group, and sends it nothing",
    async (status, why) => {
      const email = `${status.toLowerCase().replace("_", "-")}@un.example`;
      cognito.users.set(email, standInAccount([], { status }));
      const again = await users(["invite", email, "--group", "members"]);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(
        `${email} already had an account on test, in no desk group: added to members; no invitation sent: ${why}.\n`,
      );
      expect(groupsOf(email)).toEqual(["members"]);
      expect(cognito.invitations).toEqual([]);
    },
  );

  it("sends nothing to a person who signs in between the account's read and the invitation (Cognito refuses it)", async () => {
    cognito.users.set("eve@un.example", standInAccount(["members"]));
    cognito.signInAfterRead.add("eve@un.example");
    const again = await users(["invite", "eve@un.example", "--group", "members"]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already in members; no invitation sent: the account is in use");
    expect(cognito.idpCalls.at(-1)).toEqual(sentAgain("eve@un.example"));
    expect(cognito.invitations).toEqual([]);
  });

  it("refuses a disabled account: sends nothing, changes nothing, and names how to enable it", async () => {
    cognito.users.set("fay@un.example", standInAccount([], { enabled: false }));
    const refused = await users(["invite", "fay@un.example", "--group", "members"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(
      "fay@un.example already has an account on test, but it is disabled; nothing changed and no invitation sent. " +
        "If they should have access again, enable it, then run this command again:\n" +
        "  aws cognito-idp admin-enable-user --user-pool-id eu-west-1_Desk --username fay@un.example " +
        "--region eu-west-1\n",
    );
    expect(calls()).toEqual(["AdminCreateUser", "AdminGetUser"]);
    expect(groupsOf("fay@un.example")).toEqual([]);
    expect(cognito.invitations).toEqual([]);
  });

  it("says so when the invitation could not be sent again after the group step, and the same command sends it", async () => {
    cognito.users.set("gus@un.example", standInAccount([]));
    cognito.failNext.add("AdminCreateUser RESEND");
    const stopped = await users(["invite", "gus@un.example", "--group", "members"]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(
      "gus@un.example already had an account on test, in no desk group: added to members, but the invitation was " +
        "not sent again (not allowed to perform cognito-idp:AdminCreateUser). Run the same command again to finish " +
        "it:\n  npm run users -- invite gus@un.example --group members --stage test",
    );
    expect(groupsOf("gus@un.example")).toEqual(["members"]);
    expect(cognito.invitations).toEqual([]);

    const resumed = await users(["invite", "gus@un.example", "--group", "members"]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      `already has an account on test, already in members. They had not signed in yet: ${invitedAgainWords}`,
    );
    expect(cognito.invitations).toEqual(["gus@un.example"]);
  });

  it("says where a first run stopped after creating the account, and the same command run again adds the group", async () => {
    cognito.failNext.add("AdminAddUserToGroup");
    const stopped = await users(["invite", "bo@un.example", "--group", "members"]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain("bo@un.example's account was created but is in no group yet");
    expect(stopped.stderr).toContain(
      "Run the same command again to finish it:\n  npm run users -- invite bo@un.example --group members --stage test",
    );
    expect(groupsOf("bo@un.example")).toEqual([]);

    cognito.idpCalls.length = 0;
    const resumed = await users(["invite", "bo@un.example", "--group", "members"]);
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      "bo@un.example already had an account on test, in no desk group: added to members. They had not signed in " +
        `yet: ${invitedAgainWords}`,
    );
    expect(calls()).toEqual([
      "AdminCreateUser",
      "AdminGetUser",
      "AdminListGroupsForUser",
      "AdminAddUserToGroup",
      "AdminCreateUser",
    ]);
    expect(groupsOf("bo@un.example")).toEqual(["members"]);
    // The first e-mail's password was replaced by the second's.
    expect(cognito.invitations).toEqual(["bo@un.example", "bo@un.example"]);
  });

  it("refuses to invite an account into a second group, and names the move that would change it", async () => {
    const refused = await users(["invite", "ana@un.example", "--group", "members"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ana@un.example already has an account on test, in experts; nothing changed.");
    expect(refused.stderr).toContain("acts with the widest");
    expect(refused.stderr).toContain("npm run users -- move ana@un.example --group members --stage test");
    expect(calls()).toEqual(["AdminCreateUser", "AdminGetUser", "AdminListGroupsForUser"]);
    expect(groupsOf("ana@un.example")).toEqual(["experts"]);
    expect(cognito.invitations).toEqual([]);
  });

  it("moves an account: out of its old group first, then into the new one", async () => {
    const moved = await users(["move", "ana@un.example", "--group", "secretariat"]);
    expect(moved.stderr).toBe("");
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain("Moved ana@un.example on test from experts to secretariat.");
    expect(moved.stdout).toContain("Access tokens issued before keep experts until they expire (an hour at most)");
    expect(cognito.idpCalls.slice(1)).toEqual([
      {
        target: "AdminRemoveUserFromGroup",
        body: { UserPoolId: POOL_ID, Username: "ana@un.example", GroupName: "experts" },
      },
      {
        target: "AdminAddUserToGroup",
        body: { UserPoolId: POOL_ID, Username: "ana@un.example", GroupName: "secretariat" },
      },
    ]);
    expect(groupsOf("ana@un.example")).toEqual(["secretariat"]);
  });

  it("stopped halfway, leaves the account in no group rather than the wider one, and finishes when run again", async () => {
    // Put in two groups by hand (the AWS console), so acting as the secretariat.
    cognito.users.set("cy@un.example", standInAccount(["secretariat", "members"]));
    cognito.failNext.add("AdminAddUserToGroup");
    const stopped = await users(["move", "cy@un.example", "--group", "experts"]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain("The move of cy@un.example stopped halfway");
    expect(stopped.stderr).toContain("npm run users -- move cy@un.example --group experts --stage test");
    expect(calls()).toEqual([
      "AdminListGroupsForUser",
      "AdminListGroupsForUser",
      "AdminRemoveUserFromGroup",
      "AdminRemoveUserFromGroup",
      "AdminAddUserToGroup",
    ]);
    expect(groupsOf("cy@un.example")).toEqual([]);

    const resumed = await users(["move", "cy@un.example", "--group", "experts"]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe("Moved cy@un.example on test from no desk group to experts.\n");
    expect(groupsOf("cy@un.example")).toEqual(["experts"]);

    cognito.idpCalls.length = 0;
    const again = await users(["move", "cy@un.example", "--group", "experts"]);
    expect(again.stdout).toBe("cy@un.example is already in experts alone on test; nothing changed.\n");
    expect(calls()).toEqual(["AdminListGroupsForUser"]);
  });

  it("refuses to move a person who has no account, and names the invitation", async () => {
    const refused = await users(["move", "dee@un.example", "--group", "members"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("dee@un.example has no account on test; nothing changed.");
    expect(refused.stderr).toContain("npm run users -- invite dee@un.example --group members --stage test");
    expect(cognito.users.has("dee@un.example")).toBe(false);
  });

  it("resets a lost authenticator: signs the person out everywhere first, then removes the app", async () => {
    cognito.users.set("ivy@un.example", standInAccount(["experts"], { status: "CONFIRMED", authenticator: true }));
    const reset = await users(["reset-mfa", "ivy@un.example"]);
    expect(reset.stderr).toBe("");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toBe(
      "ivy@un.example is signed out everywhere on test and their authenticator app is removed. At their next " +
        "sign-in, after their password, they enrol a new one. Access tokens issued before stay valid until they " +
        "expire (an hour at most).\n",
    );
    expect(calls()).toEqual(["AdminGetUser", "AdminUserGlobalSignOut", "AdminDeleteSoftwareToken"]);
    expect(cognito.idpCalls.at(-1)?.body).toEqual({ UserPoolId: POOL_ID, Username: "ivy@un.example" });
    expect(cognito.users.get("ivy@un.example")).toMatchObject({ authenticator: false, signedOut: 1 });
    expect(groupsOf("ivy@un.example")).toEqual(["experts"]);
  });

  it("stopped between sign-out and removal, says so, and the same command finishes it", async () => {
    cognito.users.set("jo@un.example", standInAccount(["members"], { status: "CONFIRMED", authenticator: true }));
    cognito.failNext.add("AdminDeleteSoftwareToken");
    const stopped = await users(["reset-mfa", "jo@un.example"]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain("The reset of jo@un.example's authenticator stopped halfway");
    expect(stopped.stderr).toContain("npm run users -- reset-mfa jo@un.example --stage test");
    expect(cognito.users.get("jo@un.example")).toMatchObject({ authenticator: true, signedOut: 1 });
    const again = await users(["reset-mfa", "jo@un.example"]);
    expect(again.code).toBe(0);
    expect(cognito.users.get("jo@un.example")).toMatchObject({ authenticator: false, signedOut: 2 });
    // Run once more with nothing registered: signed out again, no removal asked for.
    cognito.idpCalls.length = 0;
    const none = await users(["reset-mfa", "jo@un.example"]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("signed out everywhere on test; no authenticator app was registered.");
    expect(calls()).toEqual(["AdminGetUser", "AdminUserGlobalSignOut"]);
  });

  it("refuses to reset the authenticator of no account, or of a disabled one, changing nothing", async () => {
    const nobody = await users(["reset-mfa", "kim@un.example"]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toBe("kim@un.example has no account on test; nothing changed.\n");
    cognito.users.set(
      "lee@un.example",
      standInAccount(["members"], { status: "CONFIRMED", authenticator: true, enabled: false }),
    );
    cognito.idpCalls.length = 0;
    const disabled = await users(["reset-mfa", "lee@un.example"]);
    expect(disabled.code).toBe(1);
    expect(disabled.stderr).toContain("lee@un.example's account on test is disabled; nothing changed.");
    expect(calls()).toEqual(["AdminGetUser"]);
    expect(cognito.users.get("lee@un.example")).toMatchObject({ authenticator: true, signedOut: 0 });
  });

  it("refuses a bad command, group or address before any call", async () => {
    const bad = await users(["invite", "not-an-address", "--group", "admins"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"not-an-address" is not an e-mail address');
    expect(bad.stderr).toContain("--group must be one of secretariat, experts, members");
    const unknown = await users(["promote", "ana@un.example", "--group", "members"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "promote" (invite, move or reset-mfa)');
    const grouped = await users(["reset-mfa", "ana@un.example", "--group", "members"]);
    expect(grouped.code).toBe(2);
    expect(grouped.stderr).toContain("reset-mfa takes no --group (the account keeps its group)");
    const none = await run("infra/cli/users.ts", [], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^No command given\n\nUsage: npm run users -- invite/);
    expect(cognito.idpCalls).toEqual([]);
  });
});

describe("npm run search:rebuild and npm run migrate against a deployed table", () => {
  /** A stand-in DynamoDB endpoint that refuses every call and keeps the region each was signed for (SigV4 scope). */
  async function dynamoStandIn() {
    const regions: string[] = [];
    const standIn = createServer((request, response) => {
      const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/dynamodb\//.exec(request.headers.authorization ?? "");
      regions.push(scope?.[1] ?? "unsigned");
      response.writeHead(400, { "content-type": "application/x-amz-json-1.0" });
      response.end(JSON.stringify({ __type: "com.amazon.coral.validate#ValidationException", message: "stand-in" }));
    });
    await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
    return { regions, standIn, url: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}` };
  }

  it("reach the table in the region of the operator's profile, not us-east-1", async () => {
    const { regions, standIn, url } = await dynamoStandIn();
    const configFile = path.join(dir, "aws-config");
    // The profile holds the credentials too: with AWS_PROFILE set, the SDK takes them from it.
    await writeFile(
      configFile,
      "[profile desk-ops]\nregion = eu-west-3\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret\n",
    );
    const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, ...withoutKeys } = env;
    const deployed = {
      ...withoutKeys,
      AWS_PROFILE: "desk-ops",
      AWS_CONFIG_FILE: configFile,
      DESK_TABLE: "Desk1540-test-Stateful-desk-1",
      AUDIT_TABLE: "Desk1540-test-Stateful-audit-1",
      DYNAMODB_ENDPOINT: url,
    };
    try {
      const rebuild = await run("infra/local/search-rebuild.ts", [], deployed);
      const migrate = await run("infra/local/migrate.ts", [], deployed);
      expect(rebuild.code).not.toBe(0);
      expect(migrate.code).not.toBe(0);
      expect(regions.length).toBeGreaterThanOrEqual(2);
      expect(new Set(regions)).toEqual(new Set(["eu-west-3"]));
    } finally {
      standIn.close();
    }
  });

  it("migrate explains itself with --help and refuses an unknown option with its usage", async () => {
    const help = await run("infra/local/migrate.ts", ["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run migrate [-- --from <position>]");
    expect(help.stdout).toContain("DESK_TABLE=<desk table> AUDIT_TABLE=<audit table>");
    const unknown = await run("infra/local/migrate.ts", ["--form", "x"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--form'");
    expect(unknown.stderr).toContain("Usage: npm run migrate");
  });
});
