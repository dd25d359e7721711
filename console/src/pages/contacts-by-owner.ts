// The active contacts of some roles, by owner, for the pages that say whom letters would reach (poc-view.ts).
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";

type Contact = Schemas["Contact"];

/** Every active contact of these roles, by owner (`STATE:MLI`, `ORG:iaea`): one list route per role. */
export async function activeContactsByOwner(roles: readonly Contact["role"][]): Promise<Map<string, Contact[]>> {
  const lists = await Promise.all(
    roles.map((role) =>
      allPages(async (cursor) =>
        dataOf(
          await api.GET("/contacts", {
            params: { query: { role, active: "true", limit: "100", ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    ),
  );
  const byOwner = new Map<string, Contact[]>();
  for (const contact of lists.flat()) byOwner.set(contact.owner, [...(byOwner.get(contact.owner) ?? []), contact]);
  return byOwner;
}
