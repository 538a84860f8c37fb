/**
 * The text `marketfutures fit` prints: each fitted series with its drift and
 * volatility (standard errors, 95% intervals) beside the scenario's implied
 * values, then what the overlay changes against the scenario's numbers and
 * their provenance, then what was fitted but not written.
 */
import type { FitResults, FittedSeries } from "../../engine/results/historyTypes.js";
import { exp } from "../../engine/stats/fdlibm/index.js";

const f3 = (x: number) => (x < 0 ? "" : " ") + x.toFixed(3);

function seriesName(s: FittedSeries): string {
  if (s.kind === "logSize") return `ln ${s.entity} (${s.view}, ${s.definition})`;
  return `ln(${s.entity} / ${s.reference === "rest" ? "rest" : s.reference}) (${s.view})`;
}

/** The table, in English (numbers with a point, three decimals: log points a year). */
export function formatFitTable(r: FitResults): string {
  const lines: string[] = [];
  lines.push(`Fitted to ${r.history.map((h) => h.file).join(", ")} (MODEL.md section 10); scenario ${r.scenario.id} (${r.scenario.file})`);
  lines.push("Yearly drift and volatility in log points; drift +- its standard error, volatility [95% interval]; (scenario's value).");
  lines.push("");
  for (const s of r.series) {
    const span = s.periods.length ? `${s.periods[0]}-${s.periods[s.periods.length - 1]}, ${s.periods.length} figures` : "no figures";
    lines.push(`${seriesName(s)}  ${span}`);
    if (!s.fit) lines.push(`  not fitted: ${s.problem}`);
    else {
      const imp = s.implied;
      lines.push(
        `  drift      ${f3(s.fit.drift)} +- ${s.fit.driftSe.toFixed(3)}   [${s.fit.driftLow.toFixed(3)}, ${s.fit.driftHigh.toFixed(3)}]${imp ? `   (scenario ${f3(imp.drift)})` : ""}`,
      );
      lines.push(
        `  volatility ${f3(s.fit.sigma)} [${s.fit.sigmaLow.toFixed(3)}, ${s.fit.sigmaHigh.toFixed(3)}]   ML ${s.fit.sigmaMl.toFixed(3)}${imp ? `   (scenario ${f3(imp.sigma)})` : ""}` +
          (imp && (imp.sigma < s.fit.sigmaLow || imp.sigma > s.fit.sigmaHigh) ? "  ! outside the interval" : ""),
      );
      if (s.kind === "logSize")
        lines.push(`  growth     ${((exp(s.fit.drift) - 1) * 100).toFixed(1)}% a year${imp ? ` (scenario ${((exp(imp.drift) - 1) * 100).toFixed(1)}%)` : ""}`);
    }
    if (s.impliedNote) lines.push(`  note: ${s.impliedNote}`);
    if (s.dropped.length) lines.push(`  left out: ${s.dropped.join("; ")}`);
  }
  lines.push("");
  if (r.changes.length === 0) lines.push("The overlay changes nothing.");
  else {
    lines.push("What the overlay changes:");
    for (const c of r.changes) {
      const before = Number.isNaN(c.before.value)
        ? c.before.provenance
        : `${c.before.value.toFixed(3)}${c.before.sd !== undefined ? ` (sd ${c.before.sd.toFixed(3)})` : ""}, ${c.before.provenance}`;
      const after = `${c.after.value.toFixed(3)}${c.after.sd !== undefined ? ` (sd ${c.after.sd.toFixed(3)})` : ""}`;
      lines.push(`  ${c.label}: ${before}`);
      lines.push(`    -> ${after}: ${c.because}`);
    }
  }
  for (const n of r.notWritten) lines.push(`  not written: ${n}`);
  return lines.join("\n") + "\n";
}
