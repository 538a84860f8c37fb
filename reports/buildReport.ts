/**
 * Build a report from `Results`: every figure as SVG + CSV (+ PNG), then
 * report.html, all written atomically into the output directory.
 */
import { join } from "node:path";
import type { Results } from "../engine/results/types.js";
import { allFigures } from "./figures/index.js";
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
  const files: string[] = [];
  const page: { name: string; title: string; svg: string }[] = [];
  const toPng = options.png ? (await import("./render/png.js")).svgToPng : undefined;
  for (const f of figures) {
    const svg = serializeSvg(f.svg);
    const base = join(options.out, "figures", f.name);
    writeFileAtomic(`${base}.svg`, svg);
    writeFileAtomic(`${base}.csv`, f.csv);
    files.push(`${base}.svg`, `${base}.csv`);
    if (toPng) {
      writeFileAtomic(`${base}.png`, await toPng(svg));
      files.push(`${base}.png`);
    }
    page.push({ name: f.name, title: f.title, svg });
  }
  const html = join(options.out, "report.html");
  writeFileAtomic(html, reportPage(results, { lang: options.lang, figures: page, command: options.command, version: options.version }));
  files.push(html);
  markOutputDir(options.out, options.version);
  return { files, figures: figures.length, renderMs: performance.now() - t0 };
}
