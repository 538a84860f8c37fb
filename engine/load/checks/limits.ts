/**
 * The resource limits a scenario file can break (engine/limits.ts): its own
 * number of paths, the size of a correlation matrix, and the number of
 * output columns (what a run keeps per block and summarises), each found by
 * `validate` at its place rather than when the run runs out of memory.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { formatCount } from "../../format/count.js";
import { MAX_CORRELATED_PARAMETERS, MAX_OUTPUT_COLUMNS, MAX_PATHS } from "../../limits.js";
import type { Problem } from "../types.js";

/** Output columns of a run: summarised series (players present, groups, market size, HHI, CR3, metrics) per view, times years + 1. */
export function outputColumns(doc: ResolvedScenario): number {
  const groups = doc.simulation?.groups === false ? 0 : doc.groups.length;
  const builtIn = doc.simulation?.concentration === false ? 1 : 3;
  const perView = (players: number) => players + groups + builtIn + (doc.metrics?.length ?? 0);
  const regional = doc.regions.length === 1 ? 0 : doc.regions.reduce((n, r) => n + perView(doc.players.filter((p) => Object.hasOwn(p.shares, r.id)).length), 0);
  return (perView(doc.players.length) + regional) * (doc.horizon.endYear - doc.horizon.baseYear + 1);
}

export function checkLimits(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const paths = doc.simulation?.paths;
  if (paths !== undefined && paths > MAX_PATHS)
    problems.push({
      path: ["simulation", "paths"],
      message: `${formatCount(paths)} paths is more than the ${formatCount(MAX_PATHS)} a run may have`,
      hint: "memory does not grow with paths but time does (about 17 seconds per million paths of a shipped scenario on one thread); use --precision to stop when the targets are known well enough",
    });
  doc.correlations?.forEach((c, i) => {
    if (c.parameters.length > MAX_CORRELATED_PARAMETERS)
      problems.push({
        path: ["correlations", i, "parameters"],
        message: `${c.parameters.length} correlated parameters; one matrix may have at most ${MAX_CORRELATED_PARAMETERS}`,
        hint: "correlate the parameters in smaller blocks, or through common factors (`factors` and `loadings`)",
      });
  });
  const columns = outputColumns(doc);
  if (columns > MAX_OUTPUT_COLUMNS)
    problems.push({
      path: ["players"],
      message: `the scenario has ${formatCount(columns)} output columns (series summarised in each view, times years), more than the ${formatCount(MAX_OUTPUT_COLUMNS)} a run may have`,
      hint: "fewer players, regions, metrics or years; or set simulation.groups or simulation.concentration to false",
    });
  return problems;
}
