/**
 * The output an analysis explains: one summarised quantity (a player's or
 * group's share, a metric) in one view and one year, read per path from the
 * engine's output column `cell * (T + 1) + step` (engine/simulate/model.ts).
 * Every way the request can be wrong gets an error that names the flag, the
 * scenario file and what to give instead.
 */
import { UsageError, UserError } from "../diagnostics.js";
import { didYouMean, listForMessage } from "../expr/didYouMean.js";
import type { Scenario } from "../model/types.js";
import type { SeriesKind, Unit } from "../results/types.js";
import type { CompiledModel } from "../simulate/model.js";

export interface OutputRequest {
  entity: string;
  /** region id or "global" (default "global") */
  view?: string;
  year: number;
}

/** The output an analysis explains: an entity in a view and a year, with its kind, unit and labels. */
export interface AnalysisOutput {
  entity: string;
  /** the view as the user named it (a single-region scenario's region is its global view) */
  view: string;
  year: number;
  kind: SeriesKind;
  unit: Unit;
  /** English label of the entity, e.g. "European providers" */
  label: string;
  /** English label of the view: the region's, or "the world" */
  viewLabel: string;
  /** the same in French, when the scenario gives them (reports print them in French figures) */
  labelFr?: string;
  viewLabelFr?: string;
  /** output column of the compiled model */
  column: number;
}

/** Which flags name the parts of the request, for messages (`--output`, or `--where`). */
export interface OutputFlags {
  entity: string;
  view: string;
  year: string;
}

const DEFAULT_FLAGS: OutputFlags = { entity: "--output", view: "--view", year: "--year" };

/**
 * Finds the output column of `request` in `model` (compiled from `scenario`).
 *
 * @throws {UsageError} (exit 2) for an unknown view or entity (with a
 *   did-you-mean and the valid ids), an entity not summarised in the view,
 *   or a year outside the scenario's horizon (naming the valid range).
 */
export function resolveOutput(scenario: Scenario, model: CompiledModel, request: OutputRequest, flags: OutputFlags = DEFAULT_FLAGS): AnalysisOutput {
  const file = scenario.file;
  const asked = request.view ?? "global";
  const view = model.singleRegion && asked === model.regionIds[0] ? "global" : asked;
  const v = model.views.indexOf(view);
  if (v < 0) {
    const names = model.singleRegion ? ["global", model.regionIds[0]] : model.views;
    const hint = didYouMean(asked, names);
    throw new UsageError(`${flags.view} "${asked}" is not a view of ${file}${hint ? `; ${hint}` : ""} (views: ${listForMessage(names)})`);
  }
  const cells = model.cells.map((c, k) => ({ c, k })).filter(({ c }) => c.view === v);
  const found = cells.find(({ c }) => c.entity === request.entity);
  if (!found) {
    const all = [...model.playerIds, ...model.groupIds, ...model.cells.map((c) => c.entity)].filter((x, i, a) => a.indexOf(x) === i);
    if (all.includes(request.entity))
      throw new UsageError(
        `${flags.entity} "${request.entity}" is not summarised in the view "${asked}" of ${file} (absent from that region, or simulation.groups/concentration off); ` +
          `entities there: ${listForMessage(
            cells.map(({ c }) => c.entity),
            20,
          )}`,
      );
    const hint = didYouMean(request.entity, all);
    throw new UsageError(
      `${flags.entity} "${request.entity}" is not a player, group or metric of ${file}${hint ? `; ${hint}` : ""} ` +
        `(groups: ${listForMessage(model.groupIds)}; metrics: ${listForMessage(cells.filter(({ c }) => c.kind === "metric").map(({ c }) => c.entity))})`,
    );
  }
  const step = request.year - model.baseYear;
  if (!Number.isInteger(request.year) || step < 1 || step > model.T)
    throw new UsageError(
      `${flags.year} ${request.year} is outside the simulated years of ${file}: give a year from ${model.baseYear + 1} to ${model.baseYear + model.T} ` +
        `(${model.baseYear} is the observed base year, the same on every path)`,
    );
  const { c, k } = found;
  return {
    entity: c.entity,
    view: asked,
    year: request.year,
    kind: c.kind,
    unit: c.unit,
    label: entityLabel(scenario, c.entity),
    viewLabel: view === "global" ? "the world" : (scenario.regions.find((r) => r.id === asked)?.label.en ?? asked),
    ...frenchLabels(scenario, c.entity, view === "global" ? undefined : asked),
    column: k * (model.T + 1) + step,
  };
}

/** The French labels of the entity and the view, where the scenario gives them. */
function frenchLabels(scenario: Scenario, id: string, region: string | undefined): { labelFr?: string; viewLabelFr?: string } {
  const meta = scenario.groups.find((g) => g.id === id) ?? scenario.players.find((p) => p.id === id) ?? scenario.metrics.find((m) => m.id === id);
  const builtin = ({ market_size: "taille du marché", hhi: "IHH", cr3: "CR3" } as Record<string, string>)[id];
  const labelFr = meta?.label.fr ?? builtin;
  const viewLabelFr = region === undefined ? "le monde" : scenario.regions.find((r) => r.id === region)?.label.fr;
  return { ...(labelFr ? { labelFr } : {}), ...(viewLabelFr ? { viewLabelFr } : {}) };
}

/** The English label of a player, group or metric id; the id itself for built-in metrics. */
export function entityLabel(scenario: Scenario, id: string): string {
  const meta = scenario.groups.find((g) => g.id === id) ?? scenario.players.find((p) => p.id === id) ?? scenario.metrics.find((m) => m.id === id);
  if (meta) return meta.label.en;
  return { market_size: "market size", hhi: "HHI", cr3: "CR3" }[id] ?? id;
}

/**
 * Throws when the model has no uncertain per-path input: there is nothing
 * whose effect could be measured.
 * @throws {UserError} (exit 1) saying what to add to the scenario.
 */
export function requireInputs(scenario: Scenario, model: CompiledModel, command: string): void {
  if (model.dimensions.length + model.regimes.length > 0) return;
  throw new UserError(
    `${scenario.file} has no uncertain per-path input, so ${command} has nothing to vary: every parameter, drift, share and event ` +
      `setting is fixed and no regime event may or may not happen (shocks and volatility are noise, not inputs). Give at least one a distribution, e.g. ` +
      `"drift": { "dist": "normal", "mean": 0.02, "sd": 0.01 } on a player, or a parameter with "dist": "uniform"`,
  );
}
