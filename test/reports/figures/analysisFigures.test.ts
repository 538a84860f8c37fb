/**
 * The figures of the analysis commands on frozen results (never rerunning
 * the engine): tornado, Sobol indices, discovery trade-off (from results
 * written by the commands, test/fixtures/results/*.json), the compare
 * figure with differences and the blend fan chart (from small.json).
 * Snapshots, plus what must hold whatever the numbers: accessible SVG, no
 * NaN, the finding in the title, the weights labelled as an assumption.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blendResults } from "../../../engine/analysis/blend.js";
import { compareEntities } from "../../../engine/analysis/compare.js";
import type { DiscoverResult } from "../../../engine/analysis/discover.js";
import type { SensitivityResult } from "../../../engine/analysis/sensitivity.js";
import { blendFanChart } from "../../../reports/figures/blendFanChart.js";
import { discoveryTradeoff } from "../../../reports/figures/discoveryTradeoff.js";
import { scenarioComparison } from "../../../reports/figures/scenarioComparison.js";
import { sensitivityFigure } from "../../../reports/figures/sensitivityFigure.js";
import type { Figure } from "../../../reports/figures/types.js";
import { createDocument } from "../../../reports/render/dom.js";
import { serializeSvg } from "../../../reports/render/serialize.js";
import { loadFixture, normalise } from "../fixture.js";

const json = <T>(name: string): T => JSON.parse(readFileSync(`test/fixtures/results/${name}`, "utf8")) as T;

describe("analysis figures", async () => {
  const document = await createDocument();
  const results = loadFixture();
  const tornado = json<SensitivityResult>("sensitivity-tornado.json");
  const sobol = json<SensitivityResult>("sensitivity-sobol.json");
  const discovery = json<DiscoverResult>("discovery.json");
  const figures: Record<string, (lang: "en" | "fr") => Figure> = {
    tornado: (lang) => sensitivityFigure(tornado, { document, lang }),
    "sobol-indices": (lang) => sensitivityFigure(sobol, { document, lang }),
    "discovery-tradeoff": (lang) => discoveryTradeoff(discovery, { document, lang }),
    "scenario-differences": (lang) => scenarioComparison(results, { document, lang, rows: compareEntities(results.scenarios), differences: true }),
    "blend-fan-chart": (lang) => blendFanChart(results, blendResults(results, [0.5, 0.3, 0.2]), { document, lang }),
  };

  for (const lang of ["en", "fr"] as const)
    for (const [name, draw] of Object.entries(figures)) {
      it(`${name} (${lang}) matches its committed SVG, is accessible and has no NaN`, async () => {
        const f = draw(lang);
        const svg = serializeSvg(f.svg);
        expect(svg).toContain('role="img"');
        expect(svg).toMatch(/<title id="[\w-]+-title">[^<]{20,}<\/title>/);
        expect(svg).toMatch(/<desc id="[\w-]+-desc">[^<]{20,}<\/desc>/);
        expect(svg).not.toMatch(/NaN|undefined|Infinity/);
        expect(f.csv.split("\n").length).toBeGreaterThan(2);
        await expect(normalise(svg)).toMatchFileSnapshot(`../__snapshots__/${lang}/analysis-${name}.svg`);
      });
    }

  it("titles state findings computed from the results", () => {
    const top = tornado.tornado!.rows[0];
    expect(figures.tornado("en").title).toContain(top.label);
    const bySobol = [...sobol.sobol!.rows].sort((a, b) => b.total - a.total)[0];
    // an event's occurrence is named as the event ("Whether “…” happens"), other inputs by their label
    const event = sobol.inputs.find((i) => i.id === bySobol.id && i.kind === "event");
    // (a shorter wording when the event's name would make the title run to three lines)
    expect(figures["sobol-indices"]("en").title).toMatch(
      event ? /^Whether (“Binding EU sovereignty and data-localisation rules”|the first event) happens/ : new RegExp(bySobol.label),
    );
    if (event) expect(event.event!.en).toBe("Binding EU sovereignty and data-localisation rules");
    // the --where clause in words, not its syntax
    expect(figures["discovery-tradeoff"]("en").title).toContain("the 2030 share of European providers in Europe is at least 12%");
    expect(figures["discovery-tradeoff"]("en").title).not.toContain(discovery.where.text);
  });

  it("the blend fan chart labels the weights as the user's assumption in its subtitle, notes and CSV", () => {
    const f = figures["blend-fan-chart"]("en");
    // The frame wraps long lines into several <text> elements: read them as one text.
    const svg = [...f.svg.querySelectorAll("text")].map((e) => e.textContent).join(" ");
    expect(svg).toContain("weights assumed by the user (Hyperscaler hegemony 50%, Regulated multipolarity 30%, Technological paradigm shift 20%)");
    expect(svg).toContain("are an assumption of the user, not a result of the model");
    expect(f.csv.split("\n")[0]).toMatch(/,weights_assumed_by_user$/);
    expect(f.csv.split("\n")[1]).toMatch(/,"Hyperscaler hegemony 50%, Regulated multipolarity 30%, Technological paradigm shift 20%"$/);
  });

  it("the compare figure states the differences of means with their 95% Monte Carlo interval", () => {
    const svg = serializeSvg(figures["scenario-differences"]("en").svg);
    expect(svg).toMatch(/Δ [+−][\d.]+ pp ± [\d.]+ pp/); // differences of shares in percentage points
    expect(svg).toContain("the 95% Monte Carlo interval (1.96 standard errors");
  });
});
