/**
 * Calls the local API as one signed-in user: a JSON body in, the answer's status, ETag ("" when it has none) and JSON
 * body out. `apiUrl` and `token` are read at each call: the stack and its token are made in a `beforeAll`.
 */
export function apiCaller<Answer>(apiUrl: () => string, token: () => string | Promise<string>) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${apiUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      etag: response.headers.get("etag") ?? "",
      body: (await response.json()) as Answer,
    };
  };
}
