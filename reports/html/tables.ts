/**
 * The key numbers as HTML tables: end-year medians with 90% intervals per
 * scenario, and the claims' probabilities. Numbers follow engine/format's
 * rules: market size and HHI at the step their interval supports,
 * probabilities never rounded to 0% or 100%, a standard error's digits.
 */
import type { Results, ScenarioResult, TargetResult } from "../../engine/results/types.js";
import { decimalsForSe } from "../../engine/format/index.js";
import { formatNumber, formatPercent, formatProbabilitySe, formatValue, statStep } from "../format/numbers.js";
import { label, t, type Lang } from "../i18n/index.js";
import { groupColor, scenarioColor } from "../render/palette.js";
import { entityLabel, findSeries, GLOBAL, isFiniteStat, keyGroups, scenarioTitle } from "../results/select.js";
import { escapeHtml, tag } from "./escape.js";

/** "70% [66% – 74%]" as HTML: median and 90% interval of a series in its end year, "–" when missing. */
function cell(s: ScenarioResult, entity: string, lang: Lang): string {
  const series = findSeries(s, GLOBAL, entity);
  const st = series?.stats[series.stats.length - 1];
  if (!series || !isFiniteStat(st)) return "–";
  const step = statStep(st, series.unit);
  const f = (x: number) => formatValue(x, series.unit, lang, step);
  return `<span class="med">${escapeHtml(f(st.p50))}</span> <span class="ci">[${escapeHtml(f(st.p5))} – ${escapeHtml(f(st.p95))}]</span>`;
}

function swatch(color: string): string {
  return `<span class="swatch" style="background:${escapeHtml(color)}" aria-hidden="true"></span>`;
}

/** Rows: key groups' global shares, market size, HHI; columns: scenarios. */
export function keyNumbersTable(results: Results, lang: Lang): string {
  const head = `<tr><th scope="col">${escapeHtml(t(lang, "colGroup"))}</th>${results.scenarios.map((s) => `<th scope="col" class="num">${swatch(scenarioColor(results, s.id))}${escapeHtml(scenarioTitle(s, lang))}</th>`).join("")}</tr>`;
  const rows = keyGroups(results).map(
    (g) =>
      `<tr><th scope="row">${swatch(groupColor(results, g))}${escapeHtml(entityLabel(results, g, lang))}</th>${results.scenarios.map((s) => `<td class="num">${cell(s, g, lang)}</td>`).join("")}</tr>`,
  );
  for (const [entity, key] of [
    ["market_size", "colMarketSize"],
    ["hhi", "colHhi"],
  ] as const) {
    if (results.scenarios.some((s) => findSeries(s, GLOBAL, entity)))
      rows.push(
        `<tr><th scope="row">${escapeHtml(t(lang, key))}</th>${results.scenarios.map((s) => `<td class="num">${cell(s, entity, lang)}</td>`).join("")}</tr>`,
      );
  }
  return `<table><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`;
}

/**
 * The statistic a claim is about (median or mean) with its Monte Carlo standard error, at the
 * error's precision: "70.03% ± 0.03%"; the value alone when the error is 0.
 */
export function formatAchieved(s: ScenarioResult, x: TargetResult, lang: Lang): string {
  const unit = findSeries(s, x.view, x.entity)?.unit ?? "share";
  if (unit === "share") {
    const d = Math.min(3, decimalsForSe(x.achievedSe * 100, 1));
    return x.achievedSe > 0 ? `${formatPercent(x.achieved, lang, d)} ± ${formatPercent(x.achievedSe, lang, d)}` : formatPercent(x.achieved, lang, 1);
  }
  const d = Math.min(3, decimalsForSe(x.achievedSe));
  return x.achievedSe > 0 ? `${formatNumber(x.achieved, lang, d)} ± ${formatNumber(x.achievedSe, lang, d)}` : formatValue(x.achieved, unit, lang);
}

/** One row per claim: scenario, claim, probability ± standard error, simulated statistic ± standard error. */
export function targetsTable(results: Results, lang: Lang): string {
  const rows = results.scenarios.flatMap((s) =>
    s.targets.map(
      (x) =>
        `<tr>${tag("td", scenarioTitle(s, lang))}${tag("td", label(x.label, lang))}${tag("td", formatProbabilitySe(x.probability, x.probabilitySe, lang), 'class="num"')}${tag("td", formatAchieved(s, x, lang), 'class="num"')}</tr>`,
    ),
  );
  if (rows.length === 0) return tag("p", t(lang, "targetsNone"));
  const head = ["colScenario", "colClaim", "colProbability", "colAchieved"]
    .map((k, i) => `<th scope="col"${i > 1 ? ' class="num"' : ""}>${escapeHtml(t(lang, k as "colScenario"))}</th>`)
    .join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export { formatNumber };
