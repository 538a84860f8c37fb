/**
 * The track figures and report section on a frozen TrackResults (test/fixtures/results/track-small.json,
 * make-track.ts): accessible SVGs whose titles state a finding computed from the numbers, every
 * observation drawn on every scenario's fan, no NaN, French words in French; the section's tables.
 */
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import type { TrackResults } from "../../../engine/results/trackTypes.js";
import type { Figure } from "../../../reports/figures/types.js";
import { createDocument } from "../../../reports/render/dom.js";
import { serializeSvg } from "../../../reports/render/serialize.js";
import { trackFigures } from "../../../reports/track/trackFigures.js";
import { trackSection } from "../../../reports/track/trackSection.js";

const track = JSON.parse(readFileSync("test/fixtures/results/track-small.json", "utf8")) as TrackResults;
let english: { figure: Figure; svg: string }[];
let french: { figure: Figure; svg: string }[];
beforeAll(async () => {
  const document = await createDocument();
  english = trackFigures(track, { document, lang: "en" }).map((figure) => ({ figure, svg: serializeSvg(figure.svg) }));
  french = trackFigures(track, { document, lang: "fr" }).map((figure) => ({ figure, svg: serializeSvg(figure.svg) }));
});

const parse = (svg: string) => new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
const texts = (svg: string) => [...parse(svg).querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ");

describe("track figures", () => {
  it("are the observations on the fans, the percentiles, the weights and one conditioned fan chart per scenario", () => {
    expect(english.map((f) => f.figure.name)).toEqual([
      "track-observations",
      "track-percentiles",
      "track-weights",
      "track-conditioned-hyperscaler-hegemony",
      "track-conditioned-regulated-multipolarity",
      "track-conditioned-paradigm-shift",
    ]);
  });

  it("are accessible SVGs with a finding for a title, computed from the numbers", () => {
    for (const { figure, svg } of english) {
      const root = parse(svg).documentElement;
      expect(root.getAttribute("role")).toBe("img");
      const [title, desc] = root.getAttribute("aria-labelledby")!.split(" ");
      expect(root.querySelector(`title#${title}`)?.textContent).toBe(figure.title);
      expect(root.querySelector(`desc#${desc}`)?.textContent).toMatch(/\d/);
    }
    // the growth of 2026 is far above every scenario (percentile > 99.9% in each): it is the title's finding
    expect(track.scenarios.every((s) => s.fits[12].percentile > 0.999)).toBe(true);
    expect(english[0].figure.title).toBe("Market growth (World), 2026Q1, lies outside every scenario's 5-95% range");
    const outside = track.observations.filter((_, k) => track.scenarios.some((s) => s.fits[k].outside)).length;
    expect(english[1].figure.title).toBe(`${outside} of 13 observations fall outside the 5-95% range of at least one scenario`);
    expect(english[2].figure.title).toMatch(/^Given the observations, .* weighs most: \d+% \(prior 33\.3%\)$|^The observations do not separate/);
  });

  it("draw every observation (a dot and its error bar) in every scenario's panel, on the same scale as the fans", () => {
    const doc = parse(english[0].svg);
    // 13 observations x 3 scenarios, a dot and a rule each
    expect(doc.querySelectorAll("g.observation circle").length).toBe(39);
    expect(doc.querySelectorAll("g.observation line").length).toBe(39);
    const csv = english[0].figure.csv.split("\n");
    expect(csv[0]).toBe("scenario,view,entity,measure,year,period,value,omega,p5,p25,p50,p75,p95");
    expect(csv.filter((l) => l.startsWith("observed,")).length).toBe(13);
  });

  it("say the weights rest on the prior, warn of a small effective sample size, contain no NaN", () => {
    expect(texts(english[2].svg)).toContain("The weights rest on the prior weights: equal, by default.");
    for (const [k, s] of track.scenarios.entries()) {
      const all = texts(english[3 + k].svg);
      expect(all.includes("the effective sample size is below 200")).toBe(s.ess < 200);
    }
    for (const { figure, svg } of [...english, ...french]) {
      expect(svg, figure.name).not.toMatch(/NaN|undefined|Infinity/);
      expect(figure.csv, figure.name).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it("speak French in French", () => {
    expect(french[0].figure.title).toBe("Croissance du marché (Monde), 2026Q1, sort de l'intervalle 5-95 % de tous les scénarios");
    expect(texts(french[2].svg)).toContain("Les poids reposent sur les poids a priori");
    expect(texts(french[1].svg)).toContain("AWS, part (Monde), 2026Q1");
  });
});

describe("the report section", () => {
  it("has one row per observation with its percentile in each scenario, and the weights with their intervals and ESS", () => {
    const html = trackSection(
      track,
      english.map((e) => ({ name: e.figure.name, svg: e.svg })),
      "en",
    );
    const doc = new JSDOM(html).window.document;
    const [pits, weights] = [...doc.querySelectorAll("table")];
    expect(pits.querySelectorAll("tbody tr").length).toBe(13);
    expect(pits.querySelector("tbody tr:last-child")!.textContent).toMatch(/Market growth \(World\), 2026Q1.*35% ± 3\.2 pp.*> 99\.\d+% !/);
    expect(weights.querySelectorAll("tbody tr").length).toBe(3);
    expect(doc.body.textContent).toContain("The weights rest on the prior weights: equal, by default.");
    expect(doc.body.textContent).toContain(
      "13 observations used from scenarios/observations/worldwide-shares.csv, scenarios/observations/worldwide-growth.csv; 24 skipped",
    );
    expect(doc.body.textContent).toContain("Caveat: observations of cloud_infrastructure_services are compared with scenarios whose sizes measure cloud_total");
    expect(doc.querySelectorAll("figure").length).toBe(6);
    // the publications the observations come from
    expect([...doc.querySelectorAll("ol li")].map((li) => li.textContent)).toContain(
      "Synergy Research Group, as reported by Recatools, 2026 (https://recatools.com/news/the-cloud-market-just-crossed-a-half-trillion-dollar-run-rate-and-ai-is-why-its-still-accelerating/)",
    );
  });
});
