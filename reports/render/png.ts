/**
 * PNG from SVG with @resvg/resvg-js, drawn with the Inter TTF files shipped in
 * reports/fonts (resvg reads no WOFF2; system fonts are off, so the PNG looks the
 * same on every machine). Fonts are loaded from the source tree or, when running
 * from dist/, from the package's reports/fonts.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FONT_FILES = ["Inter-Regular.ttf", "Inter-SemiBold.ttf"];

/** The directory holding the shipped fonts. */
export function fontDir(): string {
  for (const rel of ["../fonts/", "../../../reports/fonts/"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir + FONT_FILES[0])) return dir;
  }
  throw new Error("the report fonts (reports/fonts/Inter-*.ttf) are missing from the installation");
}

/** Render `svg` to PNG at `scale` times its size (2 = crisp on high-density screens). */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const dir = fontDir();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: FONT_FILES.map((f) => dir + f), defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
  });
  return resvg.render().asPng();
}
