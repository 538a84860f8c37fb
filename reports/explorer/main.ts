/**
 * Entry point of the explorer page (bundled to main.js): reads the shipped
 * scenarios (scenarios.json, written by the build), starts the Web Workers
 * (worker.js, engine/browser/worker.ts) and the page controller.
 */
import type { WorkerLike } from "../../engine/browser/webWorkerPool.js";
import type { Library } from "./library.js";
import { ExplorerApp } from "./page/app.js";
import { Runner } from "./page/runner.js";

async function main(): Promise<void> {
  const response = await fetch(new URL("./scenarios.json", import.meta.url));
  if (!response.ok) throw new Error(`cannot read scenarios.json (${response.status})`);
  const library = (await response.json()) as Library;
  const threads = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4));
  const workerUrl = new URL("./worker.js", import.meta.url);
  const runner = new Runner(threads, () => new Worker(workerUrl, { type: "module" }) as unknown as WorkerLike);
  await new ExplorerApp(library, runner).start();
}

main().catch((err: unknown) => {
  const box = document.getElementById("status");
  const message = err instanceof Error ? err.message : String(err);
  if (box) box.textContent = `The explorer could not start: ${message}. It needs a web server (npm run explorer), not a file opened from disk.`;
  console.error(err);
});
