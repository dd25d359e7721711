// An expired session in the console (audit 31, item 8): said once, with requests waiting for the person to sign in
// again and then sent with the new token, rather than each failing with "Authentication required".
import type { Middleware } from "openapi-fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bearer } from "../../console/src/api/bearer.ts";
import { currentSession, sessionOf } from "../../console/src/auth/session.ts";
import { sessionExpiry } from "../../console/src/auth/session-expiry.ts";

type OnRequest = NonNullable<Middleware["onRequest"]>;
type OnResponse = NonNullable<Middleware["onResponse"]>;

/** An unsigned access token with the claims the console reads. */
function token(group: string, expiresInSeconds: number, serial = 1): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const exp = Math.floor(Date.now() / 1000) + expiresInSeconds;
  return `${part({ alg: "none" })}.${part({ "cognito:groups": [group], exp, serial })}.sig`;
}

const signIn = (group: string, expiresInSeconds = 3600, serial = 1) =>
  currentSession.set(sessionOf(token(group, expiresInSeconds, serial)));

/** What the API saw: each request's token and body. */
const sent: { token: string | null; body: string }[] = [];
let answers: number[] = [];

/**
 * The API, as openapi-fetch reaches it. Like a browser's window.fetch, it refuses to be called as a method of another
 * object (Node's fetch does not mind, which hid audit 34's bug 1).
 */
async function fakeFetch(this: unknown, request: Request): Promise<Response> {
  if (this !== undefined && this !== globalThis) {
    throw new TypeError("Failed to execute 'fetch' on 'Window': Illegal invocation");
  }
  sent.push({ token: request.headers.get("authorization"), body: await request.text() });
  return new Response("{}", { status: answers.shift() ?? (request.method === "POST" ? 201 : 200) });
}

/** One request through the middleware as openapi-fetch runs it: onRequest, the fetch, onResponse. */
async function call(body?: string): Promise<Response> {
  const options = { fetch: fakeFetch } as unknown as Parameters<OnRequest>[0]["options"];
  const common = { schemaPath: "/waves", params: {}, id: "1", options };
  const request = new Request("http://desk.test/waves", { method: body ? "POST" : "GET", body });
  const ready = ((await (bearer.onRequest as OnRequest)({ request, ...common })) ?? request) as Request;
  const response = await fakeFetch(ready);
  return ((await (bearer.onResponse as OnResponse)({ request: ready, response, ...common })) ?? response) as Response;
}

const settled = () => new Promise((done) => setTimeout(done, 0));

afterEach(() => {
  currentSession.set(undefined);
  sent.length = 0;
  answers = [];
  vi.useRealTimers();
});

describe("an expired session", () => {
  it("on a 401, is said expired and holds the request until signed in again, then sends it with the new token", async () => {
    signIn("secretariat");
    const first = currentSession.value?.token;
    answers = [401];
    const told: boolean[] = [];
    const stop = sessionExpiry.subscribe((expired) => told.push(expired));
    const answer = call('{"name":"typed"}');
    await settled();
    expect(sessionExpiry.expired).toBe(true);
    expect(sent).toHaveLength(1);

    // A reading asked meanwhile waits too, rather than failing.
    const reading = call();
    await settled();
    expect(sent).toHaveLength(1);

    signIn("secretariat", 3600, 2);
    const second = currentSession.value?.token;
    expect(second).not.toBe(first);
    expect((await answer).status).toBe(201);
    expect((await reading).status).toBe(200);
    expect(sent[0]).toEqual({ token: `Bearer ${first}`, body: '{"name":"typed"}' });
    expect(sent.slice(1)).toEqual(
      expect.arrayContaining([
        { token: `Bearer ${second}`, body: '{"name":"typed"}' },
        { token: `Bearer ${second}`, body: "" },
      ]),
    );
    expect(sent).toHaveLength(3);
    expect(told).toEqual([true, false]);
    stop();
  });

  it("is said once however many requests meet the 401", async () => {
    signIn("secretariat");
    answers = [401, 401, 401];
    const told: boolean[] = [];
    const stop = sessionExpiry.subscribe((expired) => told.push(expired));
    const waiting = [call(), call(), call()];
    await settled();
    expect(told).toEqual([true]);
    currentSession.set(undefined);
    // Signed out instead: each request ends with the API's own 401.
    expect((await Promise.all(waiting)).map((answer) => answer.status)).toEqual([401, 401, 401]);
    stop();
  });

  it("sends again at once a request refused for a token already replaced", async () => {
    signIn("secretariat");
    answers = [401];
    const pending = call();
    signIn("secretariat", 3600, 2);
    expect((await pending).status).toBe(200);
    expect(sessionExpiry.expired).toBe(false);
    expect(sent).toHaveLength(2);
  });

  it("is expired when its token's expiry passes, before any request fails", async () => {
    vi.useFakeTimers();
    signIn("experts", 60);
    expect(sessionExpiry.expired).toBe(false);
    vi.advanceTimersByTime(59_000);
    expect(sessionExpiry.expired).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(sessionExpiry.expired).toBe(true);
  });

  it("is expired at once when signed in with a token already expired, and sends nothing until renewed", async () => {
    signIn("secretariat", -60);
    expect(sessionExpiry.expired).toBe(true);
    const reading = call();
    await settled();
    expect(sent).toEqual([]);
    signIn("secretariat", 3600, 2);
    expect((await reading).status).toBe(200);
    expect(sent).toEqual([{ token: `Bearer ${currentSession.value?.token}`, body: "" }]);
  });
});
