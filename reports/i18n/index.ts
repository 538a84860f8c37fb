/** Languages of the report, the message lookup and the choice of a Label's text. */
import type { Label } from "../../engine/model/types.js";
import { en, type MessageKey, type Messages } from "./en.js";
import { fr } from "./fr.js";

import type { Lang } from "./lang.js";

export { isLang, LANGS, type Lang } from "./lang.js";

const catalogues: Record<Lang, Messages> = { en, fr };

export function messages(lang: Lang): Messages {
  return catalogues[lang];
}

/**
 * The message `key` in `lang` with `{name}` placeholders filled in.
 * @example t("en", "caption", { paths: "400", seed: "42", version: "0.1.0" }) // "400 paths, seed 42, marketfutures v0.1.0"
 */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The text of a Label in `lang`, falling back to English; French text set with its typographic spaces (frenchSpacing). */
export function label(l: Label | undefined, lang: Lang): string {
  if (!l) return "";
  return lang === "fr" && l.fr !== undefined ? frenchSpacing(l.fr) : l.en;
}

/**
 * French text as typeset: a narrow no-break space (U+202F) instead of the plain space before
 * : ; ! ? % and inside « », and between groups of thousands, so that scenario files can be
 * written with plain spaces and a line never breaks before a colon or a percent sign.
 * @example frenchSpacing("10 % : « oui »") // "10\u202F%\u202F: «\u202Foui\u202F»"
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([:;!?%»])/g, "\u202F$1")
    .replace(/« /g, "«\u202F")
    .replace(/(\d) (?=\d{3}\b)/g, "$1\u202F");
}

export type { MessageKey, Messages };
