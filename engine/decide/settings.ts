/**
 * Lever settings (MODEL.md section 11): the design of what `decide` runs.
 * A setting gives every lever one value. `grid` is the full factorial
 * design: each option of a discrete lever, and for a range lever its `grid`
 * values or K evenly spaced values from min to max; the first lever varies
 * slowest. `lhs` is a Latin hypercube of N settings over the levers (McKay,
 * Beckman & Conover 1979; engine/sampling/latinHypercube.ts): a range lever
 * takes min + u (max - min), a discrete lever the option in stratum
 * floor(u m) of its m options, so each option appears N/m times (+-1).
 *
 * A setting is applied to a scenario by `withLevers`, which changes the
 * values expressions see and nothing else: levers are not random inputs, so
 * every setting runs on the same streams (common random numbers).
 */
import { UsageError, UserError } from "../diagnostics.js";
import { formatCount } from "../format/count.js";
import type { Label, Lever, Scenario } from "../model/types.js";
import { openStream } from "../random/streams.js";
import { latinHypercube } from "../sampling/latinHypercube.js";

export type LeverDesign = { kind: "grid"; gridPoints: number } | { kind: "lhs"; samples: number; seed: string };

/** Default number of evenly spaced values of a range lever without its own grid. */
export const DEFAULT_GRID_POINTS = 3;
/** The most settings a design may have: the paired standard errors of every two settings take settings^2 numbers per outcome and scenario. */
export const MAX_SETTINGS = 1_000;

/** A lever as a decision states it (the first scenario's declaration; checkSameLevers checks the others). */
export type LeverSpec = Omit<Lever, "value">;

export interface Setting {
  /** position in the design */
  index: number;
  /** one value per lever, in the order of the levers */
  values: number[];
}

/**
 * The levers of a decision: those of the first scenario, which every other scenario must declare the
 * same way (ids, options' values or range).
 * @throws {UserError} naming the file and the lever that differs or is missing, or when there is none.
 */
export function checkSameLevers(scenarios: readonly Scenario[]): LeverSpec[] {
  const [first, ...rest] = scenarios;
  if (first.levers.length === 0)
    throw new UserError(
      `${first.file} declares no levers, so there is nothing to decide: add a "levers" block (scenarios/README.md, "levers") or extend a file that has one`,
    );
  const shape = (l: Lever) => JSON.stringify([l.options?.map((o) => o.value), l.range]);
  for (const s of rest) {
    for (const l of first.levers) {
      const other = s.levers.find((m) => m.id === l.id);
      if (!other) throw new UserError(`${s.file} has no lever "${l.id}" (declared in ${first.file}): decide needs the same levers in every scenario`);
      if (shape(other) !== shape(l))
        throw new UserError(
          `lever "${l.id}" has other options or another range in ${s.file} than in ${first.file}: a lever must mean the same in every scenario`,
        );
    }
    const extra = s.levers.find((m) => !first.levers.some((l) => l.id === m.id));
    if (extra) throw new UserError(`${s.file} has a lever "${extra.id}" that ${first.file} does not have: decide needs the same levers in every scenario`);
  }
  return first.levers.map(({ value: _value, ...spec }) => spec);
}

/** The values of one lever in a grid design. */
export function gridValues(l: LeverSpec, gridPoints: number): number[] {
  if (l.options) return l.options.map((o) => o.value);
  if (l.grid) return [...l.grid];
  const { min, max } = l.range!;
  return Array.from({ length: gridPoints }, (_, k) => (k === gridPoints - 1 ? max : min + (k * (max - min)) / (gridPoints - 1)));
}

/**
 * The settings of a design.
 * @throws {UsageError} when the design has more than MAX_SETTINGS settings.
 * @example leverSettings([{ id: "a", label: { en: "a" }, rationale: { en: "" }, range: { min: 0, max: 1 }, default: 0 }], { kind: "grid", gridPoints: 3 }).map((s) => s.values) // [[0], [0.5], [1]]
 */
export function leverSettings(levers: readonly LeverSpec[], design: LeverDesign): Setting[] {
  if (design.kind === "lhs") return lhsSettings(levers, design.samples, design.seed);
  const axes = levers.map((l) => gridValues(l, design.gridPoints));
  const count = axes.reduce((n, a) => n * a.length, 1);
  if (count > MAX_SETTINGS)
    throw new UsageError(
      `the grid of ${levers.length} levers has ${formatCount(count)} settings (more than ${formatCount(MAX_SETTINGS)}): use fewer --grid-points or --levers-design lhs --samples N`,
    );
  const out: Setting[] = [];
  for (let index = 0; index < count; index++) {
    const values: number[] = [];
    let rest = index;
    for (let j = axes.length - 1; j >= 0; j--) {
      values[j] = axes[j][rest % axes[j].length];
      rest = Math.floor(rest / axes[j].length);
    }
    out.push({ index, values });
  }
  return out;
}

function lhsSettings(levers: readonly LeverSpec[], n: number, seed: string): Setting[] {
  if (n > MAX_SETTINGS) throw new UsageError(`--samples ${formatCount(n)} is more than ${formatCount(MAX_SETTINGS)} settings`);
  const u = latinHypercube(n, levers.length, openStream(seed, "decide", "levers:lhs", 0));
  const d = levers.length;
  return Array.from({ length: n }, (_, index) => ({
    index,
    values: levers.map((l, j) => {
      const v = u[index * d + j];
      if (l.options) return l.options[Math.min(l.options.length - 1, Math.floor(v * l.options.length))].value;
      const { min, max } = l.range!;
      return min + v * (max - min);
    }),
  }));
}

/** The scenario with each lever set to the setting's value; nothing else changes. */
export function withLevers(scenario: Scenario, levers: readonly LeverSpec[], setting: Setting): Scenario {
  return {
    ...scenario,
    levers: scenario.levers.map((l) => {
      const j = levers.findIndex((m) => m.id === l.id);
      return { ...l, value: j < 0 ? l.default : setting.values[j] };
    }),
  };
}

/** The setting of every lever's default, if the design has it. */
export function defaultSetting(levers: readonly LeverSpec[], settings: readonly Setting[]): number | undefined {
  const i = settings.findIndex((s) => s.values.every((v, j) => v === levers[j].default));
  return i < 0 ? undefined : i;
}

/** A lever's value in words: its option's label, or the number with the lever's unit. */
export function leverValueLabel(l: LeverSpec, value: number, lang: "en" | "fr" = "en", number: (x: number) => string = String): string {
  const option = l.options?.find((o) => o.value === value);
  if (option) return text(option.label, lang);
  return l.unit ? `${number(value)} ${text(l.unit, lang)}` : number(value);
}

/** A setting in words: "label: value" of every lever, joined by "; ". */
export function settingLabel(levers: readonly LeverSpec[], s: Setting, lang: "en" | "fr" = "en", number?: (x: number) => string): string {
  return levers.map((l, j) => `${text(l.label, lang)}: ${leverValueLabel(l, s.values[j], lang, number)}`).join("; ");
}

const text = (l: Label, lang: "en" | "fr") => (lang === "fr" ? (l.fr ?? l.en) : l.en);
