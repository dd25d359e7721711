// Every function's package carries the names letters are written with, beside its bundle, where
// shared/locale/names.ts reads them on the first letter; the bundle itself no longer holds them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { DeskFunction } from "../../infra/desk-function.ts";
import { LOCALE_FILES } from "../../shared/locale/names.ts";
import { logicalId, newApp, resource } from "./desk-template.ts";

describe("a DeskFunction's package", () => {
  it("holds the locale files beside the bundle, as the source tree has them", () => {
    const app = newApp({ bundle: true });
    const stack = new Stack(app, "LocaleFiles");
    const fn = new DeskFunction(stack, "Letters", {
      entry: "functions/wave-sweep/handler.ts",
      description: "bundled for the test",
      environment: {},
    });
    const template = Template.fromStack(stack);
    const code = resource(template, logicalId(stack, fn.function)).Properties.Code as { S3Key: string };
    const assetDir = path.join(app.synth().directory, `asset.${code.S3Key.replace(/\.zip$/, "")}`);
    for (const file of LOCALE_FILES) {
      const source = readFileSync(new URL(`../../shared/locale/${file}`, import.meta.url), "utf8");
      expect(readFileSync(path.join(assetDir, file), "utf8"), file).toBe(source);
    }
    expect(readFileSync(path.join(assetDir, "index.mjs"), "utf8")).not.toContain("Afghanistan");
  }, 120_000);
});
