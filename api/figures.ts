/**
 * `marketfutures/figures`: each figure of the report as SVG text (and its
 * data as CSV), a PNG of any of them, and the whole report written to a
 * folder. This entry point loads the rendering stack (jsdom, Observable
 * Plot; resvg for PNGs): import it only where figures are made.
 *
 * @example
 * import { run } from "marketfutures";
 * import { fanChart, toPng } from "marketfutures/figures";
 * const results = await run("scenarios/paradigm-shift.json", { paths: 4000 });
 * const figure = fanChart(results, { lang: "fr" });
 * writeFileSync(`${figure.name}.svg`, figure.svg);
 * writeFileSync(`${figure.name}.png`, await toPng(figure));
 * @module marketfutures/figures
 */
import { JSDOM } from "jsdom";
import { blendResults, parseWeights, type Blend } from "../engine/analysis/blend.js";
import type { DiscoverResult } from "../engine/analysis/discover.js";
import type { DecisionResult } from "../engine/decide/decide.js";
import type { SensitivityResult } from "../engine/analysis/sensitivity.js";
import type { Results } from "../engine/results/types.js";
import { UsageError } from "../engine/diagnostics.js";
import { packageVersion } from "../engine/version.js";
import { buildReport } from "../reports/buildReport.js";
import { blendFanChart as blendFigure } from "../reports/figures/blendFanChart.js";
import { decisionFigures as decisionCharts } from "../reports/figures/decisionFigures.js";
import { discoveryTradeoff as discoveryFigure } from "../reports/figures/discoveryTradeoff.js";
import * as report from "../reports/figures/index.js";
import { sensitivityFigure as sensitivityChart } from "../reports/figures/sensitivityFigure.js";
import type { Figure as DomFigure, FigureOptions as DomOptions } from "../reports/figures/types.js";
import { isLang, type Lang } from "../reports/i18n/index.js";
import { serializeSvg } from "../reports/render/serialize.js";

export type { Lang };

/** A figure: its file name, its title (the finding it shows), the SVG text and its data as CSV. */
export interface Figure {
  /** the report's file name for it, without extension, e.g. `fan-chart-paradigm-shift` */
  name: string;
  /** the finding, as in the figure's title */
  title: string;
  /** a standalone SVG document (fonts: Inter, else the reader's sans-serif) */
  svg: string;
  /** the numbers drawn, as tidy CSV */
  csv: string;
}

/** Options of every figure. */
export interface FigureOptions {
  /** language of labels and numbers: `en` (default) or `fr` */
  lang?: Lang;
}

let window: JSDOM | undefined;

/** The figures are built as DOM elements in one jsdom document, then serialised. */
function draw(make: (options: DomOptions) => DomFigure, options: FigureOptions = {}): Figure {
  const lang = options.lang ?? "en";
  if (!isLang(lang)) throw new UsageError(`lang must be "en" or "fr", got ${String(lang)}`);
  window ??= new JSDOM("<!DOCTYPE html><html><body></body></html>");
  const f = make({ document: window.window.document, lang });
  return { name: f.name, title: f.title, svg: serializeSvg(f.svg), csv: f.csv };
}

/** Fan chart of one scenario (default: the first): each key group's global share, median with 50% and 90% bands. */
export function fanChart(results: Results, options: FigureOptions & { scenario?: string } = {}): Figure {
  const scenario = options.scenario ?? results.scenarios[0]?.id;
  if (!results.scenarios.some((s) => s.id === scenario)) throw new UsageError(`fanChart: no scenario "${scenario}" in the results`);
  return draw((o) => report.fanChart(results, { ...o, scenario: scenario! }), options);
}

/**
 * The scenarios side by side in one year (default: the end year): each key group's global share, median, 50% and 90% intervals;
 * with `differences`, each scenario after the first labelled with its difference of means ± 1.96 standard errors.
 */
export function scenarioComparison(results: Results, options: FigureOptions & { year?: number; differences?: boolean } = {}): Figure {
  return draw((o) => report.scenarioComparison(results, { ...o, year: options.year, differences: options.differences }), options);
}

/** Composition of the world market over time, stacked mean shares of the groups (means add up to 100%), one panel per scenario. */
export function composition(results: Results, options: FigureOptions = {}): Figure {
  return draw((o) => report.composition(results, o), options);
}

/** The end-year distribution of each scenario's focus group share, as % of paths, with its claim's threshold and the median marked. */
export function distribution(results: Results, options: FigureOptions = {}): Figure {
  return draw((o) => report.distribution(results, o), options);
}

/** Fan chart of the total market (USD bn), one panel per scenario on a shared axis. */
export function marketSize(results: Results, options: FigureOptions = {}): Figure {
  return draw((o) => report.marketSize(results, o), options);
}

/** Concentration (HHI) over time, world and Europe, a line and 50% band per scenario, with the US Merger Guidelines thresholds. */
export function concentration(results: Results, options: FigureOptions = {}): Figure {
  return draw((o) => report.concentration(results, o), options);
}

