/** Reading results.json for `report --from`: a clear UserError for a missing, malformed or foreign file. */
import { readFileSync } from "node:fs";
import type { Results } from "../../engine/results/types.js";
import { UserError } from "../../engine/diagnostics.js";

export function readResults(file: string): Results {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const problem = shapeProblem(data);
  if (problem) throw new UserError(`${file}: not a marketfutures results file: ${problem}`, [], 1);
  return data as Results;
}

/** What is missing from a Results object, or undefined when its outline is right. */
function shapeProblem(data: unknown): string | undefined {
  const r = data as Partial<Results> | null;
  if (typeof r !== "object" || r === null) return "expected a JSON object";
  if (typeof r.manifest !== "object" || r.manifest === null) return "no manifest";
  if (!Array.isArray(r.scenarios) || r.scenarios.length === 0) return "no scenarios";
  for (const [i, s] of r.scenarios.entries()) {
    for (const key of ["id", "years", "series", "groups", "targets", "samplePaths", "sources", "assumptions", "presentation"] as const)
      if (s?.[key] === undefined) return `scenarios[${i}] has no ${key}`;
    if (!Array.isArray(s.series) || !Array.isArray(s.years)) return `scenarios[${i}]: series and years must be arrays`;
  }
  return undefined;
}
