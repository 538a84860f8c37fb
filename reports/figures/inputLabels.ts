/** Labels of a scenario's uncertain inputs in figures: cut to fit a margin, values written briefly. */
import { formatNumber } from "../format/numbers.js";
import type { Lang } from "../i18n/index.js";
import { textWidth, wrapText } from "../render/textWidth.js";
import { log10 } from "../../engine/stats/fdlibm/log10.js";

/**
 * `text` shortened with "…" so that it is at most `maxWidth` px wide at `fontSize`.
 * @example fitLabel("AWS growth advantage", 12, 60) // "AWS grow…"
 */
export function fitLabel(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = text;
  while (out.length > 1 && textWidth(out + "…", fontSize) > maxWidth) out = out.slice(0, -1);
  return out.trimEnd() + "…";
}

/**
 * An input's value with 3 significant digits in the language's number format (years and other integers in full).
 * @example formatInputValue(0.0392188, "en") // "0.0392"
 */
export function formatInputValue(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return "–";
  if (Number.isInteger(x)) return String(x);
  const digits = Math.max(0, 2 - Math.floor(log10(Math.abs(x))));
  return formatNumber(x, lang, Math.min(digits, 8));
}

/**
 * `text` on at most `maxLines` lines of `maxWidth` px joined by "\n" (Plot's text marks break lines there), the last cut with "…".
 * @example wrapLabel("AWS growth advantage + Azure growth advantage", 12, 150) // "AWS growth advantage +\nAzure growth advantage"
 */
export function wrapLabel(text: string, fontSize: number, maxWidth: number, maxLines = 2): string {
  const lines = wrapText(text, fontSize, maxWidth);
  if (lines.length <= maxLines) return lines.map((l) => fitLabel(l, fontSize, maxWidth)).join("\n");
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitLabel(`${kept[maxLines - 1]} ${lines[maxLines]}`, fontSize, maxWidth - textWidth("…", fontSize));
  if (!kept[maxLines - 1].endsWith("…")) kept[maxLines - 1] += "…";
  return kept.join("\n");
}
