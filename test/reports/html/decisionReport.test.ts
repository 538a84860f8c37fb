/** report --decide: a decision's figures, tables and notes in the Analysis section, from a frozen decision.json. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDifference, formatEstimate, formatProbability } from "../../../engine/decide/decisionFormat.js";
import { UserError } from "../../../engine/diagnostics.js";
import { readDecision } from "../../../reports/analysis/readDecision.js";
import { buildReport } from "../../../reports/buildReport.js";
import { loadFixture } from "../fixture.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-decision-report-"));
const fixture = "test/fixtures/results/decision.json";

describe("report --decide", () => {
  it("adds the heat maps, the trade-off, a table per outcome and the notes; two decisions get distinct file names", async () => {
    const out = join(tmp, "a");
    const decision = readDecision(fixture);
    const summary = await buildReport(loadFixture(), {
      out,
      lang: "en",
      png: false,
      force: false,
      command: "test",
      version: "0.0.0",
      decisions: [decision, decision],
    });
    expect(summary.figures).toBe(10 + 2 * 3);
    const figures = readdirSync(join(out, "figures"));
    for (const k of [1, 2])
      for (const name of [`decision-${k}-regret-1`, `decision-${k}-regret-2`, `decision-${k}-tradeoff`]) expect(figures).toContain(`${name}.svg`);
    const html = readFileSync(join(out, "report.html"), "utf8");
    const section = html.slice(html.indexOf('<section id="analysis">'), html.indexOf('<section id="method">'));
    expect(section).toContain("<h3>Decision across the scenarios: mean ln(a / b) worldwide in 2030; median share of a worldwide in 2030</h3>");
    expect(section).toContain('id="decision-1-regret-1-title"');
    expect(section).toContain('aria-labelledby="decision-2-tradeoff-title decision-2-tradeoff-desc"');
    // the first outcome's table: the statistic with its error in each scenario, and the satisficing probability
    const o = decision.outcomes[0];
    const cell = o.cells[0][0];
    const [value, error] = formatEstimate(cell.value, cell.se, o.unit).split(" ± ");
    expect(section).toContain(`<span class="med">${value}</span> <span class="ci">± ${error}</span>`);
    expect(section).toContain(`<th scope="col" class="num">P(≥ −1.4), all scenarios</th>`);
    const p = o.settings[2].satisficing!;
    expect(section).toContain(formatProbability(p.value, p.se).split(" ± ")[0]);
    expect(section).toContain("Their effects are assumptions of the scenario files, not estimates.");
    // the maximum regret: a difference between two settings, with the standard error of the paired difference
    const worst = o.settings[0].maxRegret;
    expect(worst.se).toBeGreaterThan(0);
    expect(section).toContain(formatDifference(worst.value, worst.se, o.unit).split(" ± ")[0]);
    expect(section).toContain("standard error of that paired difference");
    expect(section).toContain("16,000 simulated paths, seed linear, from test/fixtures/decide/linear-up.json, test/fixtures/decide/linear-down.json");
  });

  it("in French: headings, tables, notes and numbers in the report's language (decimal comma, points), nothing left in English", async () => {
    const out = join(tmp, "fr");
    const decision = readDecision(fixture);
    await buildReport(loadFixture(), { out, lang: "fr", png: false, force: false, command: "test", version: "0.0.0", decisions: [decision] });
    const html = readFileSync(join(out, "report.html"), "utf8");
    const section = html.slice(html.indexOf('<section id="analysis">'), html.indexOf('<section id="method">'));
    expect(section).toContain("Décision à travers les scénarios");
    expect(section).toContain("Regret maximal");
    expect(section).toContain("nombres aléatoires communs");
    expect(section).toContain("16\u202F000 trajectoires simulées, graine linear");
    const o = decision.outcomes[1]; // a share: percent with a decimal comma, regrets in points
    const cell = o.cells[2][0];
    expect(section).toContain(formatEstimate(cell.value, cell.se, o.unit, "fr").split(" ± ")[0]);
    const regret = o.settings[2].maxRegret;
    expect(section).toContain(formatDifference(regret.value, regret.se, o.unit, "fr").split(" ± ")[0]);
    expect(formatDifference(regret.value, regret.se, o.unit, "fr")).toMatch(/\u202Fpts$/);
    for (const english of ["Decision across", "Maximum regret", "simulated paths", "common random numbers", "Expected", "Setting"])
      expect(section).not.toContain(english);
  });

  it("refuses a file that is not a decision, naming it and what to give", () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ analysis: "decide", scenarios: [] }));
    expect(() => readDecision(bad)).toThrow(UserError);
    expect(() => readDecision(bad)).toThrow(
      /--decide .*bad\.json: not a marketfutures decision; give a decision\.json written by `marketfutures decide --out`/,
    );
    expect(() => readDecision(join(tmp, "none.json"))).toThrow(/--decide .*none\.json: no such file/);
  });
});
