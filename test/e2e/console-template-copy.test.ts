// Copying a letter template from its page, in Debian's Chromium against the local stack: the secretariat copies the
// programme's outreach letter (a general text staff adapt to each outreach) to a new id and lands on the copy's page,
// the API holding the same letters; a double press makes one template; the form opens and closes from the keyboard;
// an id that exists is refused at the field in words, before sending and when the API's 409 says it.
import { describe, expect, it } from "vitest";
import {
  apiRequests,
  consoleBrowser,
  focusedElement,
  keepScreenshot,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

const desk = consoleBrowser({ expectedErrors: /status of 409/ });
const { signIn, troubles, go } = desk;
const api = secretariatApi(desk);

const OUTREACH = "programme-outreach-letter";
const focusedId = async (page: Parameters<typeof focusedElement>[0]) => (await focusedElement(page)).id;

describe("copying a template", { timeout: 120_000 }, () => {
  it("copies the outreach letter to a new template, once, and says an id that exists at the field", async () => {
    const page = await signIn("secretariat", { at: `#/templates/${OUTREACH}` });
    await page.getByRole("heading", { name: `Template ${OUTREACH}` }).waitFor();
    await settled(page);
    const action = page.getByRole("button", { name: "Copy to a new template" });
    const id = page.getByLabel("New template's id");
    const create = page.getByRole("button", { name: "Create the new template" });

    // Opened, the keyboard is in the id, suggested free; Escape gives the focus back to the action.
    await action.click();
    await expect.poll(() => focusedId(page)).toBe("copy-id");
    expect(await id.inputValue()).toBe(`${OUTREACH}-copy`);
    await page.keyboard.press("Escape");
    await expect.poll(() => focusedId(page)).toBe("copy-template");

    await page.keyboard.press("Enter");
    await expect.poll(() => focusedId(page)).toBe("copy-id");
    await id.fill("outreach-letter-chad");
    const posted = apiRequests(desk.stack, "POST", "/templates");
    await create.dblclick();
    await page.getByRole("heading", { name: "Template outreach-letter-chad" }).waitFor();
    expect(page.url()).toContain("#/templates/outreach-letter-chad");
    expect(posted()).toHaveLength(1);
    const [original, copy] = await Promise.all([
      api("GET", `/templates/${OUTREACH}`),
      api("GET", "/templates/outreach-letter-chad"),
    ]);
    expect(copy.status).toBe(200);
    expect(copy.body.variants).toEqual(original.body.variants);
    expect([copy.body.kind, copy.body.fallbackLanguage, copy.body.description]).toEqual([
      original.body.kind,
      original.body.fallbackLanguage,
      original.body.description,
    ]);

    // The id just made is refused before sending; one a colleague takes while the form is open, by the API's 409.
    await go(page, `#/templates/${OUTREACH}`);
    await page.getByRole("heading", { name: `Template ${OUTREACH}` }).waitFor();
    await action.click();
    await id.fill("outreach-letter-chad");
    const refused = apiRequests(desk.stack, "POST", "/templates");
    await create.click();
    const problem = page.locator("#copy-id-problem");
    await problem.getByText("“outreach-letter-chad” exists already").waitFor();
    expect(refused()).toEqual([]);

    const { createdAt: _, updatedAt: __, ...content } = original.body;
    expect((await api("POST", "/templates", { ...content, id: "outreach-letter-mali" })).status).toBe(201);
    const asked = apiRequests(desk.stack, "POST", "/templates");
    await id.fill("outreach-letter-mali");
    await create.click();
    await problem.getByText("“outreach-letter-mali”").waitFor();
    expect(await problem.textContent()).toBe(
      "A template with the id “outreach-letter-mali” exists already: choose another, e.g. outreach-letter-mali-2.",
    );
    expect(asked()).toEqual([expect.stringMatching(/^POST \/templates 409 /)]);
    await expect.poll(() => focusedId(page)).toBe("copy-id");
    expect(page.url()).toContain(`#/templates/${OUTREACH}`);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, "template-copy-taken-id-1280.png");
    await page.close();
  });

  it("had no console error, page error or CSP report", () => {
    expect(troubles).toEqual([]);
  });
});
