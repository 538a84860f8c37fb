/**
 * marketfutures/figures: each figure is the report's (the same SVG text and
 * CSV as reports/figures draws), in either language; a PNG at twice the
 * SVG's size; writeReport writes the report of `marketfutures report`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { blendResults } from "../../engine/analysis/blend.js";
import type { SensitivityResult } from "../../engine/analysis/sensitivity.js";
import * as report from "../../reports/figures/index.js";
import { blendFanChart as reportBlend } from "../../reports/figures/blendFanChart.js";
import { sensitivityFigure as reportSensitivity } from "../../reports/figures/sensitivityFigure.js";
import { createDocument } from "../../reports/render/dom.js";
import { serializeSvg } from "../../reports/render/serialize.js";
import * as figures from "../../api/figures.js";
import { UsageError } from "../../api/index.js";
import { loadFixture } from "../reports/fixture.js";

const results = loadFixture();
const tmp = mkdtempSync(join(tmpdir(), "mf-api-figures-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("marketfutures/figures", () => {
  it("draws every figure of the report, SVG and CSV, in English and French", async () => {
    for (const lang of ["en", "fr"] as const) {
      const document = await createDocument();
      const expected = report.allFigures(results, { document, lang }).map((f) => ({ name: f.name, title: f.title, svg: serializeSvg(f.svg), csv: f.csv }));
      expect(figures.allFigures(results, { lang })).toEqual(expected);
    }
    expect(figures.fanChart(results).name).toBe("fan-chart-hyperscaler-hegemony");
    expect(figures.fanChart(results, { scenario: "paradigm_shift" }).name).toBe("fan-chart-paradigm-shift");
    expect(() => figures.fanChart(results, { scenario: "nope" })).toThrow(/no scenario "nope"/);
    expect(() => figures.composition(results, { lang: "de" as never })).toThrow(/lang/);
  });

  it("draws the analyses' figures", async () => {
    const document = await createDocument();
    const weights = [0.5, 0.3, 0.2];
    const blend = figures.blendFanChart(results, weights, { lang: "fr" });
    expect(blend.svg).toBe(serializeSvg(reportBlend(results, blendResults(results, weights), { document, lang: "fr" }).svg));
    const tornado = JSON.parse(readFileSync("test/fixtures/results/sensitivity-tornado.json", "utf8")) as SensitivityResult;
    expect(figures.sensitivityFigure(tornado).svg).toBe(serializeSvg(reportSensitivity(tornado, { document, lang: "en" }).svg));
    const discovery = JSON.parse(readFileSync("test/fixtures/results/discovery.json", "utf8"));
    expect(figures.discoveryTradeoff(discovery).svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\n$/);
  });

  it("makes a PNG at twice the SVG's size", async () => {
    const f = figures.targets(results);
    const png = await figures.toPng(f);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(f.svg)![1]);
    expect(view.getUint32(16)).toBe(Math.round(width * 2)); // IHDR width
    await expect(figures.toPng(f, { scale: 0 })).rejects.toThrow(UsageError);
  });

  it("writes the report", async () => {
    const dir = join(tmp, "report");
    const files = await figures.writeReport(results, dir, { lang: "fr", blend: [0.5, 0.3, 0.2] });
    expect(files).toContain(join(dir, "report.html"));
    expect(existsSync(join(dir, "figures", "blend-fan-chart.svg"))).toBe(true);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toMatch(/<html lang="fr"/);
  });
});
