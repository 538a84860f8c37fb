/**
 * What validate knows before a run from the values a file fixes (engine/load/checks/magnitudes.ts,
 * expressionValues.ts, inheritedPresentation.ts): each finding at its place, errors where every run would
 * fail, warnings (naming the number) where a value is possible but implausible or fails only on some paths.
 * Files are validated in memory (MemoryHost) beside a small base scenario.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../engine/diagnostics.js";
import { validateText } from "../../engine/load/index.js";

const base = readFileSync("test/fixtures/valid/base.json", "utf8");
const validate = (doc: object): Promise<Diagnostic[]> =>
  validateText("child.json", JSON.stringify({ id: "child", extends: "base.json", ...doc }, null, 1), { "base.json": base });
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.path}: ${d.message}`);

describe("numbers the file fixes, against what they mean", () => {
  it("errors where every run would fail: a CAGR of -100% or less, an event rate above 50; a warning for a number beyond 1e100", async () => {
    const ds = await validate({
      regions: [
        { id: "north", growth: { value: -1, assumption: "x" } },
        { id: "south", marketSize: { dist: "lognormal", mu: 700, sigma: 0.1, assumption: "x" } },
      ],
      events: [{ id: "outage", rate: { dist: "uniform", min: 1, max: 60, assumption: "x" } }],
    });
    expect(brief(ds.filter((d) => d.severity === "error"))).toEqual([
      "error regions[0].growth: a growth (CAGR) of -1 is -100% or less: the log growth ln(1 + CAGR) is undefined",
      "error events[0].rate: an event rate of 60 a year (the highest value of its distribution) is more than the 50 a shock event may have",
    ]);
    expect(brief(ds.filter((d) => d.severity === "warning"))).toEqual([
      "warning regions[1].marketSize: a market size of 1.01423e+304 (the median of its distribution) is beyond any meaningful value: computing with it can overflow double precision (the largest is 1.8e308), which stops the run",
    ]);
  });

  it("warnings naming the number for implausible values, at the ends or tails of a distribution", async () => {
    const ds = await validate({
      players: [
        { id: "alpha", drift: { dist: "normal", mean: 0, sd: 2, assumption: "x" } },
        { id: "beta", volatility: { value: 3, assumption: "x" } },
      ],
      regions: [{ id: "north", marketSize: { value: 2e6, assumption: "x" } }],
    });
    expect(ds.every((d) => d.severity === "warning")).toBe(true);
    expect(brief(ds)).toEqual([
      "warning players[0].drift: a drift of -3.28971 (the 5th percentile of its distribution) is implausible (log points a year; 1 already multiplies the attraction by e = 2.7 every year)",
      "warning players[1].volatility: a volatility of 3 is implausible (the sd of a yearly log shock; 1 already means shocks of 2.7 times either way)",
      "warning regions[0].marketSize: a market size of 2000000 is implausible (USD bn; the world economy is about 110,000 USD bn)",
    ]);
  });

  it("a growth whose distribution can cross -100%: a warning with the probability (scipy: norm.cdf(-1, 0, 0.4) = 0.00621)", async () => {
    const [d] = await validate({ regions: [{ id: "north", growth: { dist: "normal", mean: 0, sd: 0.4, assumption: "x" } }] });
    expect(d.severity).toBe("warning");
    expect(d.message).toBe("this growth's distribution gives a CAGR of -100% or less with probability 0.00620967; a path that draws one stops the run");
  });
});

describe("expressions evaluated before the run", () => {
  it("a rate expression that is not finite, or a CAGR of -100%, with the parameters at their medians, is an error naming the year", async () => {
    const ds = await validate({
      players: [{ id: "alpha", drift: { expr: "1 / (year - 2027)", assumption: "x" } }],
      regions: [{ id: "north", growth: { expr: "t > 3 ? -1 : 0.05", assumption: "x" } }],
    });
    expect(brief(ds)).toEqual([
      'error players[0].drift.expr: expression "1 / (year - 2027)" gives Infinity in 2027',
      'error regions[0].growth.expr: expression "t > 3 ? -1 : 0.05" gives a growth (CAGR) of -1 in 2029: -100% or less, where ln(1 + CAGR) is undefined',
    ]);
  });

  it("one that fails only at the parameters' 5th or 95th percentiles is a warning (boost ~ PERT(0, 0.02, 0.05): median 0.0196, 95th percentile 0.0366)", async () => {
    const ds = await validate({ players: [{ id: "alpha", drift: { expr: "0.01 * log(0.035 - boost)", assumption: "x" } }] });
    expect(brief(ds)).toEqual([
      'warning players[0].drift.expr: expression "0.01 * log(0.035 - boost)" gives NaN in 2026 with every parameter at its 95th percentile; paths that draw such parameters stop the run',
    ]);
  });

  it("a metric dividing by a player absent from a view is an error naming the view and the player", async () => {
    // beta has a share in north only
    const ds = await validate({ metrics: [{ id: "ratio", expr: "alpha / beta", unit: "ratio" }] });
    const errors = ds.filter((d) => d.severity === "error");
    expect(brief(errors)).toEqual([
      'error metrics[0].expr: expression "alpha / beta" gives Infinity in the view "south" in 2025, with the 2025 shares (beta has no share there)',
    ]);
  });
});

describe("a new scenario's inherited presentation", () => {
  it("is named in a warning at the new file's extends; an edited copy (the same id) is not warned about", async () => {
    const parent = JSON.stringify({ ...JSON.parse(base), presentation: { color: "#1f77b4", focusGroup: "big" } });
    const warned = await validateText("child.json", '{"id": "child", "extends": "base.json"}', { "base.json": parent });
    expect(brief(warned)).toEqual([
      'warning extends: inherits presentation.color "#1f77b4" (its colour in comparison figures) and presentation.focusGroup "big" (the group of its distribution and sample-path figures) from base.json',
    ]);
    expect(await validateText("child.json", '{"id": "base", "extends": "base.json"}', { "base.json": parent })).toEqual([]);
    expect(
      await validateText("child.json", '{"id": "child", "extends": "base.json", "presentation": {"color": "#123456", "focusGroup": "small"}}', {
        "base.json": parent,
      }),
    ).toEqual([]);
  });
});
