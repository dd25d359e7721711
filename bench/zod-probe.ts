// What zod costs a cold start, measured apart from the desk's code: the same object schemas built at import with
// zod's classic API (what the desk uses) and with zod/mini, once and a hundred times, bundled as deployed.
import { join } from "node:path";
import { type Bundle, bundleSource } from "./bundles.ts";
import { type ColdStart, measureColdStarts } from "./cold-start.ts";

/** A schema shaped like the desk's (a contact): strings with checks, an enum, an e-mail, a date, an array. */
export const classicSchema = `z.object({
  id: z.string().min(1),
  owner: z.string().regex(/^STATE:[A-Z]{3}$/),
  role: z.enum(["capital-poc", "mission-poc", "provider-poc"]),
  name: z.string().trim().max(200),
  email: z.email().max(254),
  count: z.number().int().min(0).optional(),
  on: z.iso.date(),
  tags: z.array(z.string()).max(10),
  active: z.boolean(),
})`;

export const miniSchema = `z.object({
  id: z.string().check(z.minLength(1)),
  owner: z.string().check(z.regex(/^STATE:[A-Z]{3}$/)),
  role: z.enum(["capital-poc", "mission-poc", "provider-poc"]),
  name: z.string().check(z.trim(), z.maxLength(200)),
  email: z.email().check(z.maxLength(254)),
  count: z.optional(z.int().check(z.minimum(0))),
  on: z.iso.date(),
  tags: z.array(z.string()).check(z.maxLength(10)),
  active: z.boolean(),
})`;

/** Many schemas are built, each a new object, as modules full of schemas do at import. */
const probe = (from: string, schema: string, count: number) =>
  `import * as z from "${from}"; export const schemas = Array.from({ length: ${count} }, () => ${schema});`;

export const ZOD_PROBE_SCHEMAS = 100;

export interface ZodProbe {
  flavour: "zod" | "zod/mini";
  /** Bundle size with one schema: zod itself, as much of it as one schema keeps. */
  bytes: number;
  oneMs: number;
  manyMs: number;
  /** (many - one) / (count - 1): building one more schema, at import, in a fresh process. */
  perSchemaMs: number;
}

export async function measureZodProbes(outDir: string, runs: number): Promise<ZodProbe[]> {
  const flavours = [
    { flavour: "zod" as const, schema: classicSchema },
    { flavour: "zod/mini" as const, schema: miniSchema },
  ];
  const bundles: Bundle[] = [];
  for (const { flavour, schema } of flavours) {
    for (const count of [1, ZOD_PROBE_SCHEMAS]) {
      bundles.push(await bundleSource(`${flavour} x${count}`, probe(flavour, schema, count), join(outDir, "zod")));
    }
  }
  const cold = await measureColdStarts(bundles, runs, () => undefined);
  const median = (name: string) => cold.find((c: ColdStart) => c.name === name)?.medianMs ?? Number.NaN;
  return flavours.map(({ flavour }) => {
    const oneMs = median(`${flavour} x1`);
    const manyMs = median(`${flavour} x${ZOD_PROBE_SCHEMAS}`);
    return {
      flavour,
      bytes: bundles.find((b) => b.name === `${flavour} x1`)?.bytes ?? Number.NaN,
      oneMs,
      manyMs,
      perSchemaMs: (manyMs - oneMs) / (ZOD_PROBE_SCHEMAS - 1),
    };
  });
}
