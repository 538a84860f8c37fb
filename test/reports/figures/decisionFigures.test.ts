/**
 * The figures of `decide` on a frozen result (test/fixtures/results/decision.json, written by
 * `marketfutures decide test/fixtures/decide/linear-up.json test/fixtures/decide/linear-down.json
 * --outcome "mean log_ratio 2030, maximise" --threshold -1.4 --outcome "median a 2030, minimise"
 * --paths 2000 --threads 1 --out DIR`): snapshots in both languages (looked at as PNG), and what
 * must hold whatever the numbers: one cell per setting and scenario plus the maximum, each with
 * its value written in it, the most robust setting in the title, the non-dominated settings marked.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DecisionResult } from "../../../engine/decide/decide.js";
import { formatDifference } from "../../../engine/decide/decisionFormat.js";
import { decisionFigures } from "../../../reports/figures/decisionFigures.js";
import { decisionTradeoff } from "../../../reports/figures/decisionTradeoff.js";
import { regretHeatmap } from "../../../reports/figures/regretHeatmap.js";
import { createDocument } from "../../../reports/render/dom.js";
import { serializeSvg } from "../../../reports/render/serialize.js";
import { normalise } from "../fixture.js";

const result = JSON.parse(readFileSync("test/fixtures/results/decision.json", "utf8")) as DecisionResult;

describe("decide figures", async () => {
  const document = await createDocument();

  it("are a heat map per outcome and, with two outcomes, the trade-off", () => {
    expect(decisionFigures(result, { document, lang: "en" }).map((f) => f.name)).toEqual(["decision-regret-1", "decision-regret-2", "decision-tradeoff"]);
  });

  for (const lang of ["en", "fr"] as const) {
    it(`regret heat map (${lang}): a cell per setting and scenario plus the maximum, each with its regret written in it`, async () => {
      const f = regretHeatmap(result, 0, { document, lang });
      const svg = serializeSvg(f.svg);
      const o = result.outcomes[0];
      const S = result.settings.length;
      const K = result.scenarios.length;
      expect(f.svg.querySelectorAll("rect.decision-regret-cell")).toHaveLength(S * (K + 1));
      const texts = [...f.svg.querySelectorAll("text")].map((t) => t.textContent);
      for (let l = 0; l < S; l++) {
        for (const c of o.cells[l]) expect(texts).toContain(formatDifference(c.regret, c.regretSe, o.unit, lang, false));
        expect(texts).toContain(formatDifference(o.settings[l].maxRegret.value, o.settings[l].maxRegret.se, o.unit, lang, false));
      }
      expect(svg).toContain('role="img"');
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      await expect(normalise(svg)).toMatchFileSnapshot(`../__snapshots__/${lang}/decision-regret.svg`);
    });

    it(`trade-off (${lang}): the non-dominated settings in colour and labelled, the others grey`, async () => {
      const f = decisionTradeoff(result, { document, lang });
      const svg = serializeSvg(f.svg);
      const front = result.pareto!.nonDominated;
      expect(f.svg.querySelectorAll(".decision-front circle")).toHaveLength(front.length);
      expect(f.svg.querySelectorAll(".decision-dominated circle")).toHaveLength(result.settings.length - front.length);
      expect(f.csv.split("\n")[0]).toBe("setting,label,expected_log_ratio,expected_log_ratio_se,expected_a,expected_a_se,non_dominated,dominated_by");
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      await expect(normalise(svg)).toMatchFileSnapshot(`../__snapshots__/${lang}/decision-tradeoff.svg`);
    });
  }

  it("titles state the findings: the most robust setting and its maximum regret; how many settings are not dominated", () => {
    const o = result.outcomes[0];
    const robust = result.settings[o.minimaxRegret].label;
    expect(regretHeatmap(result, 0, { document, lang: "en" }).title).toMatch(
      new RegExp(`^${robust} is the most robust setting for the mean ln\\(a / b\\) worldwide in 2030: never more than 0\\.25 below`),
    );
    expect(decisionTradeoff(result, { document, lang: "en" }).title).toBe(
      `${result.pareto!.nonDominated.length} of 4 lever settings are not dominated on the mean ln(a / b) worldwide in 2030 and the median share of a worldwide in 2030`,
    );
  });
  it("a title that names one best setting only when no other ties it (a lever without effect on the outcome)", () => {
    // settings 0 and 1 both exactly best in every scenario: as when a lever does not act on the outcome
    const o = result.outcomes[0];
    const zero = (c: (typeof o.cells)[number][number]) => ({ ...c, regret: 0, regretSe: 0 });
    const cells = o.cells.map((row, l) => (l < 2 ? row.map(zero) : row));
    const settings = o.settings.map((s, l) => (l < 2 ? { ...s, maxRegret: { ...s.maxRegret, value: 0, se: 0 } } : s));
    const tied = { ...result, outcomes: [{ ...o, cells, settings, minimaxRegret: 0 }, ...result.outcomes.slice(1)] };
    expect(regretHeatmap(tied, 0, { document, lang: "en" }).title).toBe(
      `2 settings, ${result.settings[0].label} among them, are equally the best in every scenario for the mean ln(a / b) worldwide in 2030`,
    );
    expect(regretHeatmap(tied, 0, { document, lang: "fr" }).title).toMatch(/^2 réglages, dont .+, sont ex aequo les meilleurs dans chaque scénario/);
  });
});
