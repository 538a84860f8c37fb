/**
 * BUG (failing test): a metric whose unit is "share" (the default for
 * metrics, engine/load/normalise.ts) gets a linear quantile sketch of fixed
 * 1e-4 bins (engine/simulate/compile.ts, addCell: sketch = "linear" when
 * unit === "share"), stored densely between the lowest and highest bin seen
 * (engine/summary/quantileSketch.ts, DenseStore.grow). Nothing checks that
 * such a metric stays in [0, 1] (validate accepts it, the kernel does not
 * check), so a ratio left at the default unit allocates (max - min) / 1e-4
 * doubles per column, per year and view, in every runner and in the
 * accumulator. With ratio-as-share.json scaled up (a = 0.9999, values ~1e4)
 * `marketfutures run --paths 3000 --threads 1` grew to 24 GB and was
 * killed after 108 s, with no message. Here the values are ~5..400: the
 * largest store already holds 3.8 million doubles (30 MB) for one column,
 * ~300x what a share needs. Expected: either a clear error naming the metric ("unit share but
 * value 37.2 outside [0, 1]; use unit ratio"), or a sketch whose memory does
 * not grow with the range.
 */
import { describe, expect, it } from "vitest";
import { fixture, simulate } from "./helpers.js";

describe("quantile sketches stay bounded in memory", () => {
  it("a metric with unit share whose values leave [0, 1] is refused or summarised in bounded memory", async () => {
    let sim;
    try {
      sim = await simulate(fixture("ratio-as-share.json"), { paths: 3000 });
    } catch (e) {
      // a clear refusal naming the metric is an acceptable fix
      expect((e as Error).message).toContain("a_over_b");
      return;
    }
    // 1e-4 bins over [0, 1] need 10,001 bins (plus the store's slack); 50,000 is generous for a share
    const largest = Math.max(...sim.accumulator.sketches.map((s) => ("store" in s ? (s as { store: { counts: Float64Array } }).store.counts.length : 0)));
    expect(largest, "doubles in the largest linear sketch store").toBeLessThanOrEqual(50_000);
  });
});
