/**
 * The view in the URL's fragment, so that a link reproduces it:
 * `#scenario=paradigm-shift&seed=2025&paths=5000&param-market_cagr=0.15`.
 * Moved inputs are listed by key with their new central value, written as
 * JavaScript writes numbers (the shortest text that reads back to the same
 * double), so a link gives back exactly the numbers. Order of keys: scenario,
 * seed, paths, then inputs in the order given.
 */
export interface ViewState {
  /** a shipped file's stem ("paradigm-shift"), or "upload:NAME" for an uploaded file (not restorable from a link) */
  scenario: string;
  seed: string;
  paths: number;
  edits: Map<string, number>;
}

export const UPLOAD_PREFIX = "upload:";
const RESERVED = new Set(["scenario", "seed", "paths"]);

export function encodeState(state: ViewState): string {
  const q = new URLSearchParams();
  q.set("scenario", state.scenario);
  q.set("seed", state.seed);
  q.set("paths", String(state.paths));
  for (const [key, value] of state.edits) q.set(key, String(value));
  return "#" + q.toString();
}

export interface DecodedState {
  /** what the fragment says (fields it does not say are absent) */
  state: Partial<Omit<ViewState, "edits">> & { edits: Map<string, number> };
  /** parts that could not be read, to tell the user */
  problems: string[];
}

export function decodeState(hash: string): DecodedState {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const state: DecodedState["state"] = { edits: new Map() };
  const problems: string[] = [];
  const scenario = q.get("scenario");
  if (scenario) state.scenario = scenario;
  const seed = q.get("seed");
  if (seed !== null && seed !== "") state.seed = seed;
  const paths = q.get("paths");
  if (paths !== null) {
    const n = Number(paths);
    if (Number.isInteger(n) && n >= 1) state.paths = n;
    else problems.push(`paths=${paths} is not a whole number of paths`);
  }
  for (const [key, text] of q) {
    if (RESERVED.has(key)) continue;
    const value = text.trim() === "" ? NaN : Number(text);
    if (Number.isFinite(value)) state.edits.set(key, value);
    else problems.push(`${key}=${text} is not a number`);
  }
  return { state, problems };
}
