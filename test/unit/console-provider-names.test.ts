// Providers by name on the assistance pages: a provider object, and the provider keys in the report's words.
import { describe, expect, it } from "vitest";
import { providerKey } from "#shared/assistance/schemas.ts";
import { NO_NAMES, providerName, withProviderNames } from "../../console/src/pages/provider-names.ts";

const names = new Map([
  ["STATE:DEU", "Germany"],
  ["ORG:iaea", "International Atomic Energy Agency"],
]);

describe("providers by name", () => {
  it("names a State and an organization, and goes by the code while the names are read", () => {
    expect(providerName({ kind: "state", iso3: "DEU" }, names)).toBe("Germany");
    expect(providerName({ kind: "organization", id: "iaea" }, names)).toBe("International Atomic Energy Agency");
    expect(providerName({ kind: "state", iso3: "DEU" }, NO_NAMES)).toBe("DEU");
  });

  it("puts the API's provider keys in the report's last action as names", () => {
    const germany = providerKey({ kind: "state", iso3: "DEU" });
    const iaea = providerKey({ kind: "organization", id: "iaea" });
    expect(withProviderNames(`match declined (${germany})`, names)).toBe("match declined (Germany)");
    expect(withProviderNames(`match proposed (${iaea})`, names)).toBe(
      "match proposed (International Atomic Energy Agency)",
    );
    expect(withProviderNames("match accepted (organization:osce)", names)).toBe("match accepted (osce)");
    expect(withProviderNames("consent-window", names)).toBe("consent-window");
  });
});
