// The words of a refusal by group (403), said here once for the router's route access and for what a search may
// read: whom a route is for, and what the token named (a token naming no group of the desk is told so, not only whom
// the route is for).
import { listed } from "../listed.ts";
import type { Group } from "./actor.ts";

const groupsWords = (groups: readonly Group[]) =>
  groups.length === 1 ? `the group ${groups[0]}` : `the groups ${listed(groups)}`;

/** `access` is the route's groups; `groups` the token's groups of the desk (none when it names only others). */
export function routeRefusal(route: string, access: readonly Group[], groups: readonly Group[]): string {
  if (groups.length === 0) {
    const needed = access.length === 1 ? `the group ${access[0]}` : `one of the groups ${access.join(", ")}`;
    return `The token names no group of the desk: ${route} needs ${needed}`;
  }
  return `${route} is for ${groupsWords(access)}; the token names ${groupsWords(groups)}`;
}

/** What only the secretariat may search, each kind said in the plural ("contacts", "assistance requests"). */
export function searchRefusal(kinds: readonly string[]): string {
  return `Only the secretariat may search ${listed(kinds.map((kind) => `${kind.replaceAll("-", " ")}s`))}`;
}
