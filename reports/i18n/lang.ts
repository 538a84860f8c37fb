/** The report's languages, apart from their message catalogues: a command checks `--lang` without loading them. */

/** A language of the report: English or French. */
export type Lang = "en" | "fr";
export const LANGS: readonly Lang[] = ["en", "fr"];

export function isLang(x: string): x is Lang {
  return (LANGS as readonly string[]).includes(x);
}
