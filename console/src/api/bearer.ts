// The session's bearer token on every API request. While the session has expired a request waits for the person to
// sign in again, and a 401 is answered by signing in again and sending the request once more with the new token
// (auth/session-expiry.ts): a page's readings and a form's write carry on, rather than each saying the refusal.
import type { Middleware } from "openapi-fetch";
import { sessionExpiry } from "../auth/session-expiry.ts";

/** Each request as it was before it was sent (its body can be read once only), for sending it again. */
const unsent = new WeakMap<Request, Request>();

const tokenOf = (request: Request) => request.headers.get("authorization")?.replace(/^Bearer /, "");

export const bearer: Middleware = {
  async onRequest({ request }) {
    const session = await sessionExpiry.sessionToSend();
    if (session) request.headers.set("authorization", `Bearer ${session.token}`);
    unsent.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response, options }) {
    const copy = unsent.get(request);
    let answer = response;
    let token = tokenOf(request);
    while (answer.status === 401 && copy) {
      const renewed = await sessionExpiry.after401(token);
      if (!renewed) return answer;
      const again = copy.clone();
      again.headers.set("authorization", `Bearer ${renewed.token}`);
      token = renewed.token;
      answer = await options.fetch(again);
    }
    return answer;
  },
};
