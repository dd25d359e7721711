// How an HTTP API picks the route for a request, by API Gateway's documented priority: a full match of path and method
// first (a literal segment before a `{variable}`, a named method before ANY), then a greedy `{proxy+}` match (the
// longest prefix first). The route table is checked against the synthesized API with it, and the local server sends
// each request where the gateway would.

/** A route key of an HTTP API: `ANY` or one method, and a path whose last segment may be greedy (`{proxy+}`). */
export interface GatewayRouteKey {
  method: string;
  path: string;
}

interface Match {
  /** Per matched segment of the route's path (the greedy one left out): literal or variable. */
  literal: boolean[];
  greedy: boolean;
  anyMethod: boolean;
}

const VARIABLE = /^\{\w+\}$/;
const GREEDY = /^\{\w+\+\}$/;

function matchOf(route: GatewayRouteKey, method: string, segments: readonly string[]): Match | undefined {
  if (route.method !== "ANY" && route.method !== method) return undefined;
  const parts = route.path.split("/").slice(1);
  const last = parts.at(-1) ?? "";
  const greedy = GREEDY.test(last);
  const fixed = greedy ? parts.slice(0, -1) : parts;
  // A greedy variable takes the rest, which must not be empty (`/{proxy+}` takes no `/`); without one the lengths agree.
  if (greedy ? !segments.slice(fixed.length).join("/") : segments.length !== fixed.length) return undefined;
  const literal: boolean[] = [];
  for (const [index, part] of fixed.entries()) {
    const segment = segments[index] ?? "";
    if (VARIABLE.test(part)) {
      if (!segment) return undefined;
      literal.push(false);
    } else if (part === segment) literal.push(true);
    else return undefined;
  }
  return { literal, greedy, anyMethod: route.method === "ANY" };
}

/** Negative when `a` is the more specific match. */
function compare(a: Match, b: Match): number {
  if (a.greedy !== b.greedy) return a.greedy ? 1 : -1;
  if (a.literal.length !== b.literal.length) return b.literal.length - a.literal.length;
  for (const [index, literal] of a.literal.entries()) {
    if (literal !== b.literal[index]) return literal ? -1 : 1;
  }
  if (a.anyMethod !== b.anyMethod) return a.anyMethod ? 1 : -1;
  return 0;
}

/** The route the gateway sends `method path` to, or undefined where it would answer 404 itself. */
export function selectGatewayRoute<R extends GatewayRouteKey>(
  routes: readonly R[],
  method: string,
  path: string,
): R | undefined {
  const segments = path.split("/").slice(1);
  let best: { route: R; match: Match } | undefined;
  for (const route of routes) {
    const match = matchOf(route, method.toUpperCase(), segments);
    if (match && (!best || compare(match, best.match) < 0)) best = { route, match };
  }
  return best?.route;
}
