import { describe, expect, it } from "vitest";
import { fixed, formatDifference, formatError, formatEstimate, formatProbability, formatValue } from "../../engine/decide/decisionFormat.js";
import { formatPointDifferenceSe, formatProbabilitySe } from "../../engine/format/index.js";

// decide prints through engine/format's rules (the Particle Data Group's digits, points for
// differences of shares, no 0% or 100% unless exact); values below worked out by hand.
describe("decide's number formats: engine/format's honest-number rules", () => {
  it("estimates: the error's digits (PDG: two significant from 100 to 354, else one), shares in percent", () => {
    expect(formatEstimate(0.041234, 0.00042, "share")).toBe("4.12% ± 0.04%");
    expect(formatEstimate(0.041234, 0.00012, "share")).toBe("4.123% ± 0.012%");
    expect(formatEstimate(0.041234, 0.00012, "share", "fr")).toBe("4,123\u202F% ± 0,012\u202F%");
    expect(formatEstimate(3465.43, 1.4, "hhi")).toBe("3,465.4 ± 1.4");
    expect(formatEstimate(2345.64, 0.6, "usd_bn")).toBe("$2,345.6 bn ± 0.6");
    expect(formatValue(0.041234, 0.00042, "share")).toBe("4.12%");
    // an error that is only rounding: the value is exact
    expect(formatEstimate(0.5, 1e-17, "share")).toBe("50%");
    expect(formatEstimate(0.1234567, 0, "share")).toBe("12.35%");
  });

  it("regrets: differences of shares in percentage points with their paired error, as engine/format prints them", () => {
    expect(formatDifference(0.01234, 0.0005, "share")).toBe("+1.23 ± 0.05 pp");
    expect(formatDifference(0.01234, 0.0005, "share")).toBe(formatPointDifferenceSe(0.01234, 0.0005, "en"));
    expect(formatDifference(-0.01234, 0.0005, "share", "fr")).toBe("\u22121,23 ± 0,05\u202Fpts");
    expect(formatDifference(0.01234, 0.0005, "share", "en", false)).toBe("+1.23 pp");
    expect(formatDifference(0, 0, "share")).toBe("0 pp");
    // a paired error of a few thousandths of a point keeps its digit: never "± 0.00"
    expect(formatDifference(0.0322, 0.00004, "share")).toBe("+3.220 ± 0.004 pp");
    expect(formatDifference(0.0322, 0.00004, "share", "fr")).toBe("+3,220 ± 0,004\u202Fpts");
    expect(formatDifference(0.75, 1e-16, "number")).toBe("+0.75");
    expect(formatDifference(0.0125, 0, "share", "en", false)).toBe("+1.25 pp");
    expect(formatDifference(12.34, 1.4, "hhi")).toBe("+12.3 ± 1.4");
    expect(formatError(0.000123, "share")).toBe("0.012 pp");
    expect(formatError(1e-17, "number")).toBe("0");
    expect(fixed(-1234.5, 1, "fr")).toBe("\u22121\u202F234,5");
  });

  it("probabilities: never 0% or 100% unless no path or every path", () => {
    expect(formatProbability(0.4567, 0.0035)).toBe("45.67% ± 0.35%");
    expect(formatProbability(0.4567, 0.0035)).toBe(formatProbabilitySe(0.4567, 0.0035, "en"));
    expect(formatProbability(0.99996, 0.0004)).toBe("> 99.995% ± 0.04%");
    expect(formatProbability(0.00004, 0.0004)).toBe("< 0.005% ± 0.04%");
    expect(formatProbability(1, 0)).toBe("100%");
    expect(formatProbability(0, 0, "fr")).toBe("0\u202F%");
    expect(formatProbability(0.4567, 0.0035, "en", false)).toBe("45.67%");
  });
});
