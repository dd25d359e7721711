// The States list's order (console/src/pages/states-order.ts): by name, as the Committee lists Member States, where
// the API gives them by ISO code.
import { describe, expect, it } from "vitest";
import { inNameOrder } from "../../console/src/pages/states-order.ts";

describe("the States list", () => {
  it("reads by name, an accented letter beside its plain one, and leaves the API's list as it was", () => {
    const byCode = [
      { iso3: "AFG", name: "Afghanistan" },
      { iso3: "AGO", name: "Angola" },
      { iso3: "ALB", name: "Albania" },
      { iso3: "ARE", name: "United Arab Emirates" },
      { iso3: "CIV", name: "Côte d'Ivoire" },
      { iso3: "CRI", name: "Costa Rica" },
      { iso3: "HRV", name: "Croatia" },
    ];
    expect(inNameOrder(byCode).map((state) => state.name)).toEqual([
      "Afghanistan",
      "Albania",
      "Angola",
      "Costa Rica",
      "Côte d'Ivoire",
      "Croatia",
      "United Arab Emirates",
    ]);
    expect(byCode[1]?.iso3).toBe("AGO");
  });
});
