// The UN regional groups in words, as the States list offers them and the snapshots' diff names its groups. Pure, for
// Node too.
import type { components } from "../api/schema";

type Region = components["schemas"]["State"]["region"];

export const REGIONS: Record<Region, string> = {
  african: "African",
  "asia-pacific": "Asia-Pacific",
  "eastern-european": "Eastern European",
  grulac: "Latin American and Caribbean",
  weog: "Western European and others",
};
