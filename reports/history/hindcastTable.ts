/**
 * The text `marketfutures hindcast` prints: per scenario, the start values
 * (observed against the scenario's own), every later observation with its
 * percentile (PIT) and whether the 50% and 90% bands cover it, then the
 * coverage overall and by measure, and the PIT histogram.
 */
import type { HindcastResults } from "../../engine/results/historyTypes.js";

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** The table, in English. */
export function formatHindcastTable(h: HindcastResults): string {
  const out: string[] = [];
  out.push(
    `Hindcast from ${h.from} (MODEL.md section 10): ${h.manifest.paths} paths, seed ${h.manifest.seed}; history ${h.manifest.history.map((x) => x.file).join(", ")}`,
  );
  out.push("PIT: P(simulated + the figure's error <= observed); in 50% band: PIT in [0.25, 0.75]; in 90%: [0.05, 0.95].");
  for (const s of h.scenarios) {
    out.push("");
    out.push(`${s.id} (${s.file}): started in ${s.from}, simulated to ${s.to}`);
    for (const st of s.start)
      out.push(
        `  start ${st.entity} (${st.view}): ${pct(st.observed)} observed (${st.periods.join(", ")}), ${pct(st.scenario)} in the scenario's ${s.from === s.to ? "" : "base year"}`,
      );
    out.push("  period   entity            measure  observed    PIT     50%  90%");
    for (const p of s.points)
      out.push(
        `  ${p.period.padEnd(8)} ${p.entity.padEnd(17)} ${p.measure.padEnd(8)} ${pct(p.value).padStart(7)}  ${p.pit.toFixed(3).padStart(6)} ±${p.pitSe.toFixed(3)}  ${p.in50 ? "yes" : " no"}  ${p.in90 ? "yes" : " no !"}`,
      );
    const n = s.points.length;
    out.push(
      `  coverage: 50% band ${s.points.filter((p) => p.in50).length}/${n} (${pct(s.coverage50, 0)}), 90% band ${s.points.filter((p) => p.in90).length}/${n} (${pct(s.coverage90, 0)})`,
    );
    for (const m of s.byMeasure) out.push(`    ${m.measure}: ${m.n} figures, 50% band ${pct(m.coverage50, 0)}, 90% band ${pct(m.coverage90, 0)}`);
    out.push(`  PIT histogram (tenths, 0 -> 1): ${s.pitHistogram.join(" ")}`);
  }
  if (h.caveats.length) {
    out.push("");
    for (const c of h.caveats)
      if (c.kind === "definition")
        out.push(
          `Caveat: the figures measure ${c.observed}, the scenarios ${c.scenario} (${c.label.en}): shares and growth rates of two markets are compared.`,
        );
      else if (c.kind === "undefined") out.push(`Caveat: the scenario does not say which market it measures; the figures measure ${c.observed}.`);
      else out.push(`Caveat: ${c.file}:${c.line}: the source's ${c.entity} is ${c.match} than the scenario's.`);
  }
  out.push("");
  out.push(`${h.skipped.length} figures not placed (start values, earlier years, sizes): --json lists them.`);
  return out.join("\n") + "\n";
}
