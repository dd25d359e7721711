import { bundleAll } from "./bundles.ts";

const b = await bundleAll(process.argv[2] ?? "/tmp/bb");
for (const x of b) console.log(x.name, x.file, x.bytes);
