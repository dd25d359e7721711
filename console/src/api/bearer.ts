// The session's bearer token on every API request. While the session has expired a request waits for the person to
// sign in again, and a 401 is answered by signing in again and sending the request once more with the new token
// (auth/session-expiry.ts): a page's readings and a form's write carry on, rather than each saying the refusal.
import type { Middleware } from "openapi-fetch";
import { sessionExpiry } from "../auth/session-expiry.ts";

/** How to send each request again with another token. */
const resend = new WeakMap<Request, (token: string) => Request>();

const tokenOf = (request: Request) => request.headers.get("authorization")?.replace(/^Bearer /, "");

export const bearer: Middleware = {
  async onRequest({ request }) {
    const session = await sessionExpiry.sessionToSend();
    // The body read once, as text, so each sending has its own (a cloned body is a stream, which a browser neither
    // shows in its tools nor sends as it sent the text).
    const body = request.body === null ? null : await request.text();
    const withToken = (token: string | undefined) => {
      const sent = new Request(request, { body });
      if (token) sent.headers.set("authorization", `Bearer ${token}`);
      return sent;
    };
    const first = withToken(session?.token);
    resend.set(first, withToken);
    return first;
  },
  async onResponse({ request, response, options }) {
    // Called as a plain function, as openapi-fetch calls it: the window's fetch called as a method of the options
    // object is refused by the browser ("Illegal invocation").
    const { fetch } = options;
    const again = resend.get(request);
    let answer = response;
    let token = tokenOf(request);
    while (answer.status === 401 && again) {
      const renewed = await sessionExpiry.after401(token);
      if (!renewed) return answer;
      token = renewed.token;
      answer = await fetch(again(token));
    }
    return answer;
  },
};
