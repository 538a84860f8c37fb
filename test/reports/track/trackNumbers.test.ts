/** How track prints numbers: engine/format's rules (digits from the Monte Carlo error, 0% and 100% only when exact). */
import { describe, expect, it } from "vitest";
import { ess, logLikelihoodText, observed, percentileText, priorText, weightText } from "../../../reports/track/trackNumbers.js";

describe("trackNumbers", () => {
  it("percentileText: the error's digits (PDG rule), never 0% or 100%, an error too small to print left out", () => {
    expect(percentileText(0.4613, 0.0021, "en")).toBe("46.13% ± 0.21%");
    expect(percentileText(0.4613, 0.004, "en")).toBe("46.1% ± 0.4%");
    expect(percentileText(0.4613, 0.0111, "en")).toBe("46.1% ± 1.1%");
    expect(percentileText(0.4613, 0.004, "fr")).toBe("46,1\u202F% ± 0,4\u202F%");
    // a mean of Gaussian probabilities that is 1 in floating point is not "every path": a bound
    expect(percentileText(1, 0, "en")).toBe("> 99.95%");
    expect(percentileText(0, 0, "en")).toBe("< 0.05%");
    // exact (the base year: one value on every path)
    expect(percentileText(0.46128, 0, "en")).toBe("46.1%");
    expect(percentileText(0.99999, 0.000001, "en")).toBe("> 99.995%");
    expect(percentileText(0.9996, 0.0002, "en")).toBe("99.96% ± 0.02%");
    expect(percentileText(0.99996, 0.0002, "en")).toBe("> 99.995% ± 0.02%");
  });

  it("weights at the digits of their interval's standard error, priors exact, ln likelihood with its error", () => {
    expect(weightText(0.1847, 0.1108, 0.2918, "en")).toBe("18% [11%, 29%]");
    // (0.2254 - 0.2172) / 3.92 = 0.21 points: two significant digits
    expect(weightText(0.2213, 0.2172, 0.2254, "en")).toBe("22.13% [21.72%, 22.54%]");
    expect(weightText(0.2213, 0.2113, 0.2313, "en")).toBe("22.1% [21.1%, 23.1%]");
    expect(weightText(0.9991, 0.9982, 0.9996, "en")).toBe("99.91% [99.82%, 99.96%]");
    expect(weightText(1, 1, 1, "en")).toBe("100%");
    expect(priorText(0.5, "en")).toBe("50%");
    expect(priorText(1 / 3, "fr")).toBe("33,3\u202F%");
    expect(logLikelihoodText(23.2614, 0.23, "en")).toBe("23.26 ± 0.23");
    expect(logLikelihoodText(-41.2614, 0.6, "fr")).toBe("\u221241,3 ± 0,6");
  });

  it("observed figures with omega in points, effective sample sizes grouped", () => {
    expect(observed(28, "%", 1.237, "en")).toBe("28% ± 1.2 pp");
    expect(observed(28, "%", 1.237, "fr")).toBe("28\u202F% ± 1,2\u202Fpts");
    expect(observed(119.1, "USD bn", 0.03, "en")).toBe("119.1 USD bn ± 0.0");
    expect(ess(8418.67, "en")).toBe("8,419");
    expect(ess(4.2, "en")).toBe("4.2");
  });
});
