/**
 * Follows `extends` from a scenario file up to its root ancestor. Cycles and
 * missing parents are errors at the `extends` that causes them, naming the
 * whole chain. Returns the files root-first, ready to merge in that order.
 */
import type { Diagnostic } from "../diagnostics.js";
import { MAX_EXTENDS_DEPTH } from "../limits.js";
import type { ScenarioHost } from "./host.js";
import { Locator } from "./locate.js";
import { readScenarioFile } from "./readScenarioFile.js";
import type { SourceFile } from "./types.js";

export interface ExtendsChain {
  /** root ancestor first */
  files: SourceFile[];
  diagnostics: Diagnostic[];
  /** every file found and parsed into an object, no cycle, no chain too long: the files can be merged */
  complete: boolean;
}

export async function readExtendsChain(host: ScenarioHost, file: string): Promise<ExtendsChain> {
  const chain: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let complete = true;
  let current = host.resolve(file);
  let display = host.display(current);
  for (;;) {
    const read = await readScenarioFile(host, current, display);
    if (!read.parsed) complete = false;
    if (!read.source) {
      const child = chain[chain.length - 1];
      if (child && read.missing) {
        diagnostics.push({
          ...Locator.forFile(child).place(["extends"]),
          severity: "error",
          message: `the scenario it extends was not found: ${display} (chain: ${[...chain.map((s) => s.display), display].join(" -> ")})`,
          hint: "`extends` is a path relative to the extending file",
        });
      } else diagnostics.push(...read.diagnostics);
      break;
    }
    diagnostics.push(...read.diagnostics);
    chain.push(read.source);
    const parent = (read.source.value as { extends?: unknown } | undefined)?.extends;
    if (typeof parent !== "string") break;
    const next = host.resolveFrom(current, parent);
    const names = chain.map((s) => s.display);
    if (chain.some((s) => s.file === next)) {
      diagnostics.push({
        ...Locator.forFile(read.source).place(["extends"]),
        severity: "error",
        message: `extends cycle: ${[...names, host.display(next)].join(" -> ")}`,
        hint: "a scenario cannot extend itself, directly or through its parents; remove one `extends`",
      });
      complete = false;
      break;
    }
    if (chain.length >= MAX_EXTENDS_DEPTH) {
      diagnostics.push({ ...Locator.forFile(read.source).place(["extends"]), severity: "error", message: `more than ${MAX_EXTENDS_DEPTH} levels of extends` });
      complete = false;
      break;
    }
    current = next;
    display = host.display(next);
  }
  return { files: chain.reverse(), diagnostics, complete };
}
