// What a group may do, from the route access the OpenAPI document declares (access.ts is generated from x-groups):
// the console offers an action only when the signed-in group may call its route.
import { routeAccess } from "../api/access.ts";

export const groups = ["secretariat", "experts", "members"] as const;
export type Group = (typeof groups)[number];
export type Operation = keyof typeof routeAccess;

export function isGroup(value: string): value is Group {
  return (groups as readonly string[]).includes(value);
}

export function may(group: Group | undefined, operation: Operation): boolean {
  const access: readonly string[] | "open" = routeAccess[operation];
  if (access === "open") return true;
  return group !== undefined && access.includes(group);
}
