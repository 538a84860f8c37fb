/**
 * SVG snapshots of every figure on the frozen fixture (English and French).
 * When one changes, render it to PNG and look at it before accepting
 * (npx vitest run test/reports -u).
 */
import { describe, expect, it } from "vitest";
import { normalise, renderAll } from "../fixture.js";

describe("figure snapshots", async () => {
  for (const lang of ["en", "fr"] as const) {
    const rendered = await renderAll(lang);
    for (const { figure, svg } of rendered) {
      it(`${figure.name} (${lang}) matches its committed SVG`, async () => {
        await expect(normalise(svg)).toMatchFileSnapshot(`../__snapshots__/${lang}/${figure.name}.svg`);
      });
    }
  }

  it("renders byte-identical SVG twice in a row", async () => {
    const a = await renderAll("en");
    const b = await renderAll("en");
    expect(a.map((r) => r.svg)).toEqual(b.map((r) => r.svg));
  });
});
