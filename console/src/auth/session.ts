// The signed-in session, in memory only: a reload signs out, and no token ever reaches storage a script could read.
import { type Group, isGroup } from "./access.ts";

export interface Session {
  token: string;
  group: Group;
  username: string;
  /** Seconds since the epoch, from the token's `exp`. */
  expiresAt: number;
}

type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();

export const currentSession = {
  value: undefined as Session | undefined,
  set(session: Session | undefined): void {
    this.value = session;
    for (const listener of listeners) listener(session);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * The account is in none of the desk's groups (an invitation whose second step failed, or a person taken out of
 * them): said in words the person can act on, and it ends a session rather than being tried again.
 */
export class NoDeskGroup extends Error {
  constructor() {
    super(
      "Your account is in no desk group: ask the desk's administrator to add you to one (secretariat, experts or members).",
    );
  }
}

/**
 * The group and name the API will see, read from the access token's claims. The signature is the API's to check;
 * the console only decides what to offer.
 */
export function sessionOf(token: string): Session {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("Not a JWT");
  const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  const claims = JSON.parse(json) as {
    "cognito:groups"?: unknown;
    email?: unknown;
    username?: unknown;
    exp?: unknown;
  };
  const groups = Array.isArray(claims["cognito:groups"]) ? claims["cognito:groups"] : [];
  // A user in several groups acts with the widest: the API admits a route if any of the token's groups may call it.
  const group = (["secretariat", "experts", "members"] as const).find((name) => groups.includes(name));
  if (!group || !isGroup(group)) throw new NoDeskGroup();
  return {
    token,
    group,
    // The person as the API names them (shared/auth/token-claims.ts): the e-mail the deployed pool's trigger adds, as
    // Cognito's own username there is a generated id.
    username:
      typeof claims.email === "string" ? claims.email : typeof claims.username === "string" ? claims.username : group,
    expiresAt: typeof claims.exp === "number" ? claims.exp : 0,
  };
}
