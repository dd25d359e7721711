// The machine a run was measured on, printed beside the figures: they mean little without it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";

export interface Machine {
  nproc: number;
  totalMemoryGiB: number;
  cpuModel: string;
  node: string;
  platform: string;
}

function nproc(): number {
  try {
    const cores = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
    if (Number.isInteger(cores) && cores > 0) return cores;
  } catch {
    // No coreutils (not Linux): Node's own count is the same figure.
  }
  return availableParallelism();
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("model name"));
    const model = line?.split(":").slice(1).join(":").trim();
    if (model) return model;
  } catch {
    // No /proc (not Linux): say so rather than guess.
  }
  return "unknown (no /proc/cpuinfo)";
}

export function describeMachine(): Machine {
  return {
    nproc: nproc(),
    totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpuModel(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
