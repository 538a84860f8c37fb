/**
 * Build a report from `Results`: every figure as SVG + CSV (+ PNG), then
 * report.html, written into the output folder all or none (engine/io/outputSet.ts:
 * they appear together, under a kill or a full disk too). With
 * `analyses` (results of sensitivity/discover) and `blendWeights`, an
 * Analysis section with their figures.
 */
import type { Results } from "../engine/results/types.js";
import type { ScenarioDrivers } from "../engine/analysis/drivers.js";
import type { AnalysisResult } from "./analysis/readAnalysis.js";
import { blendResults } from "../engine/analysis/blend.js";
import { blendFanChart } from "./figures/blendFanChart.js";
import { discoveryTradeoff } from "./figures/discoveryTradeoff.js";
import { yieldToEventLoop } from "../engine/simulate/eventLoop.js";
import { figureMakers } from "./figures/index.js";
import { decisionItems } from "./figures/decisionFigures.js";
import type { DecisionResult } from "../engine/decide/decide.js";
import { sensitivityFigure } from "./figures/sensitivityFigure.js";
import type { Figure } from "./figures/types.js";
import type { AnalysisItem } from "./html/analysisSection.js";
import type { Lang } from "./i18n/index.js";
import { reportPage } from "./html/page.js";
import { planOutputSet, writeOutputSet, type OutputFile } from "../engine/io/outputSet.js";
import { createDocument } from "./render/dom.js";
import { serializeSvg } from "./render/serialize.js";
import { xmlSafe } from "./render/xmlSafe.js";

export interface BuildOptions {
  out: string;
  lang: Lang;
  png: boolean;
  force: boolean;
  /** the command line, for the reproducibility block */
  command: string;
  version: string;
  /** results of `sensitivity` and `discover` to show in the Analysis section */
  analyses?: AnalysisResult[];
  /** weights of a blend of the scenarios (the user's assumption), for its fan chart */
  blendWeights?: number[];
  /** files the report read (scenario files and the files they extend, --from, --analysis): never replaced */
  inputs?: readonly string[];
  /** notes about leftovers of interrupted writes cleaned up in --out */
  onNote?: (note: string) => void;
  /** results of `decide` (decision.json) to show in the Analysis section */
  decisions?: DecisionResult[];
  /** what drives each scenario's headline outcome (engine/analysis/drivers.ts), in scenario order */
  drivers?: ScenarioDrivers[];
  /** more files written with the report, all or none (e.g. results.xlsx), at the folder's top */
  extra?: readonly OutputFile[];
}

export interface BuildSummary {
  files: string[];
  figures: number;
  renderMs: number;
}

export async function buildReport(results: Results, options: BuildOptions): Promise<BuildSummary> {
  const target = { command: "report", version: options.version, force: options.force, inputs: options.inputs ?? [], onNote: options.onNote };
  planOutputSet(options.out, target); // refused before rendering, not after
  const outputs: OutputFile[] = [];
  const t0 = performance.now();
  const document = await createDocument();
  // figure by figure, yielding in between, so that Ctrl-C is handled within a figure's time (engine/io/interrupt.ts)
  const figures: Figure[] = [];
  for (const make of figureMakers(results, { document, lang: options.lang })) {
    figures.push(make());
    await yieldToEventLoop();
  }
  const fig = { document, lang: options.lang };
  const extra: { figure: Figure; item: Omit<AnalysisItem, "figure"> }[] = (options.analyses ?? []).map((r, k) => {
    const f = r.analysis === "discover" ? discoveryTradeoff(r, fig) : sensitivityFigure(r, fig);
    // several results of one kind get distinct file names
    const name = `analysis-${k + 1}-${f.name}`;
    f.svg.querySelectorAll(`[id^="${f.name}-"]`).forEach((e) => e.setAttribute("id", e.id.replace(f.name, name)));
    f.svg.setAttribute("aria-labelledby", `${name}-title ${name}-desc`);
    return { figure: { ...f, name }, item: { result: r } };
  });
  (options.decisions ?? []).forEach((r, k) => extra.push(...decisionItems(r, k, fig)));
  if (options.blendWeights) {
    const blend = blendResults(results, options.blendWeights);
    extra.push({ figure: blendFanChart(results, blend, fig), item: { blend } });
  }
  const page: { name: string; title: string; svg: string }[] = [];
  const analysis: AnalysisItem[] = [];
  const toPng = options.png ? (await import("./render/png.js")).svgToPng : undefined;
  const all = [...figures, ...extra.map((e) => e.figure)];
  const svgs: string[] = [];
  for (const f of all) {
    svgs.push(serializeSvg(f.svg));
    await yieldToEventLoop();
  }
  // All PNGs at once: resvg draws each on a thread of its own (render/png.ts); the slowest part of a report.
  const pngs = toPng ? await Promise.all(svgs.map((svg) => toPng(svg))) : [];
  for (const [i, f] of all.entries()) {
    const svg = svgs[i];
    const base = `figures/${f.name}`;
    outputs.push({ name: `${base}.svg`, data: svg }, { name: `${base}.csv`, data: f.csv });
    if (toPng) outputs.push({ name: `${base}.png`, data: pngs[i] });
    const item = extra.find((e) => e.figure === f)?.item;
    if (item) analysis.push({ ...item, figure: { name: f.name, title: f.title, svg } });
    else page.push({ name: f.name, title: f.title, svg });
  }
  outputs.push({
    name: "report.html",
    data: xmlSafe(
      reportPage(results, { lang: options.lang, figures: page, command: options.command, version: options.version, analysis, drivers: options.drivers }),
    ),
  });
  outputs.push(...(options.extra ?? []));
  const files = await writeOutputSet(options.out, outputs, target);
  return { files, figures: figures.length + extra.length, renderMs: performance.now() - t0 };
}
