/**
 * Text shared by the figures of the analysis commands (sensitivity,
 * discover): the output's name and unit in words, values of the output,
 * the caption line.
 */
import type { Unit } from "../../engine/results/types.js";
import { formatNumber, formatPercent, formatValue } from "../format/numbers.js";
import { t, type Lang } from "../i18n/index.js";

export interface OutputDescription {
  entity: string;
  label: string;
  view: string;
  viewLabel: string;
  year: number;
  unit: Unit;
}

/** A value of the output, one decimal for shares (analysis differences are small). */
export function formatOutput(x: number, unit: Unit, lang: Lang): string {
  return unit === "share" ? formatPercent(x, lang, 1) : formatValue(x, unit, lang);
}

/** A change of the output: percentage points for shares, signed. */
export function formatOutputChange(x: number, unit: Unit, lang: Lang): string {
  const sign = x > 0 ? "+" : "";
  if (unit === "share") return `${sign}${formatNumber(x * 100, lang, Math.abs(x) < 0.001 ? 2 : 1)} ${t(lang, "points")}`;
  return `${sign}${formatValue(x, unit, lang)}`;
}

/** "market share of European providers in Europe, 2030", or "market size globally, 2030" for a value that is not a share. */
export function outputPhrase(o: OutputDescription, lang: Lang): string {
  const where = o.view === "global" ? t(lang, "theWorld") : t(lang, "inView", { view: o.viewLabel });
  return t(lang, o.unit === "share" ? "outputShare" : "outputValue", { label: o.label, where, year: o.year });
}

/** The unit in words, for subtitles and axis labels. */
export function unitWords(unit: Unit, lang: Lang): string {
  return t(lang, unit === "share" ? "unitShare" : unit === "usd_bn" ? "unitUsdBn" : unit === "hhi" ? "unitHhi" : "unitNumber");
}

/** "N paths, seed S, marketfutures vX" */
export function analysisCaption(lang: Lang, r: { evaluations: number; seed: string; version?: string }): string {
  return t(lang, "caption", { paths: formatNumber(r.evaluations, lang), seed: r.seed, version: r.version ?? "?" });
}
