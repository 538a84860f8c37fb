import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, formatShare, formatUsdBn, NNBSP } from "../../../reports/format/numbers.js";

describe("number formats", () => {
  it("formatNumber(1300, en) is 1,300 and (1300, fr) uses a narrow no-break space", () => {
    expect(formatNumber(1300, "en")).toBe("1,300");
    expect(formatNumber(1300, "fr")).toBe(`1${NNBSP}300`);
    expect(formatNumber(12.5, "fr", 1)).toBe("12,5");
    expect(formatNumber(-0.004, "en", 2)).toBe("0.00");
    expect(formatNumber(NaN, "en")).toBe("–");
  });
  it("formatPercent(0.7) is 70% in English and 70 % (U+202F) in French", () => {
    expect(formatPercent(0.7, "en")).toBe("70%");
    expect(formatPercent(0.7, "fr")).toBe(`70${NNBSP}%`);
    expect(formatShare(0.041, "fr")).toBe(`4,1${NNBSP}%`);
  });
  it("formatUsdBn(1300) is $1,300 bn / 1 300 Md$", () => {
    expect(formatUsdBn(1300, "en")).toBe("$1,300 bn");
    expect(formatUsdBn(1300, "fr")).toBe(`1${NNBSP}300${NNBSP}Md$`);
  });
});
