/** PNG figures: drawn with the shipped Inter fonts, at twice the SVG's size, the same bytes whether drawn on a pool thread or here. */
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { pngOptions, svgToPng } from "../../../reports/render/png.js";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">
  <rect x="10" y="40" width="220" height="10" fill="#1f77b4"/>
  <text x="10" y="30" font-size="20" font-family="Inter" fill="#000">Cloud shares 2030</text>
</svg>`;

describe("svgToPng", () => {
  it("gives a PNG of twice the SVG's size, the bytes of resvg's synchronous render", async () => {
    const png = await svgToPng(svg);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // IHDR: width and height, big-endian, at bytes 16 and 20
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([480, 120]);
    expect(Buffer.compare(png, new Resvg(svg, pngOptions()).render().asPng())).toBe(0);
  });

  it("draws the text with the shipped fonts (without them, resvg leaves text out silently)", () => {
    const dark = (options: ConstructorParameters<typeof Resvg>[1]) => {
      const { pixels } = new Resvg(svg, options).render();
      let n = 0;
      // the text's rows only (above the bar): pixels darker than mid-grey
      for (let i = 0; i < 70 * 480 * 4; i += 4) if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 384) n++;
      return n;
    };
    expect(dark(pngOptions())).toBeGreaterThan(500);
    expect(dark({ ...pngOptions(), font: { loadSystemFonts: false } })).toBe(0);
  });
});
