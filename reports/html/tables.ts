/** The key numbers as HTML tables: end-year medians with 90% intervals per scenario, and the claims' probabilities. */
import type { Results, ScenarioResult } from "../../engine/results/types.js";
import { formatNumber, formatPercent, formatValue } from "../format/numbers.js";
import { label, t, type Lang } from "../i18n/index.js";
import { groupColor, scenarioColor } from "../render/palette.js";
import { entityLabel, findSeries, GLOBAL, isFiniteStat, keyGroups, scenarioTitle } from "../results/select.js";
import { escapeHtml, tag } from "./escape.js";

/** "70% [66% – 74%]" as HTML: median and 90% interval of a series in its end year, "–" when missing. */
function cell(s: ScenarioResult, entity: string, lang: Lang): string {
  const series = findSeries(s, GLOBAL, entity);
  const st = series?.stats[series.stats.length - 1];
  if (!series || !isFiniteStat(st)) return "–";
  const f = (x: number) => formatValue(x, series.unit, lang);
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

/** One row per claim: scenario, claim, probability ± standard error, simulated statistic ± standard error. */
export function targetsTable(results: Results, lang: Lang): string {
  const rows = results.scenarios.flatMap((s) =>
    s.targets.map((x) => {
      const unit = findSeries(s, x.view, x.entity)?.unit ?? "share";
      const prob = `${formatPercent(x.probability, lang)} ± ${formatPercent(x.probabilitySe, lang, 1)}`;
      const achieved = `${formatValue(x.achieved, unit, lang)} ± ${formatValue(x.achievedSe, unit === "share" ? "share" : unit, lang)}`;
      return `<tr>${tag("td", scenarioTitle(s, lang))}${tag("td", label(x.label, lang))}${tag("td", prob, 'class="num"')}${tag("td", achieved, 'class="num"')}</tr>`;
    }),
  );
  if (rows.length === 0) return tag("p", t(lang, "targetsNone"));
  const head = ["colScenario", "colClaim", "colProbability", "colAchieved"]
    .map((k, i) => `<th scope="col"${i > 1 ? ' class="num"' : ""}>${escapeHtml(t(lang, k as "colScenario"))}</th>`)
    .join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export { formatNumber };
