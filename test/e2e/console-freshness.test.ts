// What a page shows after a change, in Debian's Chromium against the local stack: a State's contacts read again when
// its language of letters changes (they follow it), and a reading's refusal said with the field errors the API gave.
import { describe, expect, it } from "vitest";
import { consoleBrowser, type Json, keepScreenshot, secretariatApi, settled } from "../support/console-browser.ts";

// 400: the States search refused on purpose.
const desk = consoleBrowser({ expectedErrors: /status of 400/ });
const { signIn, troubles } = desk;

const api = secretariatApi(desk);

describe("the console keeps what it shows fresh", { timeout: 120_000 }, () => {
  it("reads Angola's contacts again when its language of letters changes: its Permanent Mission follows to French", async () => {
    const contacts: Json[] = (await api("GET", "/contacts?owner=STATE:AGO")).body.items;
    const mission = contacts.find((contact) => contact.role === "permanent-mission" && contact.active);
    expect(mission?.language).toBe("en");

    const page = await signIn("secretariat", { at: "#/states/AGO" });
    await page.getByRole("heading", { name: "Angola (AGO)" }).waitFor();
    await settled(page);
    const row = page.getByRole("region", { name: "Contacts" }).getByRole("row").filter({ hasText: mission.email });
    await row.getByRole("cell", { name: "English", exact: true }).waitFor();

    const form = page.getByRole("form", { name: "Language of letters" });
    await form.getByLabel("Language of letters").selectOption("fr");
    await form.getByRole("button", { name: "Change the language of letters" }).click();
    await page.getByText("Letters to Angola go in French, confirmed by the secretariat.").waitFor();
    const followed = (await api("GET", `/contacts/${mission.id}`)).body;
    expect(followed.language).toBe("fr");
    await row.getByRole("cell", { name: "French", exact: true }).waitFor();

    // The list holds the contact as the change left it: verifying it is not refused as changed since listed.
    await row.getByRole("button", { name: `Verify ${mission.name}` }).click();
    await expect
      .poll(async () => (await api("GET", `/contacts/${mission.id}`)).body.updatedAt)
      .not.toBe(followed.updatedAt);
    expect(await page.getByRole("region", { name: "Contacts" }).getByRole("alert").count()).toBe(0);
    await keepScreenshot(page, "state-language-contacts-follow-1280.png");
    await page.close();
  });

  it("says why the States search refused a query, in the API's words for its field", async () => {
    const page = await signIn("secretariat", { at: "#/states?q=a" });
    const refusal = page.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("q: must have a word of at least 2 letters or digits");
    await keepScreenshot(page, "states-search-refused-1280.png", { windowOnly: true });
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(troubles).toEqual([]);
  });
});
