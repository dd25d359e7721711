// Where the bench finds the project and writes its reports.
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
export const resultsFile = fileURLToPath(new URL("./results.json", import.meta.url));
export const reportFile = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
