/**
 * What `marketfutures track` prints on stdout: which observations were used
 * (and why others were not), the quarter-to-year gap, the definition
 * caveats, each observation's percentile in each scenario, and each
 * scenario's likelihood, effective sample size and posterior weight, the
 * weights labelled as resting on the prior.
 */
import { observationLabel } from "../../engine/observe/observations.js";
import { SMALL_ESS, type SkipReason, type TrackResults } from "../../engine/results/trackTypes.js";
import { tt } from "./trackText.js";
import { formatNumber } from "../format/numbers.js";
import type { Lang } from "../i18n/index.js";
import { caveatText } from "./caveatText.js";
import { ess, logLikelihoodText, observed, percentileText, priorText, weightText } from "./trackNumbers.js";

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) =>
    r
      .map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j])))
      .join("  ")
      .trimEnd(),
  );
}

/** One line on the observations used and skipped. */
export function usedLine(track: TrackResults, lang: Lang = "en"): string {
  const files = [...new Set(track.manifest.observed.map((o) => o.file))].join(", ");
  const reasons = new Map<string, { why: SkipReason; count: number }>();
  for (const s of track.skipped) {
    const key = `${s.why.kind} ${s.why.year}`;
    reasons.set(key, { why: s.why, count: (reasons.get(key)?.count ?? 0) + 1 });
  }
  const words = { beforeBase: "skipBeforeBase", afterEnd: "skipAfterEnd", growthIntoBase: "skipGrowthIntoBase" } as const;
  const skipped = track.skipped.length
    ? tt(lang, "skippedPart", {
        count: track.skipped.length,
        reasons: [...reasons.values()].map(({ why, count }) => tt(lang, words[why.kind], { count, year: why.year })).join(tt(lang, "listSeparator")),
      })
    : "";
  return `${tt(lang, "usedLine", { count: track.observations.length, files })}${skipped}.`;
}

/** How quarters were read, with the gap estimated (or given) for each measure. */
export function quarterLine(track: TrackResults, lang: Lang): string | undefined {
  const quarterly = new Set(track.observations.filter((o) => o.quarter !== undefined).map((o) => o.measure));
  const gaps = track.quarterGaps.filter((g) => quarterly.has(g.measure));
  if (gaps.length === 0) return undefined;
  const each = gaps.map((g) =>
    tt(lang, g.given ? "gapGiven" : "gapEstimated", { measure: tt(lang, `measure_${g.measure}`), sd: formatNumber(g.sd, lang, 2), df: g.df }),
  );
  return tt(lang, "quarterLine", { gaps: each.join(", ") });
}

export function formatTrackTable(track: TrackResults, lang: Lang = "en"): string {
  const out: string[] = [usedLine(track, lang)];
  const q = quarterLine(track, lang);
  if (q) out.push(q);
  for (const c of track.caveats) out.push(`Caveat: ${caveatText(c, lang)}.`);
  out.push("", "Percentile of each observation in each scenario's projection, the observation's error included (! outside 5-95%):");
  const ids = track.scenarios.map((s) => s.id);
  out.push(
    ...table([
      ["observation", "observed", ...ids],
      ...track.observations.map((o, k) => [
        observationLabel(o),
        observed(o.value, o.unit, o.omega, lang),
        ...track.scenarios.map((s) => {
          const f = s.fits[k];
          return `${percentileText(f.percentile, f.percentileSe, lang)}${f.outside ? " !" : ""}`;
        }),
      ]),
    ]),
  );
  out.push("", "Each scenario given all the observations jointly (its paths weighted by their likelihood):");
  out.push(
    ...table([
      ["scenario", "ln likelihood", "ESS", "prior weight", "posterior weight [95% Monte Carlo interval]"],
      ...track.scenarios.map((s, k) => {
        const w = track.posteriorWeights[k];
        return [
          s.id,
          logLikelihoodText(s.logLikelihood, s.likelihoodRelSe, lang),
          `${ess(s.ess, lang)}${s.ess < SMALL_ESS ? " !" : ""}`,
          priorText(track.priorWeights[k], lang),
          weightText(w.weight, w.low, w.high, lang),
        ];
      }),
    ]),
  );
  out.push(
    track.priorGiven
      ? "The posterior weights rest on the prior weights given with --prior (your assumption)."
      : "The posterior weights rest on equal prior weights, an assumption (--prior w1,w2,... to give yours).",
  );
  const small = track.scenarios.filter((s) => s.ess < SMALL_ESS);
  if (small.length)
    out.push(
      `! Effective sample size below ${SMALL_ESS} in ${small.map((s) => s.id).join(", ")}: the conditioned projections and the likelihood's Monte Carlo error rest on few paths; run more paths, or check the observations that lie outside the scenario (percentiles marked !).`,
    );
  return out.join("\n") + "\n";
}
