// An entity's latest audit entries, newest first, read to name who did what a page's refused write met (a colleague's
// move of a wave, an adoption). Only the secretariat reads the trail: callers ask for those who may.
import { api, dataOf } from "../api/client.ts";

/** The entries of `entity` (`<type>:<id>`); none when they cannot be read: the refusal stands without a name. */
export async function entityTrail(entity: string) {
  try {
    return dataOf(await api.GET("/audit", { params: { query: { entity, limit: "20" } } })).items;
  } catch {
    return [];
  }
}
