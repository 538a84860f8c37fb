/** The manifest of the page's results (figures print paths, seed and version from it). */
import type { Manifest } from "../../../engine/results/types.js";
import { CHUNK_SIZE } from "../../../engine/simulate/simulateScenario.js";

export function pageManifest(version: string, seed: string, paths: number, threads: number, wallSeconds: number, files: string[]): Manifest {
  return {
    package: "marketfutures",
    version,
    node: "browser",
    command: "explorer",
    seed,
    paths,
    threads,
    chunkSize: CHUNK_SIZE,
    wallSeconds,
    scenarioFiles: files.map((file) => ({ file, sha256: "" })),
  };
}
