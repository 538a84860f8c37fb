/**
 * The share columns' block summaries in WebAssembly
 * (engine/wasm/assembly/summaries.ts) give the JavaScript's numbers: the
 * moments of addMoments to the last bit, merged over blocks, and the bins of
 * LinearSketch.addAll; a block whose bins leave a column's store is handed
 * back untouched, and a non-finite mean names its column.
 */
import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { dimensionDistributions } from "../../engine/simulate/inputs.js";
import { kernelContext } from "../../engine/simulate/kernel.js";
import { SHARE_BINS } from "../../engine/simulate/kernelMemory.js";
import { columnCount } from "../../engine/simulate/model.js";
import { addMoments } from "../../engine/summary/moments.js";
import { LinearSketch } from "../../engine/summary/quantileSketch.js";
import { load } from "./helpers.js";

describe("share columns summarised in WebAssembly", async () => {
  const model = compileModel(await load("scenarios/hyperscaler-hegemony.json"), parseWithMathjs);
  const memory = kernelContext(model, dimensionDistributions(model)).memory;
  const C = columnCount(model);
  const nb = 256;
  const rng = seedrandom("summaries");
  const shares = memory.shareColumns;
  /** A block: share columns random in [0, 1) (some narrow, one constant, one of +-0), the rest left. */
  const fill = () => {
    shares.forEach((col, k) => {
      for (let q = 0; q < nb; q++) {
        const v = k === 0 ? 0.25 : k === 1 ? (q % 2 ? 0 : -0) : k % 3 === 0 ? 0.1 + 0.001 * rng() : rng();
        memory.out[col * nb + q] = v;
      }
    });
  };

  it(`equal addMoments (bit for bit) and LinearSketch.addAll (bin for bin) over 3 blocks, ${shares.length} share columns`, () => {
    memory.counts.fill(0);
    const expected = new Float64Array(C * 4);
    const sketches = Array.from(shares, () => new LinearSketch(1e-4));
    for (let block = 0; block < 3; block++) {
      fill();
      expect(memory.summarise(nb, 0, block * nb)).toBe(-1);
      shares.forEach((col, k) => {
        addMoments(expected, col * 4, block * nb, memory.out, col * nb, nb);
        sketches[k].addAll(memory.out, col * nb, nb);
      });
    }
    shares.forEach((col, k) => {
      expect(Array.from(memory.moments.subarray(col * 4, col * 4 + 4))).toEqual(Array.from(expected.subarray(col * 4, col * 4 + 4)));
      const got = memory.counts.subarray(k * SHARE_BINS, (k + 1) * SHARE_BINS);
      const bins: [number, number][] = [];
      got.forEach((c, b) => c > 0 && bins.push([b, c]));
      expect(bins).toEqual(sketches[k].store.toPairs());
    });
  });

  it("hands back a block whose bins leave a store, untouched, and names a column whose mean is not finite", () => {
    fill();
    const k = 5;
    const col = shares[k];
    memory.out[col * nb + 7] = 1.5; // bin 15000: beyond [0, 1]
    memory.counts.fill(0);
    const before = memory.moments.slice();
    expect(memory.summarise(nb, 0, 0)).toBe(-2 - k);
    expect(Array.from(memory.moments.subarray(col * 4, col * 4 + 4))).toEqual(Array.from(before.subarray(col * 4, col * 4 + 4)));
    expect(memory.counts.subarray(k * SHARE_BINS, (k + 1) * SHARE_BINS).every((c) => c === 0)).toBe(true);
    expect(memory.summarise(nb, k + 1, 0)).toBe(-1);
    memory.out[shares[9] * nb + 3] = NaN;
    expect(memory.summarise(nb, 0, 0)).toBe(-2 - k);
    expect(memory.summarise(nb, k + 1, 0)).toBe(shares[9]);
  });
});
