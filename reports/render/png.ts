/**
 * PNG from SVG with @resvg/resvg-js, drawn with the Inter TTF files shipped in
 * reports/fonts (resvg reads no WOFF2; system fonts are off, so the PNG looks the
 * same on every machine). Fonts are loaded from the source tree or, when running
 * from dist/ (tsc's modules or the CLI's bundle), from the package's reports/fonts.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ResvgRenderOptions } from "@resvg/resvg-js";

const FONT_FILES = ["Inter-Regular.ttf", "Inter-SemiBold.ttf"];

/** The directory holding the shipped fonts. */
export function fontDir(): string {
  // reports/render/ (sources), dist/reports/render/ (tsc), dist/bin/ (the CLI's bundle)
  for (const rel of ["../fonts/", "../../../reports/fonts/", "../../reports/fonts/"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir + FONT_FILES[0])) return dir;
  }
  throw new Error("the report fonts (reports/fonts/Inter-*.ttf) are missing from the installation");
}

/** resvg's options: `scale` times the SVG's size, on white, with the shipped fonts only. */
export function pngOptions(scale = 2): ResvgRenderOptions {
  const dir = fontDir();
  return {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: FONT_FILES.map((f) => dir + f), defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
  };
}

/**
 * Render `svg` to PNG at `scale` times its size (2 = crisp on high-density screens).
 * resvg's renderAsync draws in libuv's thread pool, so that figures rendered at
 * once use every core; its PNG is byte for byte that of `new Resvg(svg).render()`.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { renderAsync } = await import("@resvg/resvg-js");
  return (await renderAsync(svg, pngOptions(scale))).asPng();
}
