/**
 * Build a report from `Results`: every figure as SVG + CSV (+ PNG), then
 * report.html, all written atomically into the output directory. With
 * `analyses` (results of sensitivity/discover) and `blendWeights`, an
 * Analysis section with their figures.
 */
import { join } from "node:path";
import type { Results } from "../engine/results/types.js";
import type { ScenarioDrivers } from "../engine/analysis/drivers.js";
import type { AnalysisResult } from "./analysis/readAnalysis.js";
import { blendResults } from "../engine/analysis/blend.js";
import { blendFanChart } from "./figures/blendFanChart.js";
import { discoveryTradeoff } from "./figures/discoveryTradeoff.js";
import { decisionItems } from "./figures/decisionFigures.js";
import type { DecisionResult } from "../engine/decide/decide.js";
import { allFigures } from "./figures/index.js";
import { sensitivityFigure } from "./figures/sensitivityFigure.js";
import type { Figure } from "./figures/types.js";
import type { AnalysisItem } from "./html/analysisSection.js";
import type { Lang } from "./i18n/index.js";
import { reportPage } from "./html/page.js";
import { writeFileAtomic } from "./output/atomicWrite.js";
import { markOutputDir, prepareOutputDir } from "./output/outputDir.js";
import { createDocument } from "./render/dom.js";
import { serializeSvg } from "./render/serialize.js";

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
  /** results of `decide` (decision.json) to show in the Analysis section */
  decisions?: DecisionResult[];
  /** what drives each scenario's headline outcome (engine/analysis/drivers.ts), in scenario order */
  drivers?: ScenarioDrivers[];
}

export interface BuildSummary {
  files: string[];
  figures: number;
  renderMs: number;
}

export async function buildReport(results: Results, options: BuildOptions): Promise<BuildSummary> {
  prepareOutputDir(options.out, options.force);
  const t0 = performance.now();
  const document = await createDocument();
  const figures = allFigures(results, { document, lang: options.lang });
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
  const files: string[] = [];
  const page: { name: string; title: string; svg: string }[] = [];
  const analysis: AnalysisItem[] = [];
  const toPng = options.png ? (await import("./render/png.js")).svgToPng : undefined;
  const all = [...figures, ...extra.map((e) => e.figure)];
  const svgs = all.map((f) => serializeSvg(f.svg));
  // All PNGs at once: resvg draws each on a thread of its own (render/png.ts); the slowest part of a report.
  const pngs = toPng ? await Promise.all(svgs.map((svg) => toPng(svg))) : [];
  for (const [i, f] of all.entries()) {
    const svg = svgs[i];
    const base = join(options.out, "figures", f.name);
    writeFileAtomic(`${base}.svg`, svg);
    writeFileAtomic(`${base}.csv`, f.csv);
    files.push(`${base}.svg`, `${base}.csv`);
    if (toPng) {
      writeFileAtomic(`${base}.png`, pngs[i]);
      files.push(`${base}.png`);
    }
    const item = extra.find((e) => e.figure === f)?.item;
    if (item) analysis.push({ ...item, figure: { name: f.name, title: f.title, svg } });
    else page.push({ name: f.name, title: f.title, svg });
  }
  const html = join(options.out, "report.html");
  writeFileAtomic(
    html,
    reportPage(results, { lang: options.lang, figures: page, command: options.command, version: options.version, analysis, drivers: options.drivers }),
  );
  files.push(html);
  markOutputDir(options.out, options.version);
  return { files, figures: figures.length + extra.length, renderMs: performance.now() - t0 };
}
