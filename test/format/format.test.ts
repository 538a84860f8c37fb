/**
 * The number rules (engine/format/index.ts) as properties over many values:
 * no probability other than 0 or 1 prints as "0%" or "100%"; a standard
 * error never prints as zero; differences carry "pp"; market size and HHI
 * print at their spread's step. Expected texts are written by hand from the
 * rules, not produced by the code.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatPointDifference,
  formatPointDifferenceSe,
  formatProbability,
  formatProbabilitySe,
  formatQuantity,
  NNBSP,
  stepForSpread,
} from "../../engine/format/index.js";

describe("probabilities", () => {
  it('print "100%" and "0%" only for exactly 1 and 0, at any precision and in both languages', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2 }), fc.constantFrom("en", "fr"), (p, digits, lang) => {
        const text = formatProbability(p, lang as "en" | "fr", digits).replace(NNBSP, "");
        if (p !== 1) expect(text).not.toMatch(/^100(\.0+|,0+)?%$/);
        if (p !== 0) expect(text).not.toMatch(/^0(\.0+|,0+)?%$/);
      }),
    );
  });

  it("near the ends, say on which side", () => {
    expect(formatProbability(0.99645, "en")).toBe("> 99.5%");
    expect(formatProbability(0.99645, "en", 1)).toBe("99.6%");
    expect(formatProbability(0.9996, "en", 1)).toBe("> 99.95%");
    expect(formatProbability(0.003, "en")).toBe("< 0.5%");
    expect(formatProbability(0.003, "fr")).toBe(`< 0,5${NNBSP}%`);
    expect(formatProbability(0.006, "en")).toBe("1%");
  });

  it("with a standard error: the error never prints as zero, and its digits set the estimate's", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 1e-6, max: 0.05, noNaN: true }), (p, se) => {
        const [, err] = formatProbabilitySe(p, se, "en").split(" ± ");
        expect(err).toBeDefined();
        // at most 2 decimals: an error below 0.005 points prints 0.00%; the estimate then has 2 decimals too
        if (se * 100 >= 0.005) expect(err).not.toMatch(/^0(\.0+)?%$/);
      }),
    );
    expect(formatProbabilitySe(0.7003, 0.0032, "en")).toBe("70.03% ± 0.32%"); // the "70% ± 0.0%"; PDG: 320 -> two digits
    expect(formatProbabilitySe(0.7003, 0.0041, "en")).toBe("70.0% ± 0.4%");
    expect(formatProbabilitySe(1, 0, "en")).toBe("100%");
  });
});

describe("differences of shares", () => {
  it("are in percentage points, signed, at the error's precision", () => {
    expect(formatPointDifference(0.056, "en")).toBe("+5.6 pp");
    expect(formatPointDifference(0.056, "fr")).toBe(`+5,6${NNBSP}pts`);
    expect(formatPointDifferenceSe(0.056, 0.0041, "en")).toBe("+5.6 ± 0.4 pp");
    expect(formatPointDifferenceSe(-0.0002, 0.0004, "en")).toBe("−0.02 ± 0.04 pp");
    expect(formatPointDifferenceSe(0.00001, 0.0004, "en")).toBe("0.00 ± 0.04 pp");
  });
});

describe("market size and HHI", () => {
  it("round to the largest power of ten not above half their 90% interval's width", () => {
    const step = stepForSpread(2312, 2350);
    expect(step).toBe(10);
    expect([2312, 2331, 2350].map((x) => formatQuantity(x, "usd_bn", "en", step))).toEqual(["$2,310 bn", "$2,330 bn", "$2,350 bn"]);
    const hhi = stepForSpread(1692, 2035);
    expect(hhi).toBe(100);
    expect(formatQuantity(1692, "hhi", "fr", hhi)).toBe(`1${NNBSP}700`);
    expect(stepForSpread(100, 119)).toBe(1); // half-width 9.5: units
    expect(stepForSpread(0.2, 0.3, 0.01)).toBe(0.01);
  });
});
