/** How track prints numbers: digits from the Monte Carlo error, 0% and 100% only when exact, points for differences. */
import { describe, expect, it } from "vitest";
import { decimalsFor, ess, observed, points, probability, weightWithInterval, withSe } from "../../../reports/track/trackNumbers.js";

describe("trackNumbers", () => {
  it("decimalsFor: the last digit at the order of two standard errors", () => {
    expect([3, 0.4, 0.04, 0.0004, 0, NaN].map((se) => decimalsFor(se))).toEqual([0, 1, 2, 3, 0, 0]);
  });

  it("probability: digits from the error; 0% and 100% only when exact, else below or above half the last digit", () => {
    expect(probability(0, 0, "en")).toBe("0%");
    expect(probability(1, 0, "en")).toBe("100%");
    expect(probability(0.0004, 0.0003, "en")).toBe("0.04%");
    expect(probability(0.00004, 0.0003, "en")).toBe("< 0.005%");
    expect(probability(0.999, 0.01, "en")).toBe("> 99.5%");
    expect(probability(0.996, 0.01, "en")).toBe("> 99.5%");
    expect(probability(0.994, 0.01, "en")).toBe("99%");
    expect(probability(0.4613, 0.002, "en")).toBe("46.1%");
    expect(probability(0.4613, 0.002, "fr")).toBe("46,1\u202F%");
  });

  it("values with their errors, weights with their intervals, differences in points, observed figures with omega", () => {
    expect(withSe(23.2614, 0.23, "en", 2)).toBe("23.3 ± 0.2");
    expect(weightWithInterval(0.1847, 0.1108, 0.2918, "en")).toBe("18% [11%, 29%]");
    expect(weightWithInterval(1, 1, 1, "en")).toBe("100%");
    expect(points(-0.0213, "en")).toBe("−2.1 pp");
    expect(points(0.005, "fr")).toBe("+0,5\u202Fpt");
    expect(observed(28, "%", 1.237, "en")).toBe("28% ± 1.2 pp");
    expect(observed(119.1, "USD bn", 0.03, "en")).toBe("119.1 USD bn ± 0.0");
    expect(ess(18.67, "en")).toBe("19");
    expect(ess(4.2, "en")).toBe("4.2");
  });
});
