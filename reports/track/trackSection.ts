/**
 * The report's "What has been observed" section (`report --observed`):
 * which observations were used and how (definitions, quarters), each one's
 * percentile in each scenario, each scenario's likelihood, effective sample
 * size and posterior weight (resting on the prior), and the figures of
 * reports/track/trackFigures.ts. Built from TrackResults, never rerun here.
 */
import { SMALL_ESS, type TrackResults } from "../../engine/results/trackTypes.js";
import { escapeHtml, tag } from "../html/escape.js";
import { t, type Lang } from "../i18n/index.js";
import { scenarioTitle } from "../results/select.js";
import { caveatText } from "./caveatText.js";
import { seriesLabel } from "./observedSeries.js";
import { ess, logLikelihoodText, observed, percentileText, priorText, weightText } from "./trackNumbers.js";
import { quarterLine, usedLine } from "./trackTable.js";
import { tt } from "./trackText.js";

export interface SectionFigure {
  name: string;
  svg: string;
}

function figureHtml(f: SectionFigure, lang: Lang): string {
  return `<figure id="fig-${escapeHtml(f.name)}">\n${f.svg.replace(/^<\?xml[^>]*\?>\s*/, "").trim()}\n<figcaption><a href="figures/${escapeHtml(f.name)}.csv">${escapeHtml(t(lang, "downloadCsv"))}</a></figcaption>\n</figure>`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h, i) => `<th scope="col"${i > 1 ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c, i) => tag("td", c, i > 1 ? 'class="num"' : "")).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

export function trackSection(track: TrackResults, figures: readonly SectionFigure[], lang: Lang): string {
  const results = track.results;
  const titles = results.scenarios.map((s) => scenarioTitle(s, lang));
  const [fans, pits, weights, ...conditioned] = figures;
  const percentiles = table(
    [tt(lang, "colObservation"), tt(lang, "colObserved"), ...titles],
    track.observations.map((o, k) => [
      `${seriesLabel(track, o, lang)}, ${o.period}`,
      observed(o.value, o.unit, o.omega, lang),
      ...track.scenarios.map((s) => {
        const f = s.fits[k];
        return `${percentileText(f.percentile, f.percentileSe, lang)}${f.outside ? " !" : ""}`;
      }),
    ]),
  );
  const evidence = table(
    [tt(lang, "colScenario"), tt(lang, "colLikelihood"), tt(lang, "colEss"), tt(lang, "colPrior"), tt(lang, "colPosterior")],
    track.scenarios.map((s, k) => {
      const w = track.posteriorWeights[k];
      return [
        titles[k],
        logLikelihoodText(s.logLikelihood, s.likelihoodRelSe, lang),
        `${ess(s.ess, lang)}${s.ess < SMALL_ESS ? " !" : ""}`,
        priorText(track.priorWeights[k], lang),
        weightText(w.weight, w.low, w.high, lang),
      ];
    }),
  );
  const small = track.scenarios.filter((s) => s.ess < SMALL_ESS).map((s) => titles[track.scenarios.indexOf(s)]);
  const sources = [...new Set(track.observations.map((o) => o.source))];
  return [
    tag("p", tt(lang, "sectionLead"), 'class="lead"'),
    tag("p", usedLine(track, lang)),
    ...[quarterLine(track, lang), ...track.caveats.map((c) => `${tt(lang, "caveatPrefix")}${tt(lang, "colon")}${caveatText(c, lang)}.`)]
      .filter((x): x is string => !!x)
      .map((x) => tag("p", x, 'class="note"')),
    ...(fans ? [figureHtml(fans, lang)] : []),
    percentiles,
    ...(pits ? [figureHtml(pits, lang)] : []),
    evidence,
    tag("p", tt(lang, "weightsNotePrior", { prior: tt(lang, track.priorGiven ? "priorGiven" : "priorEqual") }), 'class="note"'),
    ...(small.length ? [tag("p", `${small.join(", ")}${tt(lang, "colon")}${tt(lang, "condNoteSmallEss", { min: SMALL_ESS })}`, 'class="note"')] : []),
    ...(weights ? [figureHtml(weights, lang)] : []),
    ...conditioned.map((f) => figureHtml(f, lang)),
    `<ol>${sources.map((s) => tag("li", s)).join("")}</ol>`,
  ].join("\n");
}
