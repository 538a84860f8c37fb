/**
 * Load or validate a scenario given as text (an upload, an edited file), as
 * if it were the file `name` in a folder that also holds `beside` (name ->
 * text; a browser page passes the shipped scenarios, so `"extends":
 * "baseline.json"` resolves). Messages name files relative to that folder,
 * exactly as `marketfutures validate NAME` run in it prints them.
 */
import type { Diagnostic } from "../diagnostics.js";
import { loadScenarioWith, type LoadedScenario } from "./loadScenario.js";
import { MemoryHost } from "./memoryHost.js";
import { validateWith } from "./validate.js";

const host = (name: string, text: string, beside: Readonly<Record<string, string>>) => new MemoryHost({ ...beside, [name]: text });

/** The Scenario, or a UserError with every diagnostic (as loadScenario). */
export function loadScenarioText(name: string, text: string, beside: Readonly<Record<string, string>> = {}): Promise<LoadedScenario> {
  return loadScenarioWith(host(name, text, beside), name);
}

/** Every diagnostic, errors and warnings (as validateFiles). */
export function validateText(name: string, text: string, beside: Readonly<Record<string, string>> = {}): Promise<Diagnostic[]> {
  return validateWith(host(name, text, beside), [name]);
}
