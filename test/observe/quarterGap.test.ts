/** The quarter-to-year gap, estimated from the quarters of one year (engine/observe/quarterGap.ts), against hand computations. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseObservations, type Observation } from "../../engine/observe/observations.js";
import { estimateQuarterGaps } from "../../engine/observe/quarterGap.js";

const read = (...files: string[]): Observation[] =>
  files.flatMap((f) => parseObservations(readFileSync(`scenarios/observations/${f}`, "utf8"), f).observations);

describe("estimateQuarterGaps", () => {
  it("pools the within-year variance over series and takes the rounding's variance (h^2 / 3) out", () => {
    const text = [
      "period,view,entity,measure,value,unit,rounding,error,definition,source",
      "2025Q1,global,a,share,10,%,0.5,,d,S",
      "2025Q2,global,a,share,12,%,0.5,,d,S",
      "2025Q3,global,a,share,14,%,0.5,,d,S",
      "2025Q1,global,b,share,20,%,0.5,,d,S",
      "2025Q4,global,b,share,21,%,0.5,,d,S",
      "2026Q1,global,b,share,30,%,0.5,,d,S", // alone in its year: no information on the gap
      "2026,global,b,share,31,%,0.5,,d,S", // a year: not a quarter
    ].join("\n");
    const [gap] = estimateQuarterGaps(parseObservations(text, "o.csv").observations);
    // a: deviations -2, 0, 2 (SS 8, 2 df); b: -0.5, 0.5 (SS 0.5, 1 df): s^2 = 8.5 / 3; rounding 0.25 / 3 for each of 5 figures
    expect(gap.measure).toBe("share");
    expect(gap.df).toBe(3);
    expect(gap.spread).toBeCloseTo(Math.sqrt(8.5 / 3), 14);
    expect(gap.sd).toBeCloseTo(Math.sqrt(8.5 / 3 - 0.25 / 3), 14);
    expect(gap.from).toEqual(["a global 2025 d (3 quarters)", "b global 2025 d (2 quarters)"]);
  });

  it("is 0 when the quarters spread less than their rounding, and NaN with nothing to estimate it from", () => {
    const header = "period,view,entity,measure,value,unit,rounding,error,definition,source";
    const same = parseObservations(`${header}\n2025Q1,global,a,share,10,%,0.5,,d,S\n2025Q2,global,a,share,10,%,0.5,,d,S\n`, "o.csv").observations;
    expect(estimateQuarterGaps(same)[0]).toMatchObject({ sd: 0, df: 1 });
    const lone = parseObservations(`${header}\n2025Q1,global,a,growth,10,%,0.5,,d,S\n`, "o.csv").observations;
    const [g] = estimateQuarterGaps(lone);
    expect(g.df).toBe(0);
    expect(g.sd).toBeNaN();
  });

  it("on the shipped worldwide figures: 0.67 pp for shares, 3.0 pp for growth (hand computation below)", () => {
    const gaps = estimateQuarterGaps(read("worldwide-shares.csv", "worldwide-growth.csv"));
    // shares: 2021 (AWS 33/33, MS 20/20, Google 10/10: SS 0, 3 df); 2022 (AWS 34/33: 0.5; Google 10.5/11: 0.125, 2 df);
    // 2025 (AWS 30/29/28: 2; MS 20/20/21: 2/3; Google 13/13/15: 8/3; 6 df): SS 5.958 over 11 df;
    // rounding of those 19 figures: h = 0.5, but AWS 2022Q2 (about 34%) at h = 1: mean h^2/3 = (18 * 0.25 + 1) / 3 / 19
    const ss = 0.5 + 0.125 + 2 + 2 / 3 + 8 / 3;
    const roundingVariance = (18 * 0.25 + 1) / 3 / 19;
    const share = gaps.find((g) => g.measure === "share")!;
    expect(share.df).toBe(11);
    expect(share.sd).toBeCloseTo(Math.sqrt(ss / 11 - roundingVariance), 12);
    expect(share.sd).toBeCloseTo(0.667, 3);
    // growth: 2021 39/37 (SS 2), 2022 29/24/21 (SS 32.667), 2025 23/25 (SS 2): 4 df; rounding 0.5 on all 7
    const growth = gaps.find((g) => g.measure === "growth")!;
    expect(growth.df).toBe(4);
    expect(growth.sd).toBeCloseTo(Math.sqrt((2 + 98 / 3 + 2) / 4 - 0.25 / 3), 12);
    expect(growth.sd).toBeCloseTo(3.014, 3);
  });
});
