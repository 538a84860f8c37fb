/**
 * Text shared by the figures of the analysis commands (sensitivity,
 * discover): the output's name and unit in words, values of the output,
 * the caption line.
 */
import type { Unit } from "../../engine/results/types.js";
import { formatNumber, formatPercent, formatValue } from "../format/numbers.js";
import { label, t, type Lang } from "../i18n/index.js";
import { formatInputValue } from "./inputLabels.js";
import type { Label } from "../../engine/model/types.js";

export interface OutputDescription {
  entity: string;
  label: string;
  view: string;
  viewLabel: string;
  labelFr?: string;
  viewLabelFr?: string;
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
  const { label: name, viewLabel } = outputLabels(o, lang);
  const where = o.view === "global" ? t(lang, "theWorld") : t(lang, "inView", { view: viewLabel });
  return t(lang, o.unit === "share" ? "outputShare" : "outputValue", { label: name, where, year: o.year });
}

/** The output's entity and view labels in `lang` (French where the result has them). */
export function outputLabels(o: OutputDescription, lang: Lang): { label: string; viewLabel: string } {
  return lang === "fr" ? { label: o.labelFr ?? o.label, viewLabel: o.viewLabelFr ?? o.viewLabel } : { label: o.label, viewLabel: o.viewLabel };
}

/** The analysed scenario's title in `lang`. */
export function analysisScenario(r: { scenario: { title: string; titleFr?: string } }, lang: Lang): string {
  return lang === "fr" ? (r.scenario.titleFr ?? r.scenario.title) : r.scenario.title;
}

/** The numbers a note needs, read back from the engine's English notes (the results keep no other record of them). */
const numberAfter = (notes: readonly string[], re: RegExp): string | undefined => notes.map((n) => re.exec(n)?.[1]).find((x) => x !== undefined);

/**
 * The notes of an analysis result in `lang`: the engine's own English notes, or in French the same
 * statements built from the result (method, design size, bootstrap, correlated inputs).
 */
export function analysisNotes(
  r: { analysis: string; method?: string; paths: number; evaluations: number; bootstrap?: number; notes: string[]; inputs: unknown[]; criterion?: string },
  lang: Lang,
): string[] {
  if (lang === "en") return r.notes;
  const correlated = numberAfter(r.notes, /Correlated inputs \(([^)]*)\)/);
  const n = formatNumber(r.paths, lang);
  if (r.analysis === "discover") {
    const criterion = r.criterion?.startsWith("highest F1")
      ? t(lang, "primF1")
      : t(lang, "primCoverage", { density: numberAfter([r.criterion ?? ""], />= ([\d.]+)/) ?? "" });
    return [t(lang, "noteDiscoverMethod", { inputs: r.inputs.length, paths: n, criterion }), t(lang, "noteDiscoverTerms"), t(lang, "noteDiscoverEvents")];
  }
  const b = formatNumber(r.bootstrap ?? 0, lang);
  if (r.method === "tornado")
    return [
      t(lang, "noteTornadoMethod", { paths: n }),
      t(lang, "noteBootstrapPaths", { count: b }),
      ...(correlated ? [t(lang, "noteTornadoCorrelated", { inputs: correlated })] : []),
    ];
  return [
    t(lang, "noteSobolMethod", { rows: n, total: formatNumber(r.evaluations, lang) }),
    t(lang, "noteSobolEvents"),
    t(lang, "noteBootstrapRows", { count: b }),
    ...(correlated ? [t(lang, "noteSobolCorrelated", { inputs: correlated })] : []),
  ];
}

/** The unit in words, for subtitles and axis labels. */
export function unitWords(unit: Unit, lang: Lang): string {
  return t(lang, unit === "share" ? "unitShare" : unit === "usd_bn" ? "unitUsdBn" : unit === "hhi" ? "unitHhi" : "unitNumber");
}

/** The inputs of an analysis result, as it was written (older results have no `text`). */
interface NamedInput {
  id: string;
  label: string;
  text?: Label;
  kind?: "event";
  event?: Label;
}

/** The label of an input or of a factor (ids joined with "+") in `lang`, from the result's inputs. */
export function inputLabel(inputs: readonly NamedInput[], id: string, fallback: string, lang: Lang): string {
  const one = (x: string) => {
    const i = inputs.find((y) => y.id === x);
    return i ? (i.text ? label(i.text, lang) : i.label) : undefined;
  };
  const parts = id.split("+").map(one);
  return parts.every((p) => p !== undefined) ? parts.join(" + ") : fallback;
}

/** For a factor that is an event's occurrence, the event's label in `lang`; else undefined. */
export function eventOf(inputs: readonly NamedInput[], id: string, lang: Lang): string | undefined {
  const i = inputs.find((y) => y.id === id);
  return i?.kind === "event" && i.event ? label(i.event, lang) : undefined;
}

const OPS = { ">=": "opAtLeast", ">": "opAbove", "<=": "opAtMost", "<": "opBelow", "=": "opEqual" } as const;

/** A --where clause in words: "the 2030 share of European providers in Europe is at least 12%", not its syntax. */
export function whereWords(r: { where: { op: string; value: number }; output: OutputDescription }, lang: Lang): string {
  const value =
    r.output.unit === "share"
      ? formatPercent(r.where.value, lang, Number.isInteger(Math.round(r.where.value * 1e6) / 1e4) ? 0 : 1)
      : formatValue(r.where.value, r.output.unit, lang);
  const o = r.output;
  const names = outputLabels(o, lang);
  const where = o.view === "global" ? t(lang, "theWorld") : t(lang, "inView", { view: names.viewLabel });
  return t(lang, o.unit === "share" ? "whereShare" : "whereValue", {
    label: names.label,
    where,
    year: o.year,
    op: t(lang, OPS[r.where.op as keyof typeof OPS] ?? "opEqual"),
    value,
  });
}

/** "N paths, seed S, marketfutures vX" */
export function analysisCaption(lang: Lang, r: { evaluations: number; seed: string; version?: string }): string {
  return t(lang, "caption", { paths: formatNumber(r.evaluations, lang), seed: r.seed, version: r.version ?? "?" });
}

/**
 * A discovered box's limits on an input in words, in `lang`: "0.02 to 0.05", "at least 0.02", "at most 2027";
 * for an event's occurrence, "happens" or "does not happen".
 */
export function boxLimitText(b: { lower: number | null; upper: number | null }, event: boolean, lang: Lang): string {
  if (event) return t(lang, (b.lower ?? 0) > 0 ? "eventHappens" : "eventDoesNot");
  const v = (x: number) => formatInputValue(x, lang);
  if (b.lower !== null && b.upper !== null) return t(lang, "limitBetween", { lo: v(b.lower), hi: v(b.upper) });
  if (b.lower !== null) return t(lang, "limitAtLeast", { lo: v(b.lower) });
  if (b.upper !== null) return t(lang, "limitAtMost", { hi: v(b.upper) });
  return t(lang, "limitAny");
}