/** A few dozen whole simulated paths of each scenario's focus group, faint, with the median of all paths drawn thick. */
export function samplePaths(results: Results, options: FigureOptions = {}): Figure {
  return draw((o) => report.samplePaths(results, o), options);
}

/** The probability that each scenario's claims (targets) are met, with ±2 Monte Carlo standard errors. */
export function targets(results: Results, options: FigureOptions = {}): Figure {
  return draw((o) => report.targets(results, o), options);
}

/** Every figure of the report, in reading order: one fan chart per scenario, then one of each other kind. */
export function allFigures(results: Results, options: FigureOptions = {}): Figure[] {
  const lang = options.lang ?? "en";
  return [
    ...results.scenarios.map((s) => fanChart(results, { lang, scenario: s.id })),
    ...[scenarioComparison, composition, distribution, marketSize, concentration, samplePaths, targets].map((f) => f(results, { lang })),
  ];
}

/** Fan chart of a blend of the scenarios: weights (your assumption; one per scenario, summing to 1) or a blend from `blend()`. */
export function blendFanChart(results: Results, weights: readonly number[] | Blend, options: FigureOptions = {}): Figure {
  const b = Array.isArray(weights)
    ? blendResults(results, parseWeights((weights as readonly number[]).join(","), results.scenarios.length, "weights"))
    : (weights as Blend);
  return draw((o) => blendFigure(results, b, o), options);
}

/** The figure of a `sensitivity()` result: a tornado, or the Sobol indices with their intervals. */
export function sensitivityFigure(result: SensitivityResult, options: FigureOptions = {}): Figure {
  return draw((o) => sensitivityChart(result, o), options);
}

/** The figure of a `discover()` result: coverage against density along the PRIM trajectory, the suggested box marked. */
export function discoveryTradeoff(result: DiscoverResult, options: FigureOptions = {}): Figure {
  return draw((o) => discoveryFigure(result, o), options);
}

/**
 * The figures of a `decide()` result: a regret heat map per outcome (each setting in each scenario,
 * the regret written in the cell), and with several outcomes the trade-off of the first two with the
 * non-dominated settings marked.
 */
export function decisionFigures(result: DecisionResult, options: FigureOptions = {}): Figure[] {
  const lang = options.lang ?? "en";
  if (!isLang(lang)) throw new RangeError(`lang must be "en" or "fr", got ${String(lang)}`);
  window ??= new JSDOM("<!DOCTYPE html><html><body></body></html>");
  return decisionCharts(result, { document: window.window.document, lang }).map((f) => ({
    name: f.name,
    title: f.title,
    svg: serializeSvg(f.svg),
    csv: f.csv,
  }));
}

/**
 * A PNG of a figure (or of any SVG text) at `scale` times its size (default 2: sharp on high-density screens),
 * drawn by resvg with the bundled Inter font, so it looks the same on every machine.
 */
export async function toPng(figure: Figure | string, options: { scale?: number } = {}): Promise<Uint8Array> {
  const { svgToPng } = await import("../reports/render/png.js");
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 16)) throw new UsageError(`toPng: scale must be in (0, 16], got ${scale}`);
  return new Uint8Array(await svgToPng(typeof figure === "string" ? figure : figure.svg, scale));
}

/** Options of {@link writeReport}. */
export interface ReportOptions extends FigureOptions {
  /** also write a PNG beside every SVG */
  png?: boolean;
  /** write into a non-empty folder not made by a previous report (refused otherwise) */
  force?: boolean;
  /** results of `sensitivity()` and `discover()` for the Analysis section */
  analyses?: readonly (SensitivityResult | DiscoverResult)[];
  /** weights of a blend of the scenarios (your assumption) whose fan chart the Analysis section shows */
  blend?: readonly number[];
  /** results of `decide()` for the Analysis section (heat maps, trade-off, a table per outcome) */
  decisions?: readonly DecisionResult[];
}

/**
 * Writes the report of `marketfutures report` into `dir`: figures/*.svg and
 * their CSV (PNG with `png`), and one self-contained report.html.
 * Returns the files written.
 * @throws UserError (from `marketfutures`) when `dir` may not be written (a non-empty folder you own, without `force`)
 */
export async function writeReport(results: Results, dir: string, options: ReportOptions = {}): Promise<string[]> {
  const lang = options.lang ?? "en";
  if (!isLang(lang)) throw new UsageError(`lang must be "en" or "fr", got ${String(lang)}`);
  const weights = options.blend ? parseWeights(options.blend.join(","), results.scenarios.length, "blend") : undefined;
  const summary = await buildReport(results, {
    out: dir,
    lang,
    png: Boolean(options.png),
    force: Boolean(options.force),
    command: results.manifest.command,
    version: packageVersion(),
    analyses: [...(options.analyses ?? [])],
    blendWeights: weights,
    decisions: [...(options.decisions ?? [])],
  });
  return summary.files;
}
