/**
 * The benchmark workload (MODEL.md section 8, scenarios/benchmark.json)
 * against two independent implementations (test/fixtures/reference/
 * benchmark-2030.json): ref.c at 4M paths and numpy at 1M paths (c_1m is
 * the first quarter of c_4m, not independent of it, so it is not used).
 *
 * Tolerance for each statistic: 4 x the combined standard error
 * sqrt(se_engine^2 + se_ref^2), plus the references' printing resolution
 * (mean: %.4f, rounding <= 0.5e-4; quantiles: the printed value only says
 * the quantile is within +-1e-4), plus for quantiles the engine's own sketch
 * bin (1e-4). Standard errors: mean sd/sqrt(n); quantile
 * sqrt(q(1-q)/n)/f(x_q), with the density f estimated from the engine's own
 * sketch as 2d / (Q(q+d) - Q(q-d)), d = 0.01.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { column, series, simulate } from "./helpers.js";

interface RefPlayer {
  id: string;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}
const ref = JSON.parse(readFileSync("test/fixtures/reference/benchmark-2030.json", "utf8")) as {
  references: Record<string, { paths: number; players: RefPlayer[] }>;
};
const N = 200_000;

describe("benchmark workload vs independent reference implementations (2030 shares)", () => {
  it(`agrees with ref.c (4M paths) and numpy (1M paths) within Monte Carlo error, ${N} paths`, async () => {
    const sim = await simulate("scenarios/benchmark.json", { paths: N, seed: "42" });
    const failures: string[] = [];
    let checked = 0;
    for (const name of ["c_4m", "numpy_1m"]) {
      const r = ref.references[name];
      for (const p of r.players) {
        const st = series(sim, "global", p.id).stats[5];
        expect(st.n).toBe(N);
        const seMean = Math.hypot(st.sd / Math.sqrt(N), st.sd / Math.sqrt(r.paths));
        const tolMean = 4 * seMean + 0.5e-4;
        checked++;
        if (Math.abs(st.mean - p.mean) > tolMean)
          failures.push(`${name} ${p.id} mean: engine ${st.mean.toFixed(5)} ref ${p.mean} tol ${tolMean.toExponential(2)}`);
        const sketch = sim.accumulator.sketches[column(sim, "global", p.id, 5)];
        for (const [q, key] of [
          [0.05, "p5"],
          [0.5, "p50"],
          [0.95, "p95"],
        ] as const) {
          const d = 0.01;
          const f = (2 * d) / (sketch.quantile(q + d) - sketch.quantile(q - d));
          const se1 = Math.sqrt((q * (1 - q)) / N) / f;
          const seRef = Math.sqrt((q * (1 - q)) / r.paths) / f;
          const tol = 4 * Math.hypot(se1, seRef) + 1e-4 + 1e-4;
          checked++;
          if (Math.abs(st[key] - p[key]) > tol) failures.push(`${name} ${p.id} ${key}: engine ${st[key].toFixed(5)} ref ${p[key]} tol ${tol.toExponential(2)}`);
        }
      }
    }
    expect(checked).toBe(2 * 12 * 4);
    expect(failures).toEqual([]);
  });
});
