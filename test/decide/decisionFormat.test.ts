import { describe, expect, it } from "vitest";
import { decimalsFor, fixed, formatDifference, formatError, formatEstimate, formatProbability } from "../../engine/decide/decisionFormat.js";

describe("decide's number formats: digits follow the Monte Carlo error", () => {
  it("decimalsFor: two significant digits of the standard error", () => {
    expect([12, 1.5, 0.012, 0.00099].map((x) => decimalsFor(x))).toEqual([0, 1, 3, 5]);
    expect(decimalsFor(0)).toBeUndefined();
  });

  it("shares in percent with their error, differences in percentage points, signed", () => {
    expect(formatEstimate(0.041234, 0.00012, "share")).toBe("4.123% ± 0.012");
    expect(formatEstimate(0.041234, 0.00012, "share", "fr")).toBe("4,123\u202F% ± 0,012");
    expect(formatDifference(0.01234, 0.00005, "share")).toBe("+1.2340 pp ± 0.0050");
    expect(formatDifference(-0.01234, 0.0005, "share", "fr")).toBe("\u22121,234\u202Fpts ± 0,050");
    expect(formatDifference(0, 0, "share")).toBe("0 pp");
    // an error that is only rounding: the value is exact
    expect(formatDifference(0.75, 1e-16, "number")).toBe("+0.75");
    expect(formatEstimate(3465.43, 1.4, "hhi")).toBe("3,465.4 ± 1.4");
    expect(formatError(0.000123, "share")).toBe("0.012 pp");
    expect(formatError(1e-17, "number")).toBe("0");
    expect(fixed(-1234.5, 1, "fr")).toBe("\u22121\u202F234,5");
  });

  it("probabilities: never 0% or 100% unless no path or every path", () => {
    expect(formatProbability(0.4567, 0.0035)).toBe("45.67% ± 0.35");
    expect(formatProbability(0.99996, 0.00004)).toBe("99.9960% ± 0.0040");
    expect(formatProbability(0.99996, 0.004)).toBe("99.996% ± 0.400");
    expect(formatProbability(0.00004, 0.00004)).toBe("0.0040% ± 0.0040");
    expect(formatProbability(1, 0)).toBe("every path");
    expect(formatProbability(0, 0, "fr")).toBe("aucun chemin");
  });
});
