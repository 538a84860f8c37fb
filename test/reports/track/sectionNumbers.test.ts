/**
 * The report's "What has been observed" section prints its numbers by
 * engine/format's rules (test/outputs/honestNumbers.test.ts does the same
 * for the rest of the report): on the frozen TrackResults
 * (test/fixtures/results/track-small.json), every percentile, its standard
 * error, each ln likelihood with its error, prior and posterior weight and
 * interval is read back from the HTML, in English and French, and checked
 * against the value it stands for at its printed precision; no percentile
 * prints 0% or 100% (a mean of Gaussian probabilities never is), no standard
 * error prints as zero, and an estimate has its error's decimals.
 */
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { TrackResults } from "../../../engine/results/trackTypes.js";
import { trackSection } from "../../../reports/track/trackSection.js";
import { tt } from "../../../reports/track/trackText.js";
import { matches, numbersIn } from "../../outputs/printedNumbers.js";

const track = JSON.parse(readFileSync("test/fixtures/results/track-small.json", "utf8")) as TrackResults;

function tables(lang: "en" | "fr"): string[][][] {
  const doc = new JSDOM(trackSection(track, [], lang)).window.document;
  return [...doc.querySelectorAll("table")].map((t) => [...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent ?? "")));
}

/** "x ± se" (or x alone): x against `value`, se against `se`, both in the printed units (k: 100 for percent). */
function expectEstimate(text: string, value: number, se: number, lang: "en" | "fr", k: number): void {
  const [est, err] = text.replace(/ !$/, "").split(" ± ");
  const x = numbersIn(est, lang)[0];
  // a percentile stored as 1 (every path's Phi is 1.0 in floating point) prints "> 99.995%": true of the
  // mean of Gaussian probabilities, which is below 1; hence no end point for the bound here
  expect(matches(x, value * k, k === 100 ? undefined : 100), `${text} for ${value}`).toBe(true);
  if (x.kind === "=" && k === 100) expect(x.value === 0 || x.value === 100, `${text}: 0% or 100%`).toBe(false);
  if (err === undefined) return;
  const e = numbersIn(err, lang)[0];
  expect(e.value, `${text}: a standard error printed as zero`).toBeGreaterThan(0);
  expect(matches(e, se * k), `${text}: se ${se}`).toBe(true);
  if (x.kind === "=") expect(x.decimals, `${text}: the estimate at its error's decimals`).toBe(e.decimals);
}

describe("the track section's numbers", () => {
  for (const lang of ["en", "fr"] as const)
    it(`${lang}: percentiles, ln likelihoods and weights are the results' at their printed precision`, () => {
      const [pits, evidence] = tables(lang);
      expect(pits.length).toBe(track.observations.length);
      let withError = 0;
      pits.forEach((row, k) =>
        track.scenarios.forEach((s, j) => {
          const f = s.fits[k];
          const cell = row[2 + j];
          expectEstimate(cell, f.percentile, f.percentileSe, lang, 100);
          expect(cell.endsWith(" !"), cell).toBe(f.outside);
          if (cell.includes(" ± ")) withError++;
        }),
      );
      // the base year's percentiles are exact (one value on every path); 2026's carry their error
      expect(withError).toBeGreaterThanOrEqual(9);
      evidence.forEach((row, j) => {
        const s = track.scenarios[j];
        const w = track.posteriorWeights[j];
        expectEstimate(row[1], s.logLikelihood, s.likelihoodRelSe, lang, 1);
        expect(matches(numbersIn(row[2], lang)[0], s.ess), row[2]).toBe(true);
        expect(matches(numbersIn(row[3], lang)[0], track.priorWeights[j] * 100), row[3]).toBe(true);
        const [weight, low, high] = numbersIn(row[4], lang);
        expect([matches(weight, w.weight * 100), matches(low, w.low * 100), matches(high, w.high * 100)], row[4]).toEqual([true, true, true]);
      });
    });

  it("fr: the section's words are French (no English text of track's catalogue, French punctuation)", () => {
    const doc = new JSDOM(trackSection(track, [], "fr")).window.document;
    const text = doc.body.textContent ?? "";
    for (const key of ["sectionLead", "weightsNotePrior", "caveatPrefix", "colPosterior", "colLikelihood"] as const)
      expect(text).not.toContain(tt("en", key, { prior: "" }).slice(0, 20));
    expect(text).toContain("Mise en garde : ");
    expect(text).toContain("part 0,67\u202Fpts");
    expect(text).not.toMatch(/\w: /);
  });
});
