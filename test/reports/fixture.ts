/** Frozen results for the report tests (never rerun the engine here) and rendering helpers. */
import { readFileSync } from "node:fs";
import type { Results } from "../../engine/results/types.js";
import { allFigures, type Figure } from "../../reports/figures/index.js";
import type { Lang } from "../../reports/i18n/index.js";
import { createDocument } from "../../reports/render/dom.js";
import { serializeSvg } from "../../reports/render/serialize.js";

export function loadFixture(): Results {
  return JSON.parse(readFileSync(new URL("../fixtures/results/small.json", import.meta.url), "utf8")) as Results;
}

export interface Rendered {
  figure: Figure;
  svg: string;
}

export async function renderAll(lang: Lang, results: Results = loadFixture()): Promise<Rendered[]> {
  const document = await createDocument();
  return allFigures(results, { document, lang }).map((figure) => ({ figure, svg: serializeSvg(figure.svg) }));
}

/** Snapshot form: numbers rounded to 2 decimals, so that last-digit floating-point noise does not matter. */
export function normalise(svg: string): string {
  return svg.replace(/-?\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100));
}
